package io.hotelkit.memory;

import io.hotelkit.shared.RateLimiter;
import io.hotelkit.shared.TokenBucket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets per key in one process. A bucket whose limit changes starts afresh. */
public final class MemoryRateLimiter implements RateLimiter {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public MemoryRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nano time");
    }

    @Override
    public Decision tryAcquire(String key, Limit limit) {
        TokenBucket bucket = buckets.compute(key, (k, existing) ->
                existing != null && existing.limit().equals(limit) ? existing : new TokenBucket(limit, nanoTime));
        return bucket.tryAcquire();
    }
}
