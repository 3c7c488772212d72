package io.hotelkit.server;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.hotelkit.shared.Cache;
import java.util.function.Function;

/** Core's {@link Cache} port on Caffeine: bounded by size, with hit and miss counts for the metrics. */
final class CaffeineCache<K, V> implements Cache<K, V> {

    private final com.github.benmanes.caffeine.cache.Cache<K, V> cache;

    CaffeineCache(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> loader) {
        return cache.get(key, loader);
    }

    @Override
    public void invalidate(K key) {
        cache.invalidate(key);
    }

    @Override
    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public Stats stats() {
        CacheStats stats = cache.stats();
        return new Stats(stats.hitCount(), stats.missCount());
    }
}
