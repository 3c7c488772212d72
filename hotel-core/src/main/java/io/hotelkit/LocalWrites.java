package io.hotelkit;

import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Which properties have a change of this process open: from the moment a service records an event of the
 * property until its transaction has committed and run its after-commit actions (where the engine takes
 * some changes, a rate or a rate plan, say), or rolled back. Until then the engine may hold a change whose
 * event the outbox does not show yet, or show an event whose change the engine does not hold yet.
 */
final class LocalWrites {

    private final Map<PropertyId, AtomicInteger> open = new ConcurrentHashMap<>();
    /** The properties whose events the current call of {@link #transactions}' {@code inTransaction} recorded. */
    private final ThreadLocal<@Nullable Set<PropertyId>> touched = new ThreadLocal<>();

    /** Whether a change of the property is open now. */
    boolean open(PropertyId propertyId) {
        AtomicInteger count = open.get(propertyId);
        return count != null && count.get() > 0;
    }

    /** {@code outbox}, noting the property of every event appended as open in the current call. */
    Outbox outbox(Outbox outbox) {
        return new Outbox() {
            @Override
            public void append(DomainEvent event) {
                PropertyId propertyId = event.propertyId();
                Set<PropertyId> set = touched.get();
                if (propertyId != null && set != null && set.add(propertyId)) {
                    open.computeIfAbsent(propertyId, id -> new AtomicInteger()).incrementAndGet();
                }
                outbox.append(event);
            }

            @Override
            public List<StoredEvent> readAfter(long position, int limit) {
                return outbox.readAfter(position, limit);
            }

            @Override
            public long lastPosition() {
                return outbox.lastPosition();
            }

            @Override
            public long lastPosition(PropertyId propertyId, long atMost) {
                return outbox.lastPosition(propertyId, atMost);
            }

            @Override
            public List<StoredEvent> history(PropertyId propertyId, String entity, String entityId, long beforePosition, int limit) {
                return outbox.history(propertyId, entity, entityId, beforePosition, limit);
            }
        };
    }

    /**
     * {@code transactions}, closing what each call opened once its transaction is over: at once when the call
     * ran the transaction (its after-commit actions have run when it returns), or after the after-commit
     * actions registered so far when it joined one (the transaction runs its actions in order).
     */
    UnitOfWork transactions(UnitOfWork transactions) {
        return new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                Set<PropertyId> outer = touched.get();
                Set<PropertyId> mine = new HashSet<>();
                touched.set(mine);
                try {
                    return transactions.inTransaction(work);
                } finally {
                    touched.set(outer);
                    if (!mine.isEmpty()) {
                        Runnable close = () -> mine.forEach(id -> open.get(id).decrementAndGet());
                        if (transactions.inTransaction()) {
                            Runnable once = once(close);
                            transactions.afterCommit(once);
                            transactions.afterRollback(once);
                        } else {
                            close.run();
                        }
                    }
                }
            }

            @Override
            public void afterCommit(Runnable action) {
                transactions.afterCommit(action);
            }

            @Override
            public void afterRollback(Runnable action) {
                transactions.afterRollback(action);
            }

            @Override
            public boolean inTransaction() {
                return transactions.inTransaction();
            }
        };
    }

    private static Runnable once(Runnable action) {
        AtomicInteger runs = new AtomicInteger();
        return () -> {
            if (runs.getAndIncrement() == 0) {
                action.run();
            }
        };
    }
}
