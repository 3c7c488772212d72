package io.hotelkit.server;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Whether the database answers, as its probe last found: the readiness check named {@code database},
 * and a filter that refuses every {@code /v1} request at once with 503 and {@code Retry-After} while it
 * does not. So a request neither waits for the pool's connection timeout nor queues behind others while
 * the database is away, and nothing is half-written; once the probe finds it again, requests go through
 * with no restart.
 */
final class DatabaseGate implements HealthCheck {

    private final BooleanSupplier up;
    private final String kind;

    /**
     * @param up read on every request and every readiness check: it must answer at once (the last result
     *     of a probe on a schedule, see {@link DatabaseProbe})
     * @param kind the database's kind, a detail of the readiness check
     */
    DatabaseGate(BooleanSupplier up, String kind) {
        this.up = Objects.requireNonNull(up, "up");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public boolean isUp() {
        try {
            return up.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Refuses {@code /v1} requests with 503 while the database is down; before authentication, which may read it. */
    Filter filter() {
        return (FilterChain chain, RoutingRequest req, RoutingResponse res) -> {
            if (Authentication.isApi(req) && !isUp()) {
                throw ApiException.databaseUnavailable();
            }
            chain.proceed();
        };
    }

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
        return HealthCheckResponse.builder().status(isUp()).detail("kind", kind).build();
    }
}
