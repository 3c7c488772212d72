package io.hotelkit.spi;

import io.hotelkit.shared.UnitOfWork;

/**
 * An inventory change the engine has accepted: what it takes is taken at once, so that no one else can
 * take it; what it gives back is given back only on {@link #commit()}, so that a rolled-back change never
 * leaves a night sold twice. Exactly one of {@code commit} and {@code rollback} is called, once the
 * surrounding transaction has ended.
 */
public interface PendingChange {

    void commit();

    void rollback();

    /** Commits or rolls back this change with the current transaction of {@code transactions}. */
    default void settleWith(UnitOfWork transactions) {
        transactions.afterCommit(this::commit);
        transactions.afterRollback(this::rollback);
    }

    /** A change that takes and gives back nothing. */
    PendingChange NONE = new PendingChange() {
        @Override
        public void commit() {}

        @Override
        public void rollback() {}
    };
}
