package io.hotelkit.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hotelkit.Storage;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.billing.Companies;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.InvoiceNumbers;
import io.hotelkit.billing.Invoices;
import io.hotelkit.billing.Payments;
import io.hotelkit.guests.Guests;
import io.hotelkit.guests.LoyaltyAccounts;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.NightAllowances;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.rates.NightlyRates;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.reservations.Blocks;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.UnitOfWork;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * hotel-core's {@link Storage} on a PostgreSQL or H2 database: every repository, the unit of work, the
 * outbox and the idempotency store. Opening a store connects a pool to the database, migrates its schema
 * to this version, and starts JPA; closing it closes them.
 *
 * <pre>{@code
 * try (JpaStore store = JpaStore.open("jdbc:h2:file:./data/hotel", "sa", "")) {
 *     Hotel hotel = Hotel.builder().storage(store).build();
 *     ...
 * }
 * }</pre>
 *
 * Every repository method joins the calling thread's transaction, or runs in one of its own outside of
 * one. The database itself refuses a night of a room sold twice and a room type sold past its capacity
 * (see {@link Bookings#save}); a transaction that it ends with a deadlock or serialization failure is run
 * again (see {@link #transactions()}). A database that cannot be reached shows as
 * {@link io.hotelkit.shared.StoreUnavailableException}. Thread-safe.
 */
public final class JpaStore implements Storage, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JpaStore.class.getName());

    /** Whole milliseconds of a duration in nanoseconds, for the start-up log. */
    static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static final List<Class<?>> ENTITIES = List.of(
            PropertyEntity.class,
            RoomTypeEntity.class,
            RoomEntity.class,
            RatePlanEntity.class,
            NightlyRateEntity.class,
            ApiKeyEntity.class,
            OutboxEventEntity.class,
            GuestEntity.class,
            LoyaltyAccountEntity.class,
            BlockEntity.class,
            BookingEntity.class,
            FolioEntity.class,
            FolioWindowEntity.class,
            CompanyEntity.class,
            PaymentEntity.class,
            InvoiceEntity.class);

    private final RenewablePool dataSource;
    private final EntityManagerFactory factory;
    private final JpaUnitOfWork unitOfWork;
    private final Properties properties;
    private final RoomTypes roomTypes;
    private final NightAllowances nightAllowances;
    private final Rooms rooms;
    private final RatePlans ratePlans;
    private final NightlyRates nightlyRates;
    private final ApiKeys apiKeys;
    private final Outbox outbox;
    private final IdempotencyStore idempotency;
    private final Bookings bookings;
    private final Blocks blocks;
    private final Guests guests;
    private final LoyaltyAccounts loyaltyAccounts;
    private final Folios folios;
    private final Companies companies;
    private final Payments payments;
    private final Invoices invoices;
    private final InvoiceNumbers invoiceNumbers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Vendor vendor;
    private final String connectionUrl;
    private final java.util.Properties credentials;
    /** This store's id in the notifications it sends, so that its own listener can skip them. */
    private final String self = UUID.randomUUID().toString();
    /** The connection {@link #answers(Duration)} asks on, outside the pool; guarded by this store. */
    private @Nullable Connection probe;

    private JpaStore(RenewablePool dataSource, EntityManagerFactory factory, Vendor vendor, Clock clock,
                     String connectionUrl, java.util.Properties credentials) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.connectionUrl = connectionUrl;
        this.credentials = credentials;
        this.factory = factory;
        this.unitOfWork = new JpaUnitOfWork(factory, vendor);
        InventoryRows inventory = new InventoryRows(unitOfWork);
        this.properties = new JpaProperties(unitOfWork);
        this.roomTypes = new JpaRoomTypes(unitOfWork, inventory);
        this.nightAllowances = new JpaNightAllowances(unitOfWork);
        this.rooms = new JpaRooms(unitOfWork, inventory);
        this.ratePlans = new JpaRatePlans(unitOfWork);
        this.nightlyRates = new JpaNightlyRates(unitOfWork);
        this.apiKeys = new JpaApiKeys(unitOfWork, self);
        this.outbox = new JpaOutbox(unitOfWork, self);
        this.idempotency = new JpaIdempotencyStore(unitOfWork, clock);
        this.bookings = new JpaBookings(unitOfWork, inventory);
        this.blocks = new JpaBlocks(unitOfWork, inventory);
        this.guests = new JpaGuests(unitOfWork);
        this.loyaltyAccounts = new JpaLoyaltyAccounts(unitOfWork);
        this.folios = new JpaFolios(unitOfWork);
        this.companies = new JpaCompanies(unitOfWork);
        this.payments = new JpaPayments(unitOfWork);
        this.invoices = new JpaInvoices(unitOfWork);
        this.invoiceNumbers = new JpaInvoiceNumbers(unitOfWork);
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

    /**
     * The transactions that every repository of this store joins. An outermost transaction that the
     * database ends with a deadlock or serialization failure (SQL state 40001 or 40P01) is run again, up
     * to 3 times in all: nothing of it was committed and its after-rollback hooks have run, so the work
     * starts afresh; what it calls outside the process must be idempotent across runs.
     */
    @Override
    public UnitOfWork transactions() {
        return unitOfWork;
    }

    @Override
    public Properties properties() {
        return properties;
    }

    @Override
    public RoomTypes roomTypes() {
        return roomTypes;
    }

    @Override
    public NightAllowances nightAllowances() {
        return nightAllowances;
    }

    @Override
    public Rooms rooms() {
        return rooms;
    }

    @Override
    public RatePlans ratePlans() {
        return ratePlans;
    }

    @Override
    public NightlyRates nightlyRates() {
        return nightlyRates;
    }

    @Override
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    public Bookings bookings() {
        return bookings;
    }

    @Override
    public Blocks blocks() {
        return blocks;
    }

    @Override
    public Guests guests() {
        return guests;
    }

    @Override
    public LoyaltyAccounts loyaltyAccounts() {
        return loyaltyAccounts;
    }

    @Override
    public Companies companies() {
        return companies;
    }

    @Override
    public Folios folios() {
        return folios;
    }

    @Override
    public Payments payments() {
        return payments;
    }

    @Override
    public Invoices invoices() {
        return invoices;
    }

    @Override
    public InvoiceNumbers invoiceNumbers() {
        return invoiceNumbers;
    }

    /** What other processes on the same database changed, as a {@link #listen listener} is told. */
    public enum Change {
        /** Another process committed events to the outbox: catch up with it. */
        OUTBOX,
        /** Another process made or revoked an API key: forget the keys kept in memory. */
        API_KEYS,
        /**
         * The listener (re)connected: what was sent while it was not listening is lost, so catch up with
         * everything (the outbox and the keys) once.
         */
        MISSED
    }

    /** A running {@link #listen listener}; closing it stops it. */
    public interface Subscription extends AutoCloseable {

        /** The PostgreSQL backend process of its connection while connected, for operators and tests. */
        OptionalInt backendPid();

        @Override
        void close();
    }

    /**
     * Tells {@code changed}, on a thread of its own, what other processes on this database commit: every
     * transaction that appends to the outbox or saves an API key sends a PostgreSQL notification as it
     * commits (this store's own are not told). The listener has a connection of its own outside the pool
     * and reconnects after failures; each time it has (re)connected it says {@link Change#MISSED}. On H2,
     * whose database one process has to itself, nothing is ever told and the subscription does nothing.
     * {@code changed} should return quickly (hand the work to another thread).
     */
    public Subscription listen(Consumer<Set<Change>> changed) {
        Objects.requireNonNull(changed, "changed");
        if (vendor != Vendor.POSTGRESQL) {
            return new Subscription() {
                @Override
                public OptionalInt backendPid() {
                    return OptionalInt.empty();
                }

                @Override
                public void close() {
                }
            };
        }
        return new Notifications.Listener(connectionUrl, credentials, self, changed).start();
    }

    /** Work on a JDBC connection, for {@link #jdbc}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on the connection of the current transaction of {@link #transactions()}, or of a new
     * one if none: for the tables an application keeps beside the hotel's in the same database (the reference
     * server's webhooks), in the same transactions. A failure to reach the database is a
     * {@link io.hotelkit.shared.StoreUnavailableException}.
     */
    public <T> T jdbc(SqlWork<T> work) {
        Objects.requireNonNull(work, "work");
        return unitOfWork.jdbc(work::apply);
    }

    /**
     * How many API keys have ever been revoked: revoking is final, so this grows by one with each
     * revocation on any process, and a cache of valid keys that kept the number it last saw knows whether
     * it may still trust what it holds. One small query.
     */
    public long revokedApiKeys() {
        return unitOfWork.call(em -> em.createQuery("select count(k) from ApiKeyEntity k where k.revokedAt is not null",
                Long.class).getSingleResult());
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

    /**
     * Whether the database answers within about {@code timeout}, asked on a connection of its own outside
     * the pool: a pool busy with requests does not make the database look down, and a database that is
     * down is told within the timeout, not the pool's connection timeout. The connection is kept while it
     * answers and made again when it does not. For a probe on a schedule; callers take turns. Until it
     * answers again, the store refuses its operations at once with
     * {@link io.hotelkit.shared.StoreUnavailableException}, rather than each after the connection timeout.
     */
    public synchronized boolean answers(Duration timeout) {
        boolean answers = ask(timeout);
        dataSource.refuse(!answers);
        return answers;
    }

    private boolean ask(Duration timeout) {
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        if (closed.get()) {
            return false;
        }
        try {
            if (probe != null && probe.isValid(seconds)) {
                return true;
            }
            closeProbe();
            java.util.Properties properties = new java.util.Properties();
            properties.putAll(credentials);
            if (vendor == Vendor.POSTGRESQL) {
                properties.setProperty("connectTimeout", Integer.toString(seconds));
                properties.setProperty("loginTimeout", Integer.toString(seconds));
                properties.setProperty("socketTimeout", Integer.toString(seconds + 1));
            }
            probe = DriverManager.getConnection(connectionUrl, properties);
            return probe.isValid(seconds);
        } catch (SQLException | RuntimeException e) {
            closeProbe();
            return false;
        }
    }

    private synchronized void closeProbe() {
        if (probe == null) {
            return;
        }
        try {
            probe.close();
        } catch (SQLException | RuntimeException e) {
            // it is gone either way
        }
        probe = null;
    }

    /**
     * Replaces the connection pool with a fresh one, for when the database is back after an outage: the
     * old pool may wait seconds before it tries to connect again, a new one connects at once. Connections
     * the old pool lent out keep working until they are returned.
     *
     * @throws io.hotelkit.shared.StoreUnavailableException if the new pool cannot connect; the old one stays
     */
    public void renewPool() {
        try {
            dataSource.renew();
        } catch (RuntimeException e) {
            Throwable translated = StoreFailures.translate(e);
            throw translated instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** The database this store runs on. */
    public Vendor vendor() {
        return vendor;
    }

    /** Closes JPA and the pool; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            closeProbe();
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
        private UnaryOperator<DataSource> wrapDataSource = UnaryOperator.identity();

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
         * Wraps the connection pool before JPA and the repositories' JDBC see it: every statement the store sends
         * goes through what {@code wrap} returns. For tracing, statement logging or counting (datasource-proxy,
         * say); the wrapper must hand out the pool's connections, not open its own.
         */
        public Builder wrapDataSource(UnaryOperator<DataSource> wrap) {
            this.wrapDataSource = Objects.requireNonNull(wrap, "wrap");
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
            String connectionUrl = vendor.connectionUrl(url);
            RenewablePool dataSource = null;
            try {
                long start = System.nanoTime();
                dataSource = new RenewablePool(() -> new HikariDataSource(poolConfig(vendor, connectionUrl)));
                long pooled = System.nanoTime();
                // Flyway holds two connections at once on PostgreSQL, more than a pool of one has: it gets its own.
                int migrations = Flyway.configure().dataSource(connectionUrl, user, password).locations(vendor.migrations())
                        .placeholders(vendor.placeholders()).load().migrate().migrationsExecuted;
                long migrated = System.nanoTime();
                EntityManagerFactory factory = new HibernatePersistenceConfiguration("hotelkit")
                        .managedClasses(ENTITIES)
                        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                        .validationMode(ValidationMode.NONE)
                        .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, wrapDataSource.apply(dataSource))
                        .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                        .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName())
                        .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                        .property(AvailableSettings.ORDER_INSERTS, true)
                        .property(AvailableSettings.ORDER_UPDATES, true)
                        // A refused statement's message quotes its values (H2 the duplicate key, PostgreSQL a
                        // whole batch entry: names, e-mails, preferences); the error reaches the caller as an
                        // exception, mapped without its message, and is never written to the log.
                        .property(AvailableSettings.LOG_JDBC_ERRORS, false)
                        .createEntityManagerFactory();
                long bootstrapped = System.nanoTime();
                LOG.log(System.Logger.Level.INFO, "start-up: connection pool {0} ms, Flyway {1} ms ({2} migrations applied), "
                        + "Hibernate bootstrap {3} ms", millis(pooled - start), millis(migrated - pooled), migrations,
                        millis(bootstrapped - migrated));
                java.util.Properties credentials = new java.util.Properties();
                if (user != null) {
                    credentials.setProperty("user", user);
                }
                if (password != null) {
                    credentials.setProperty("password", password);
                }
                return new JpaStore(dataSource, factory, vendor, clock, connectionUrl, credentials);
            } catch (RuntimeException e) {
                if (dataSource != null) {
                    dataSource.close();
                }
                Throwable translated = StoreFailures.translate(e);
                throw translated instanceof RuntimeException runtime ? runtime : e;
            }
        }

        private HikariConfig poolConfig(Vendor vendor, String connectionUrl) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("hotelkit");
            config.setJdbcUrl(connectionUrl);
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
