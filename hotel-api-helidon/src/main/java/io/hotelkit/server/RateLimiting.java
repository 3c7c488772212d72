package io.hotelkit.server;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.hotelkit.access.Role;
import java.util.EnumMap;
import java.util.Map;

/**
 * A token bucket per API key, sized by the key's role. Every {@code /v1} response carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the
 * bucket is full); a refused request is 429 with {@code Retry-After}.
 */
final class RateLimiting implements Filter {

    private final RateLimiter limiter;
    private final Map<Role, RateLimiter.Limit> limits;
    private final Meters meters;

    RateLimiting(RateLimiter limiter, Map<Role, RateLimiter.Limit> limits, Meters meters) {
        this.limiter = limiter;
        this.limits = new EnumMap<>(limits);
        this.meters = meters;
        for (Role role : Role.values()) {
            if (!this.limits.containsKey(role)) {
                throw new IllegalArgumentException("no rate limit for role " + role);
            }
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        req.context().get(Caller.class).ifPresent(caller -> {
            RateLimiter.Decision decision = limiter.tryAcquire(caller.id(), limits.get(caller.role()));
            res.header("RateLimit-Limit", Long.toString(decision.limit()));
            res.header("RateLimit-Remaining", Long.toString(decision.remaining()));
            res.header("RateLimit-Reset", Long.toString(ApiException.ceilSeconds(decision.resetIn())));
            if (!decision.allowed()) {
                meters.rateLimited(caller.role());
                throw ApiException.rateLimited(decision.retryAfter());
            }
        });
        chain.proceed();
    }
}
