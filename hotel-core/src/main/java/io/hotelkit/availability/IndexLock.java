package io.hotelkit.availability;

import io.hotelkit.spi.PendingChange;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * A property index's lock and versions. Writes take the write lock and move the version on. Reads are
 * optimistic: they run without a lock and are repeated under the read lock if a write happened meanwhile;
 * so that an unlucky reader never loops or corrupts anything, the index's maps are replaced rather than
 * changed, and arrays that grow are replaced too. Changes taken but not yet committed or rolled back are
 * counted in flight.
 */
final class IndexLock {

    private final StampedLock lock = new StampedLock();
    /** The engine's counter of versions, shared by all its indexes; see {@link #version()}. */
    private final AtomicLong versions;
    private volatile long version;
    /** Changes taken but not yet committed or rolled back. */
    private final AtomicInteger inFlight = new AtomicInteger();

    IndexLock(AtomicLong versions) {
        this.versions = versions;
        this.version = versions.incrementAndGet();
    }

    /**
     * Moves on with every change. Versions come from one counter of the engine, so an index loaded anew
     * for a property never repeats a version that an earlier index of it had: answers cached by version
     * cannot outlive a reload.
     */
    long version() {
        return version;
    }

    /** Whether a change is taken and not yet settled: an index loaded from storage now could miss it. */
    boolean busy() {
        return inFlight.get() > 0;
    }

    <T> T read(Supplier<T> reader) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                T result = reader.get();
                if (lock.validate(stamp)) {
                    return result;
                }
            } catch (RuntimeException tornRead) {
                // a write moved things under us; the locked read below gives the real answer or exception
            }
        }
        stamp = lock.readLock();
        try {
            return reader.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Runs a change under the write lock; the version moves on unless it throws. */
    void write(Runnable change) {
        long stamp = lock.writeLock();
        try {
            change.run();
            version = versions.incrementAndGet();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Takes something now under the write lock (all or nothing: {@code take} throws before it changes
     * anything), and answers the change, in flight until it is settled.
     */
    PendingChange take(Runnable take, Runnable onCommit, Runnable onRollback) {
        write(take);
        return pending(onCommit, onRollback);
    }

    /** A change in flight, whose commit or rollback runs later under the write lock. */
    PendingChange pending(Runnable onCommit, Runnable onRollback) {
        inFlight.incrementAndGet();
        return new Deferred(onCommit, onRollback);
    }

    /** A change whose give-backs wait for the commit; each side runs under the write lock. */
    private final class Deferred implements PendingChange {
        private final Runnable onCommit;
        private final Runnable onRollback;

        Deferred(Runnable onCommit, Runnable onRollback) {
            this.onCommit = onCommit;
            this.onRollback = onRollback;
        }

        @Override
        public void commit() {
            settle(onCommit);
        }

        @Override
        public void rollback() {
            settle(onRollback);
        }

        private void settle(Runnable action) {
            try {
                write(action);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}
