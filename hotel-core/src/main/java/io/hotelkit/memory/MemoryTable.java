package io.hotelkit.memory;

import io.hotelkit.shared.DuplicateException;
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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One table of rows by string key. Inside a transaction a reader sees its own writes; everyone else sees
 * the committed rows. A table made {@link #ordered} also keeps its rows in key order for {@link #scan}; a
 * table read only by key ({@link #keyed}) keeps a hash map alone.
 */
final class MemoryTable<V> {

    /** A committed row: changed in place, so that a change of a row does not walk the ordered index again. */
    private static final class Row<V> {
        volatile V value;

        Row(V value) {
            this.value = value;
        }
    }

    private final ConcurrentHashMap<String, Row<V>> byKey = new ConcurrentHashMap<>();
    /** The same rows in key order; null for a table that is only read by key. */
    private final @Nullable ConcurrentSkipListMap<String, Row<V>> inOrder;
    private final MemoryTransactions transactions;

    private MemoryTable(MemoryTransactions transactions, boolean ordered) {
        this.transactions = transactions;
        this.inOrder = ordered ? new ConcurrentSkipListMap<>() : null;
    }

    /** A table that can be scanned in key order. */
    static <V> MemoryTable<V> ordered(MemoryTransactions transactions) {
        return new MemoryTable<>(transactions, true);
    }

    /** A table read and written only by key: no ordered index to keep up. */
    static <V> MemoryTable<V> keyed(MemoryTransactions transactions) {
        return new MemoryTable<>(transactions, false);
    }

    Optional<V> get(String key) {
        MemoryTransactions.Transaction transaction = transactions.current();
        if (transaction != null) {
            Map<String, V> writes = transaction.writesTo(this);
            if (writes.containsKey(key)) {
                return Optional.ofNullable(writes.get(key));
            }
        }
        Row<V> row = byKey.get(key);
        return row == null ? Optional.empty() : Optional.of(row.value);
    }

    void put(String key, @Nullable V value) {
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

    /**
     * Inserts a versioned row unless its code exists: a new row (version 0) whose code {@code holder} finds
     * taken is refused as a duplicate, naming the holder's own id where it has one ({@code holderId}); a
     * changed row is stored as by {@link #putVersioned}.
     */
    <T extends Versioned<T>> T insertUnlessCodeExists(String key, T row, String kind, String code,
                                                      Supplier<? extends Optional<? extends T>> holder,
                                                      Function<? super T, @Nullable String> holderId) {
        if (row.version() == 0) {
            holder.get().ifPresent(existing -> {
                throw new DuplicateException(kind, code, holderId.apply(existing));
            });
        }
        return putVersioned(key, row, kind);
    }

    /** Rows whose key starts with {@code prefix}, after {@code afterKey} if given, matching, at most {@code limit}, in key order. */
    List<V> scan(String prefix, @Nullable String afterKey, Predicate<? super V> filter, int limit) {
        if (inOrder == null) {
            throw new IllegalStateException("a keyed table cannot be scanned: make it ordered");
        }
        NavigableMap<String, Row<V>> view = prefix.isEmpty() ? inOrder : inOrder.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
        if (afterKey != null) {
            view = view.tailMap(afterKey, false);
        }
        MemoryTransactions.Transaction transaction = transactions.current();
        Map<String, V> writes = transaction == null ? Map.of() : transaction.writesTo(this);
        List<V> rows = new ArrayList<>();
        if (writes.isEmpty()) {
            for (Row<V> row : view.values()) {
                if (rows.size() >= limit) {
                    break;
                }
                V value = row.value;
                if (filter.test(value)) {
                    rows.add(value);
                }
            }
            return rows;
        }
        NavigableMap<String, V> merged = new TreeMap<>();
        view.forEach((key, row) -> merged.put(key, row.value));
        writes.forEach((key, value) -> {
            if (key.startsWith(prefix) && (afterKey == null || key.compareTo(afterKey) > 0)) {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            }
        });
        for (V value : merged.values()) {
            if (rows.size() >= limit) {
                break;
            }
            if (filter.test(value)) {
                rows.add(value);
            }
        }
        return rows;
    }

    List<V> scan(String prefix, Predicate<? super V> filter) {
        return scan(prefix, null, filter, Integer.MAX_VALUE);
    }

    /** Applies a transaction's writes; called by the one writing transaction, at commit. */
    void apply(Map<String, @Nullable V> writes) {
        writes.forEach((key, value) -> {
            if (value == null) {
                if (byKey.remove(key) != null && inOrder != null) {
                    inOrder.remove(key);
                }
            } else {
                Row<V> row = byKey.get(key);
                if (row != null) {
                    row.value = value;
                } else {
                    row = new Row<>(value);
                    byKey.put(key, row);
                    if (inOrder != null) {
                        inOrder.put(key, row);
                    }
                }
            }
        });
    }
}
