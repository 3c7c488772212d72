package io.hotelkit.server;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Asks the database whether it answers, every {@code period} on a thread of its own, and keeps the last
 * answer for {@link DatabaseGate}; logs a line when the answer changes. A probe that takes its whole
 * timeout delays the next one, never a request.
 */
final class DatabaseProbe implements BooleanSupplier, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DatabaseProbe.class.getName());

    private final Predicate<Duration> answers;
    private final Runnable back;
    private final Duration timeout;
    private final ScheduledExecutorService schedule;
    private volatile boolean up = true;

    /**
     * @param answers whether the database answers within the given timeout
     * @param back what to do when it answers again after it did not, before requests are let through
     *     (renew the connection pool); if it throws, the database counts as down still
     * @param period how often to ask
     * @param timeout how long one answer may take
     */
    DatabaseProbe(Predicate<Duration> answers, Runnable back, Duration period, Duration timeout) {
        this.answers = Objects.requireNonNull(answers, "answers");
        this.back = Objects.requireNonNull(back, "back");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("hotel-database-probe").daemon().factory());
        schedule.scheduleWithFixedDelay(this::probe, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        boolean now;
        try {
            now = answers.test(timeout);
            if (now && !up) {
                back.run();
            }
        } catch (RuntimeException e) {
            now = false;
        }
        if (now != up) {
            LOG.log(now ? Level.INFO : Level.WARNING, now
                    ? "the database answers again: serving requests"
                    : "the database does not answer: requests get 503 with Retry-After until it does");
        }
        up = now;
    }

    @Override
    public boolean getAsBoolean() {
        return up;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
