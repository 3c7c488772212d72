package io.hotelkit.jpa;

import io.hotelkit.shared.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Transactions on one {@link EntityManager} per thread: the outermost {@link #inTransaction} call opens
 * it and a transaction, nested calls join, and the outermost commits when it returns or rolls back when
 * it throws. Repositories reach the current entity manager through {@link #call} and {@link #jdbc}.
 *
 * <p>An outermost transaction that the database ends with a deadlock or a serialization failure (SQL
 * states 40001, 40P01) is run again, up to {@link #ATTEMPTS} times in all, after a short random pause. That
 * is safe: the database rolled the whole transaction back, so nothing of it was committed, and its
 * after-rollback hooks have run (the availability engine has given back what it took) before the work
 * runs again from the start. Work that calls out of the process inside a transaction must be idempotent
 * across runs, as the payment gateway is through its idempotency key. Nested calls never retry: only the
 * outermost call owns the whole transaction.
 */
final class JpaUnitOfWork implements UnitOfWork {

    static final int ATTEMPTS = 3;
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    private final EntityManagerFactory factory;
    private final Vendor vendor;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    JpaUnitOfWork(EntityManagerFactory factory, Vendor vendor) {
        this.factory = factory;
        this.vendor = vendor;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            Tx tx = begin();
            current.set(tx);
            T result;
            try {
                result = work.get();
                tx.commit();
            } catch (Throwable failure) {
                current.remove();
                tx.rollback(failure);
                tx.close(failure);
                runAll(tx.afterRollback, failure);
                if (attempt < ATTEMPTS && isRetryable(failure) && pause(attempt)) {
                    continue;
                }
                throw sneaky(StoreFailures.translate(failure));
            }
            current.remove();
            tx.close(null);
            runAll(tx.afterCommit, null);
            return result;
        }
    }

    /** Whether the database gave up the transaction so that it may be run again: a deadlock or serialization failure. */
    static boolean isRetryable(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Waits a little, longer with each attempt, so that the transactions that clashed do not clash again. */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 5));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        required().afterCommit.add(Objects.requireNonNull(action, "action"));
    }

    @Override
    public void afterRollback(Runnable action) {
        required().afterRollback.add(Objects.requireNonNull(action, "action"));
    }

    @Override
    public boolean inTransaction() {
        return current.get() != null;
    }

    Vendor vendor() {
        return vendor;
    }

    /**
     * Runs {@code work} with the entity manager of the current transaction, or of a new one if none. A
     * failure to reach the database is a {@link io.hotelkit.shared.StoreUnavailableException} here
     * already, so that a caller inside a longer transaction can tell it apart.
     */
    <T> T call(Function<EntityManager, T> work) {
        return inTransaction(() -> {
            try {
                return work.apply(required().entityManager);
            } catch (RuntimeException e) {
                throw sneaky(StoreFailures.translate(e));
            }
        });
    }

    /** Runs plain JDBC on the current transaction's connection, or a new transaction's if none. */
    <T> T jdbc(SqlWork<T> work) {
        return call(em -> em.unwrap(Session.class).doReturningWork(work::apply));
    }

    /** The current transaction; throws unless the calling thread is in one. */
    Tx required() {
        Tx tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("this needs an active transaction: call it inside UnitOfWork.inTransaction");
        }
        return tx;
    }

    private Tx begin() {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            return new Tx(em);
        } catch (Throwable failure) {
            em.close();
            throw sneaky(StoreFailures.translate(failure));
        }
    }

    /** Runs every action, even when one fails; failures are added to {@code failure}, or else thrown. */
    private static void runAll(List<Runnable> actions, @Nullable Throwable failure) {
        @Nullable RuntimeException first = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable failure) throws E {
        throw (E) failure;
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** One transaction: its entity manager, its hooks, and what adapters keep for its length. */
    static final class Tx {
        final EntityManager entityManager;
        private final List<Runnable> beforeCommit = new ArrayList<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final List<Runnable> afterRollback = new ArrayList<>();
        private final Map<Object, Object> resources = new HashMap<>();

        private Tx(EntityManager entityManager) {
            this.entityManager = entityManager;
        }

        /** Runs {@code action} just before commit, after everything else is flushed, in this transaction. */
        void beforeCommit(Runnable action) {
            beforeCommit.add(action);
        }

        /** The value an adapter keeps under {@code key} for this transaction, made by {@code make} on first use. */
        @SuppressWarnings("unchecked")
        <R> R resource(Object key, Function<Tx, R> make) {
            @Nullable Object value = resources.get(key);
            if (value == null) {
                value = make.apply(this);
                resources.put(key, value);
            }
            return (R) value;
        }

        private void commit() {
            entityManager.flush();
            for (int i = 0; i < beforeCommit.size(); i++) { // an action may add another
                beforeCommit.get(i).run();
            }
            entityManager.getTransaction().commit();
        }

        private void rollback(Throwable failure) {
            try {
                if (entityManager.getTransaction().isActive()) {
                    entityManager.getTransaction().rollback();
                }
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        private void close(@Nullable Throwable failure) {
            try {
                entityManager.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }
}
