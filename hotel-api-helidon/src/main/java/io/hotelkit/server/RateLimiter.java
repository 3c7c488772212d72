package io.hotelkit.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Admission by token bucket: each key (an API key, say) has a bucket of {@link Limit#capacity()} tokens
 * that refills at {@link Limit#refillPerSecond()}; a request takes one token or is refused.
 */
public interface RateLimiter {

    /** Takes a token from {@code key}'s bucket, made with {@code limit} if it has none yet. */
    Decision tryAcquire(String key, Limit limit);

    /** A bucket's size and refill rate. */
    record Limit(long capacity, double refillPerSecond) {
        public Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("rate limit capacity must be at least 1, not " + capacity);
            }
            if (!(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
                throw new IllegalArgumentException("rate limit refill per second must be more than 0, not " + refillPerSecond);
            }
        }

        /** How long an empty bucket takes to fill. */
        public Duration timeToFill() {
            return Duration.ofNanos((long) Math.ceil(capacity / refillPerSecond * 1e9));
        }
    }

    /**
     * Whether a request may go on, with what the {@code RateLimit-*} headers report.
     *
     * @param remaining whole tokens left after this request
     * @param resetIn how long until the bucket is full again
     * @param retryAfter when refused, how long until a token is there; zero when allowed
     */
    record Decision(boolean allowed, long limit, long remaining, Duration resetIn, Duration retryAfter) {
        public Decision {
            Objects.requireNonNull(resetIn, "reset in");
            Objects.requireNonNull(retryAfter, "retry after");
        }
    }
}
