package io.hotelkit.memory;

import io.hotelkit.shared.VersionConflictException;
import io.hotelkit.shared.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * One table of rows by string key, in key order. Inside a transaction a reader sees its own writes;
 * everyone else sees the committed rows.
 */
final class MemoryTable<V> {

    private final ConcurrentSkipListMap<String, V> committed = new ConcurrentSkipListMap<>();
    /** The same rows by key, for point reads: a skip list of ids with a shared time prefix compares long strings. */
    private final ConcurrentHashMap<String, V> byKey = new ConcurrentHashMap<>();
    private final MemoryTransactions transactions;

    MemoryTable(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    Optional<V> get(String key) {
        MemoryTransactions.Transaction transaction = transactions.current();
        if (transaction != null) {
            Map<String, V> writes = transaction.writesTo(this);
            if (writes.containsKey(key)) {
                return Optional.ofNullable(writes.get(key));
            }
        }
        return Optional.ofNullable(byKey.get(key));
    }

    void put(String key, V value) {
        transactions.require().writesTo(this).put(key, value);
    }

    /**
     * Stores a versioned row: a new one at version 1, a changed one at the next version if it was read at
     * the stored one.
     */
    <T extends Versioned<T>> T putVersioned(String key, T row, String kind) {
        @SuppressWarnings("unchecked")
        Optional<T> stored = (Optional<T>) get(key);
        long storedVersion = stored.map(Versioned::version).orElse(0L);
        if (row.version() != storedVersion) {
            throw new VersionConflictException(kind, key, row.version(), storedVersion);
        }
        T saved = row.withVersion(storedVersion + 1);
        @SuppressWarnings("unchecked")
        V value = (V) saved;
        put(key, value);
        return saved;
    }

    /** Rows whose key starts with {@code prefix}, after {@code afterKey} if given, matching, at most {@code limit}, in key order. */
    List<V> scan(String prefix, String afterKey, Predicate<? super V> filter, int limit) {
        NavigableMap<String, V> view = merged(prefix);
        List<V> rows = new ArrayList<>();
        for (Map.Entry<String, V> entry : (afterKey == null ? view : view.tailMap(afterKey, false)).entrySet()) {
            if (rows.size() >= limit) {
                break;
            }
            if (filter.test(entry.getValue())) {
                rows.add(entry.getValue());
            }
        }
        return rows;
    }

    List<V> scan(String prefix, Predicate<? super V> filter) {
        return scan(prefix, null, filter, Integer.MAX_VALUE);
    }

    private NavigableMap<String, V> merged(String prefix) {
        NavigableMap<String, V> view = prefix.isEmpty() ? committed : committed.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
        MemoryTransactions.Transaction transaction = transactions.current();
        if (transaction == null) {
            return view;
        }
        Map<String, V> writes = transaction.writesTo(this);
        if (writes.isEmpty()) {
            return view;
        }
        NavigableMap<String, V> merged = new TreeMap<>(view);
        writes.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            }
        });
        return merged;
    }

    void apply(Map<String, V> writes) {
        writes.forEach((key, value) -> {
            if (value == null) {
                committed.remove(key);
                byKey.remove(key);
            } else {
                committed.put(key, value);
                byKey.put(key, value);
            }
        });
    }
}
