package io.hotelkit.server;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One token bucket. Tokens are kept as a double refilled lazily from a nanosecond clock, so a bucket
 * costs two fields and no timer. Thread-safe.
 */
final class TokenBucket {

    private final RateLimiter.Limit limit;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    TokenBucket(RateLimiter.Limit limit, LongSupplier nanoTime) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nano time");
        this.tokens = limit.capacity();
        this.refilledAt = nanoTime.getAsLong();
    }

    synchronized RateLimiter.Decision tryAcquire() {
        long now = nanoTime.getAsLong();
        double elapsedSeconds = Math.max(0, now - refilledAt) / 1e9;
        tokens = Math.min(limit.capacity(), tokens + elapsedSeconds * limit.refillPerSecond());
        refilledAt = now;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        Duration resetIn = secondsToDuration((limit.capacity() - tokens) / limit.refillPerSecond());
        Duration retryAfter = allowed ? Duration.ZERO : secondsToDuration((1 - tokens) / limit.refillPerSecond());
        return new RateLimiter.Decision(allowed, limit.capacity(), (long) Math.floor(tokens), resetIn, retryAfter);
    }

    RateLimiter.Limit limit() {
        return limit;
    }

    private static Duration secondsToDuration(double seconds) {
        return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
    }
}
