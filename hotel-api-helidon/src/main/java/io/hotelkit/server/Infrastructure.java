package io.hotelkit.server;

import com.github.benmanes.caffeine.cache.Ticker;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.metrics.api.MeterRegistry;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.server.interim.InMemoryApiKeys;
import io.hotelkit.server.interim.InMemoryIdempotencyStore;
import io.hotelkit.server.interim.InMemoryUnitOfWork;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.Ids;
import io.hotelkit.shared.RateLimiter;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the server is made of: its settings, the adapters of core's ports it uses, and the parts that
 * resource services share (idempotency, metrics). Made once per server.
 */
public final class Infrastructure {

    private final ServerConfig config;
    private final Clock clock;
    private final IdGenerator ids;
    private final ApiKeys apiKeys;
    private final UnitOfWork transactions;
    private final Idempotent idempotent;
    private final RateLimiter rateLimiter;
    private final Meters meters;
    private final HealthCheck database;

    public Infrastructure(ServerConfig config, Clock clock, IdGenerator ids, ApiKeys apiKeys, UnitOfWork transactions,
                          IdempotencyStore idempotencyStore, RateLimiter rateLimiter,
                          MeterRegistry meterRegistry, HealthCheck database) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.apiKeys = Objects.requireNonNull(apiKeys, "api keys");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.idempotent = new Idempotent(idempotencyStore, transactions);
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rate limiter");
        this.meters = new Meters(meterRegistry);
        this.database = Objects.requireNonNull(database, "database health check");
    }

    /**
     * The server on in-memory stand-ins: nothing survives a restart. Until the JPA adapter lands this is
     * what {@link Main} runs.
     */
    public static Infrastructure inMemory(ServerConfig config, Clock clock) {
        InMemoryUnitOfWork transactions = new InMemoryUnitOfWork();
        return new Infrastructure(config, clock, Ids.timeOrdered(clock), new InMemoryApiKeys(), transactions,
                new InMemoryIdempotencyStore(transactions, clock), new CaffeineRateLimiter(Ticker.systemTicker()),
                MeterRegistry.create(), databaseCheck(() -> true, "in-memory"));
    }

    /** A readiness check named {@code database} that is UP while {@code reachable} says so. */
    public static HealthCheck databaseCheck(BooleanSupplier reachable, String kind) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public HealthCheckResponse call() {
                boolean up;
                try {
                    up = reachable.getAsBoolean();
                } catch (RuntimeException e) {
                    up = false;
                }
                return HealthCheckResponse.builder().status(up).detail("kind", kind).build();
            }
        };
    }

    public ServerConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public IdGenerator ids() {
        return ids;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public UnitOfWork transactions() {
        return transactions;
    }

    public Idempotent idempotent() {
        return idempotent;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public Meters meters() {
        return meters;
    }

    public HealthCheck database() {
        return database;
    }
}
