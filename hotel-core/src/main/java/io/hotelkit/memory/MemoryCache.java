package io.hotelkit.memory;

import io.hotelkit.shared.Cache;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/** A bounded least-recently-used cache; the server uses Caffeine behind the same port. */
public final class MemoryCache<K, V> implements Cache<K, V> {

    private final Map<K, V> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public MemoryCache(int maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("cache maximum size must be at least 1, not " + maximumSize);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maximumSize;
            }
        };
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> loader) {
        synchronized (entries) {
            V value = entries.get(key);
            if (value != null) {
                hits.increment();
                return value;
            }
        }
        misses.increment();
        V loaded = loader.apply(key);
        synchronized (entries) {
            entries.put(key, loaded);
        }
        return loaded;
    }

    @Override
    public void invalidate(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    @Override
    public void invalidateAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public Stats stats() {
        return new Stats(hits.sum(), misses.sum());
    }
}
