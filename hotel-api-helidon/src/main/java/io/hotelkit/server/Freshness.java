package io.hotelkit.server;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.hotelkit.shared.StoreUnavailableException;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Read-your-writes across instances: before a {@code /v1} request is authenticated and served, this
 * instance is caught up with everything any instance on the same database committed before the request
 * arrived (its engine reloads the properties the outbox shows changed; its API key cache forgets its keys
 * if one was revoked). So a write that returned on one instance is seen by the next request on any other,
 * whether or not the notification that tells of it has arrived yet: a property, room type or rate plan is
 * found rather than 404, availability counts the booking, a revoked key is 401.
 *
 * <p>The check is a round of a few small queries, shared: a request waits for the first round that
 * <em>began</em> after it arrived (a round that was already running may have missed its write), and all
 * the requests that arrived while one round ran share the next. So the database sees at most one round at
 * a time however many requests arrive, and a request waits about one to two rounds.
 */
final class Freshness implements Filter {

    /** A filter that lets every request through at once: read-your-writes off, or a single instance. */
    static final Filter OFF = (chain, req, res) -> chain.proceed();

    private final Runnable round;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    /** The number of rounds begun, and of the last one that ended well; guarded by {@link #lock}. */
    private long begun;
    private long succeeded;
    /** How many rounds have failed, and the last one's failure; guarded by {@link #lock}. */
    private long failures;
    private @Nullable RuntimeException failure;
    private boolean running;

    /** @param round catches this instance up with what was committed before it began; throws if it cannot */
    Freshness(Runnable round) {
        this.round = Objects.requireNonNull(round, "round");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (Authentication.isApi(req)) {
            await();
        }
        chain.proceed();
    }

    /**
     * Returns once a round that began after this call has ended well; runs it on this thread if none is
     * running. A failed round fails every request that was waiting when it failed (when the database has
     * gone, they are answered together, each within about one round, not each after a round of its own);
     * a request that arrives after it runs a new round.
     *
     * @throws StoreUnavailableException if the database does not answer
     */
    void await() {
        lock.lock();
        try {
            long needed = begun + 1;
            long failuresBefore = failures;
            while (succeeded < needed) {
                if (failures != failuresBefore) {
                    throw new StoreUnavailableException("catching up with other instances failed", failure);
                }
                if (running) {
                    ended.await();
                    continue;
                }
                running = true;
                long mine = ++begun;
                lock.unlock();
                RuntimeException thrown = null;
                try {
                    round.run();
                } catch (RuntimeException e) {
                    thrown = e;
                    throw e;
                } finally {
                    lock.lock();
                    running = false;
                    if (thrown == null) {
                        succeeded = mine;
                    } else {
                        failures++;
                        failure = thrown;
                    }
                    ended.signalAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while catching up with other instances", e);
        } finally {
            lock.unlock();
        }
    }
}
