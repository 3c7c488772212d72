package io.hotelkit.memory;

import io.hotelkit.shared.UnitOfWork;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions over in-memory tables: writes are buffered per transaction and applied together at
 * commit, so readers only ever see committed data and a rolled-back transaction leaves no trace.
 * Writing transactions run one at a time (serializable); readers take no lock.
 */
final class MemoryTransactions implements UnitOfWork {

    private final ReentrantLock writer = new ReentrantLock();
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        writer.lock();
        Transaction transaction = new Transaction();
        current.set(transaction);
        try {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error failure) {
                current.remove();
                transaction.afterRollback.forEach(Runnable::run);
                throw failure;
            }
            current.remove();
            transaction.commit();
            transaction.afterCommit.forEach(Runnable::run);
            return result;
        } finally {
            current.remove();
            writer.unlock();
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        require().afterCommit.add(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        require().afterRollback.add(action);
    }

    @Override
    public boolean inTransaction() {
        return current.get() != null;
    }

    /** The calling thread's transaction, or null. */
    Transaction current() {
        return current.get();
    }

    Transaction require() {
        Transaction transaction = current.get();
        if (transaction == null) {
            throw new IllegalStateException("no transaction is active: write inside UnitOfWork.inTransaction");
        }
        return transaction;
    }

    /** One transaction's buffered writes, per table, in the order they were made. */
    static final class Transaction {
        /** Sized for the few tables a transaction writes (a booking: bookings, folios), not the default 32. */
        private final Map<MemoryTable<?>, Map<String, Object>> writes = new IdentityHashMap<>(4);
        private final List<Runnable> onCommit = new ArrayList<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final List<Runnable> afterRollback = new ArrayList<>();

        @SuppressWarnings("unchecked")
        <V> Map<String, V> writesTo(MemoryTable<V> table) {
            return (Map<String, V>) (Map<String, ?>) writes.computeIfAbsent(table, t -> new LinkedHashMap<>());
        }

        /** Something to do when the writes are applied, before the after-commit actions (an outbox append). */
        void onCommit(Runnable action) {
            onCommit.add(action);
        }

        private void commit() {
            writes.forEach(Transaction::apply);
            onCommit.forEach(Runnable::run);
        }

        @SuppressWarnings("unchecked")
        private static <V> void apply(MemoryTable<?> table, Map<String, ?> rows) {
            ((MemoryTable<V>) table).apply((Map<String, V>) rows);
        }
    }
}
