package io.hotelkit.shared;

import java.util.function.Function;

/**
 * A cache of computed values, such as rendered availability offers. Adapters: a bounded in-process map
 * (core), Caffeine (the server), Redis for a cache shared between instances.
 */
public interface Cache<K, V> {

    /** The cached value of {@code key}, computed with {@code loader} and kept if absent. */
    V get(K key, Function<? super K, ? extends V> loader);

    void invalidate(K key);

    void invalidateAll();

    /** Hits and misses since the cache was made, for metrics. */
    Stats stats();

    record Stats(long hits, long misses) {
        public double hitRate() {
            long requests = hits + misses;
            return requests == 0 ? 1.0 : (double) hits / requests;
        }
    }
}
