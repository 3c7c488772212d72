package io.hotelkit.server.interim;

import io.hotelkit.shared.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions for in-memory stores, which write at once: a transaction is the list of what to do after
 * it commits or rolls back, and a store undoes its writes in an after-rollback action. Thread-confined:
 * each thread has its own transaction.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Transaction transaction = new Transaction();
        current.set(transaction);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            current.remove();
            transaction.afterRollback.reversed().forEach(Runnable::run);
            throw e;
        }
        current.remove();
        transaction.afterCommit.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        active().afterCommit.add(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        active().afterRollback.add(action);
    }

    @Override
    public boolean inTransaction() {
        return current.get() != null;
    }

    private Transaction active() {
        Transaction transaction = current.get();
        if (transaction == null) {
            throw new IllegalStateException("no transaction is active");
        }
        return transaction;
    }

    private static final class Transaction {
        final List<Runnable> afterCommit = new ArrayList<>();
        final List<Runnable> afterRollback = new ArrayList<>();
    }
}
