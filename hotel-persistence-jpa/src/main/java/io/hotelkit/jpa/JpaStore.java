package io.hotelkit.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.rates.NightlyRates;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.UnitOfWork;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * hotel-core's repositories, unit of work, outbox and idempotency store on a PostgreSQL or H2 database.
 * Opening a store connects a pool to the database, migrates its schema to this version, and starts JPA;
 * closing it closes them.
 *
 * <pre>{@code
 * try (JpaStore store = JpaStore.open("jdbc:h2:file:./data/hotel", "sa", "")) {
 *     UnitOfWork transactions = store.unitOfWork();
 *     transactions.run(() -> store.properties().save(property));
 * }
 * }</pre>
 *
 * Every repository method joins the calling thread's transaction, or runs in one of its own outside of
 * one. A database that cannot be reached shows as {@link io.hotelkit.shared.StoreUnavailableException}.
 * Thread-safe.
 */
public final class JpaStore implements AutoCloseable {

    private static final List<Class<?>> ENTITIES = List.of(
            PropertyEntity.class,
            RoomTypeEntity.class,
            RoomEntity.class,
            RatePlanEntity.class,
            NightlyRateEntity.class,
            ApiKeyEntity.class,
            OutboxEventEntity.class);

    private final HikariDataSource dataSource;
    private final EntityManagerFactory factory;
    private final JpaUnitOfWork unitOfWork;
    private final Properties properties;
    private final RoomTypes roomTypes;
    private final Rooms rooms;
    private final RatePlans ratePlans;
    private final NightlyRates nightlyRates;
    private final ApiKeys apiKeys;
    private final Outbox outbox;
    private final IdempotencyStore idempotencyStore;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JpaStore(HikariDataSource dataSource, EntityManagerFactory factory, Vendor vendor, Clock clock) {
        this.dataSource = dataSource;
        this.factory = factory;
        this.unitOfWork = new JpaUnitOfWork(factory, vendor);
        this.properties = new JpaProperties(unitOfWork);
        this.roomTypes = new JpaRoomTypes(unitOfWork);
        this.rooms = new JpaRooms(unitOfWork);
        this.ratePlans = new JpaRatePlans(unitOfWork);
        this.nightlyRates = new JpaNightlyRates(unitOfWork);
        this.apiKeys = new JpaApiKeys(unitOfWork);
        this.outbox = new JpaOutbox(unitOfWork);
        this.idempotencyStore = new JpaIdempotencyStore(unitOfWork, clock);
    }

    /**
     * Opens a store with the default settings; see {@link Builder}.
     *
     * @param url a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL; an in-memory H2 database needs
     *     {@code ;DB_CLOSE_DELAY=-1}, or it is gone whenever the pool has no connection open
     * @throws io.hotelkit.shared.StoreUnavailableException if the database cannot be reached
     */
    public static JpaStore open(String url, @Nullable String user, @Nullable String password) {
        return builder().url(url).user(user).password(password).open();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The transactions that every repository of this store joins. */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public Properties properties() {
        return properties;
    }

    public RoomTypes roomTypes() {
        return roomTypes;
    }

    public Rooms rooms() {
        return rooms;
    }

    public RatePlans ratePlans() {
        return ratePlans;
    }

    public NightlyRates nightlyRates() {
        return nightlyRates;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public Outbox outbox() {
        return outbox;
    }

    public IdempotencyStore idempotencyStore() {
        return idempotencyStore;
    }

    /**
     * Whether the database answers now, for health checks: waits at most the connection timeout for a
     * connection, then at most 5 seconds for the answer.
     */
    public boolean isAvailable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes JPA and the pool; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            factory.close();
        } finally {
            dataSource.close();
        }
    }

    /** A store's settings. Each has a default but the URL. */
    public static final class Builder {
        private @Nullable String url;
        private @Nullable String user;
        private @Nullable String password;
        private int maximumPoolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(5);
        private Duration lockTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** A {@code jdbc:postgresql:} or {@code jdbc:h2:} URL. */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        public Builder user(@Nullable String user) {
            this.user = user;
            return this;
        }

        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        /** The most connections the pool opens; 10 unless set. */
        public Builder maximumPoolSize(int maximumPoolSize) {
            if (maximumPoolSize < 1) {
                throw new IllegalArgumentException("maximum pool size must be at least 1, not " + maximumPoolSize);
            }
            this.maximumPoolSize = maximumPoolSize;
            return this;
        }

        /**
         * How long an operation waits for a connection before it fails with
         * {@link io.hotelkit.shared.StoreUnavailableException}; 5 seconds unless set, at least 250 ms.
         */
        public Builder connectionTimeout(Duration connectionTimeout) {
            Objects.requireNonNull(connectionTimeout, "connection timeout");
            if (connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("connection timeout must be at least 250 ms, not " + connectionTimeout);
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /**
         * How long a statement waits for a row another transaction holds (a second request with the same
         * idempotency key waits for the first this long); 10 seconds unless set.
         */
        public Builder lockTimeout(Duration lockTimeout) {
            Objects.requireNonNull(lockTimeout, "lock timeout");
            if (lockTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("lock timeout must be at least 1 ms, not " + lockTimeout);
            }
            this.lockTimeout = lockTimeout;
            return this;
        }

        /** Where the store reads the time (the age of idempotency keys); the system UTC clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Connects, migrates the schema and starts JPA.
         *
         * @throws IllegalStateException if no URL was set
         * @throws io.hotelkit.shared.StoreUnavailableException if the database cannot be reached
         */
        public JpaStore open() {
            if (url == null) {
                throw new IllegalStateException("url is required: a jdbc:postgresql: or jdbc:h2: URL");
            }
            Vendor vendor = Vendor.of(url);
            HikariDataSource dataSource = null;
            try {
                dataSource = new HikariDataSource(poolConfig(vendor));
                // Flyway holds two connections at once on PostgreSQL, more than a pool of one has: it gets its own.
                Flyway.configure().dataSource(url, user, password).locations(vendor.migrations()).load().migrate();
                EntityManagerFactory factory = new HibernatePersistenceConfiguration("hotelkit")
                        .managedClasses(ENTITIES)
                        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                        .validationMode(ValidationMode.NONE)
                        .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                        .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                        .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName())
                        .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                        .property(AvailableSettings.ORDER_INSERTS, true)
                        .property(AvailableSettings.ORDER_UPDATES, true)
                        .createEntityManagerFactory();
                return new JpaStore(dataSource, factory, vendor, clock);
            } catch (RuntimeException e) {
                if (dataSource != null) {
                    dataSource.close();
                }
                Throwable translated = StoreFailures.translate(e);
                throw translated instanceof RuntimeException runtime ? runtime : e;
            }
        }

        private HikariConfig poolConfig(Vendor vendor) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("hotelkit");
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(maximumPoolSize);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            // Hibernate begins and ends every transaction itself; told so, it never toggles auto-commit.
            config.setAutoCommit(false);
            config.setConnectionInitSql(vendor.sessionSetup(lockTimeout));
            // Commits the set-up: a PostgreSQL setting made in a transaction that later rolls back is undone.
            config.setIsolateInternalQueries(true);
            return config;
        }
    }
}
