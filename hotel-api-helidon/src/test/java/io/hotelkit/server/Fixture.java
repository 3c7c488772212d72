package io.hotelkit.server;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.hotelkit.Hotel;
import io.hotelkit.Storage;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.Role;
import io.hotelkit.billing.PaymentGateway;
import io.hotelkit.billing.SimulatedPaymentGateway;
import io.hotelkit.jpa.JpaStore;
import io.hotelkit.jpa.testing.TestDatabase;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.Ids;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.testing.ForwardingStorage;
import io.hotelkit.testing.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A server on a hotel in memory (or in a fresh database: {@link #onH2()}, {@link #onPostgres()}), with a
 * clock that moves only when a test moves it, a rate limiter whose buckets never refill, a simulated
 * payment gateway that counts its calls, plus the test-only {@link WidgetService} under
 * {@code /v1/properties/{propertyId}/widgets}.
 */
final class Fixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z"); // the evening, when a night audit may close the day
    /** Big enough that no test but the rate limit's own meets the limit. */
    static final RateLimiter.Limit GENEROUS = new RateLimiter.Limit(100_000, 1);

    final MutableClock clock = new MutableClock(NOW);
    final Hotel hotel;
    final AtomicBoolean databaseUp = new AtomicBoolean(true);
    final Infrastructure infrastructure;
    final WidgetService widgets;
    /** Captures and refunds the payment gateway was asked for. */
    final AtomicInteger gatewayCalls = new AtomicInteger();
    private final AutoCloseable closing;
    private @Nullable TestDatabase database;
    private @Nullable AtomicInteger memoryIdempotencyRecords;

    Fixture() {
        this(Map.of());
    }

    /** With these limits, and {@link #GENEROUS} ones for the other roles. */
    Fixture(Map<Role, RateLimiter.Limit> limits) {
        this(limits, 20, MemoryStorage::new, () -> {});
    }

    /** In memory, with webhooks to loopback and private addresses refused, as a server refuses them by default. */
    static Fixture refusingPrivateWebhookTargets() {
        return new Fixture(Map.of(), 20, MemoryStorage::new, () -> {}, false);
    }

    /** With at most {@code eventStreams} event streams open at once. */
    static Fixture withEventStreams(int eventStreams) {
        return new Fixture(Map.of(), eventStreams, MemoryStorage::new, () -> {});
    }

    /** In memory, counting the idempotency records its store writes ({@link #idempotencyRecords()}). */
    static Fixture inMemory() {
        AtomicInteger records = new AtomicInteger();
        Fixture fixture = new Fixture(Map.of(), 20, clock -> countingIdempotencyRecords(new MemoryStorage(clock), records),
                () -> {});
        fixture.memoryIdempotencyRecords = records;
        return fixture;
    }

    /** The in-memory store cannot be read from outside: its records are counted as they are completed. */
    private static Storage countingIdempotencyRecords(Storage storage, AtomicInteger records) {
        IdempotencyStore counting = new IdempotencyStore() {
            @Override
            public Claim claim(IdempotencyKey key, String fingerprint) {
                return storage.idempotency().claim(key, fingerprint);
            }

            @Override
            public void complete(IdempotencyKey key, String outcome) {
                storage.idempotency().complete(key, outcome);
                records.incrementAndGet();
            }
        };
        return new ForwardingStorage(storage) {
            @Override
            public IdempotencyStore idempotency() {
                return counting;
            }
        };
    }

    /** The idempotency records kept: the rows of {@code idempotency_keys} in a database, else those counted. */
    long idempotencyRecords() {
        if (database != null) {
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from idempotency_keys")) {
                rows.next();
                return rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (memoryIdempotencyRecords == null) {
            throw new IllegalStateException("only a fixture made by inMemory() counts its idempotency records");
        }
        return memoryIdempotencyRecords.get();
    }

    /** On a new in-memory H2 database, through the JPA adapter the server runs on; closing drops it. */
    static Fixture onH2() {
        return on(TestDatabase.h2());
    }

    /** On a new database on the test PostgreSQL server; closing drops it. */
    static Fixture onPostgres() {
        return on(TestDatabase.postgres());
    }

    /** On a new database on the test PostgreSQL server, its store built through {@code store}; closing drops it. */
    static Fixture onPostgres(UnaryOperator<JpaStore.Builder> store) {
        return on(TestDatabase.postgres(), store);
    }

    private static Fixture on(TestDatabase database) {
        return on(database, UnaryOperator.identity());
    }

    private static Fixture on(TestDatabase database, UnaryOperator<JpaStore.Builder> builder) {
        JpaStore[] store = new JpaStore[1];
        Fixture fixture = new Fixture(Map.of(), 20, clock -> store[0] = builder.apply(database.storeBuilder()).clock(clock).open(), () -> {
            try (TestDatabase dropped = database; JpaStore closed = store[0]) {
                // the store first, then the database
            }
        });
        fixture.database = database;
        return fixture;
    }

    /** The database the hotel is kept in, for a test that reads it directly; empty when in memory. */
    Optional<TestDatabase> database() {
        return Optional.ofNullable(database);
    }

    private Fixture(Map<Role, RateLimiter.Limit> limits, int eventStreams, Function<Clock, Storage> storage,
                    AutoCloseable closing) {
        this(limits, eventStreams, storage, closing, true);
    }

    /** @param privateWebhookTargets whether webhooks may go to loopback (the tests' receivers) */
    private Fixture(Map<Role, RateLimiter.Limit> limits, int eventStreams, Function<Clock, Storage> storage,
                    AutoCloseable closing, boolean privateWebhookTargets) {
        Map<Role, RateLimiter.Limit> all = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            all.put(role, limits.getOrDefault(role, GENEROUS));
        }
        // A quiet event stream notices within a second that its client has gone.
        ServerConfig config = ServerConfig.load(Map.of()).withHttpPort(0).withEventStreams(eventStreams, Duration.ofSeconds(1));
        config = config.withWebhooks(config.webhooks().withPrivateTargets(privateWebhookTargets));
        for (var limit : all.entrySet()) {
            config = config.withRateLimit(limit.getKey(), limit.getValue());
        }
        Ids ids = Ids.seeded(clock, 42);
        hotel = Hotel.builder().storage(storage.apply(clock)).clock(clock).ids(ids).actor(Caller::actor)
                .paymentGateway(counting(SimulatedPaymentGateway.reliable())).build();
        infrastructure = new Infrastructure(config, hotel, ids, new CaffeineRateLimiter(() -> 0L),
                MeterRegistry.create(), Infrastructure.databaseCheck(databaseUp::get, "test"));
        widgets = new WidgetService(infrastructure.idempotent(), infrastructure.ids(), clock);
        this.closing = closing;
    }

    private PaymentGateway counting(PaymentGateway gateway) {
        return new PaymentGateway() {
            @Override
            public Result capture(String idempotencyKey, String cardToken, Money amount) {
                gatewayCalls.incrementAndGet();
                return gateway.capture(idempotencyKey, cardToken, amount);
            }

            @Override
            public Result refund(String idempotencyKey, String captureReference, Money amount) {
                gatewayCalls.incrementAndGet();
                return gateway.refund(idempotencyKey, captureReference, amount);
            }

            @Override
            public Result authorise(String idempotencyKey, String cardToken, Money amount) {
                gatewayCalls.incrementAndGet();
                return gateway.authorise(idempotencyKey, cardToken, amount);
            }

            @Override
            public Result captureAuthorisation(String idempotencyKey, String authorisationReference, Money amount) {
                gatewayCalls.incrementAndGet();
                return gateway.captureAuthorisation(idempotencyKey, authorisationReference, amount);
            }

            @Override
            public Result voidAuthorisation(String idempotencyKey, String authorisationReference) {
                gatewayCalls.incrementAndGet();
                return gateway.voidAuthorisation(idempotencyKey, authorisationReference);
            }
        };
    }

    void routing(HttpRouting.Builder routing) {
        Server.routing(routing, infrastructure);
        routing.register("/v1/properties", widgets);
    }

    void server(WebServerConfig.Builder server) {
        Server.setUp(server, infrastructure, this::routing);
    }

    /** A new key of {@code role}, for the given properties or all; returns the plain key. */
    String key(Role role, String... propertyIds) {
        return store(role, false, propertyIds);
    }

    String revokedKey(Role role) {
        return store(role, true);
    }

    private String store(Role role, boolean revoked, String... propertyIds) {
        String plain = Secrets.newKey();
        ApiKey key = new ApiKey(infrastructure.ids().next(), role.name().toLowerCase() + " key", role,
                Arrays.stream(propertyIds).map(PropertyId::of).collect(Collectors.toSet()), Secrets.hash(plain), NOW,
                revoked ? NOW : null);
        hotel.storage().transactions().run(() -> hotel.storage().apiKeys().save(key));
        return plain;
    }

    static String bearer(String key) {
        return "Bearer " + key;
    }

    /** Closes the store and drops the database, if the fixture has them. */
    @Override
    public void close() throws Exception {
        closing.close();
    }
}
