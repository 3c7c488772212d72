package io.hotelkit.shared;

import java.util.function.Supplier;

/**
 * Transactions: what a service does inside {@link #inTransaction} is applied whole or not at all. A call
 * inside an active transaction joins it, so a caller can make several service calls (and its own writes,
 * such as a stored idempotent response) one transaction.
 */
public interface UnitOfWork {

    /**
     * Runs {@code work} in a transaction, joining the current one if there is one. The transaction
     * commits when the outermost call returns normally, and rolls back when it throws; the exception is
     * rethrown unchanged.
     */
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code action} after the current transaction has committed; requires an active transaction. */
    void afterCommit(Runnable action);

    /** Runs {@code action} after the current transaction has rolled back; requires an active transaction. */
    void afterRollback(Runnable action);

    /** Whether the calling thread is inside a transaction. */
    boolean inTransaction();
}
