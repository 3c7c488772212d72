package io.hotelkit.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Core's {@link TokenBucket}s, one per key, held in a Caffeine cache. A bucket idle for as long as it
 * takes to fill is full again, so it expires then: forgetting it changes nothing, and keys that stop
 * calling cost no memory.
 */
final class CaffeineRateLimiter implements RateLimiter {

    private static final long MAX_KEYS = 1_000_000;

    private final Cache<String, TokenBucket> buckets;
    private final Ticker ticker;

    CaffeineRateLimiter(Ticker ticker) {
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(MAX_KEYS)
                .expireAfter(Expiry.accessing((String key, TokenBucket bucket) -> bucket.limit().timeToFill()))
                .build();
    }

    @Override
    public Decision tryAcquire(String key, Limit limit) {
        return buckets.get(key, k -> new TokenBucket(limit, ticker::read)).tryAcquire();
    }
}
