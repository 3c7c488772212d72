package io.hotelkit.server;

import io.hotelkit.jpa.JpaStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How this instance keeps in step with the others on the same database. Every commit that appends to the
 * outbox or saves an API key sends a PostgreSQL notification; this instance's listener hears the others'
 * and catches up at once on its own thread (the engine reloads the properties that changed, so rendered
 * answers kept under their old versions are never found again; the API key cache forgets what it kept).
 * Every {@code period} it catches up anyway: the safety net for a notification lost while the listener
 * was reconnecting. On H2 no notification is ever sent, and the period is all there is (a second instance
 * on one H2 database exists only in tests).
 */
final class Instances implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Instances.class.getName());

    private final Infrastructure infrastructure;
    private final ScheduledExecutorService catchUp;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final JpaStore.Subscription listening;

    private Instances(Infrastructure infrastructure, JpaStore store, Duration period) {
        this.infrastructure = infrastructure;
        this.catchUp = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("hotel-catch-up").daemon().factory());
        catchUp.scheduleWithFixedDelay(this::catchUp, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        this.listening = store.listen(this::changed);
    }

    static Instances start(Infrastructure infrastructure, JpaStore store, Duration period) {
        return new Instances(infrastructure, store, period);
    }

    /** On the listener's thread: hands the work to the catch-up thread, at most one round queued at a time. */
    private void changed(Set<JpaStore.Change> changes) {
        if (changes.contains(JpaStore.Change.API_KEYS) || changes.contains(JpaStore.Change.MISSED)) {
            infrastructure.forgetApiKeys();
        }
        if ((changes.contains(JpaStore.Change.OUTBOX) || changes.contains(JpaStore.Change.MISSED))
                && queued.compareAndSet(false, true)) {
            try {
                catchUp.execute(() -> {
                    queued.set(false); // a notification from now on queues another round
                    catchUp();
                });
            } catch (RuntimeException e) {
                queued.set(false); // stopped
            }
        }
    }

    /**
     * Another instance's changes reach this one's availability engine here; a failed round is retried at
     * the next notification or period.
     */
    private void catchUp() {
        try {
            infrastructure.catchUp();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "catching up with other instances failed, retrying at the next notification or period: "
                    + e.getClass().getName());
        }
    }

    /** The database backend of the listener's connection while it is connected. */
    OptionalInt listenerPid() {
        return listening.backendPid();
    }

    @Override
    public void close() {
        try {
            listening.close();
        } finally {
            catchUp.shutdownNow();
        }
    }
}
