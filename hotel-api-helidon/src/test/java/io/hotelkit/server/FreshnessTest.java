package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.shared.StoreUnavailableException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes' rounds: a request returns only after a round that began after it arrived, and the
 * requests that arrive while one round runs share the next one.
 */
class FreshnessTest {

    @Test
    void a_request_that_arrives_while_a_round_runs_waits_for_the_next_round() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Freshness freshness = new Freshness(() -> {
            if (rounds.incrementAndGet() == 1) {
                firstRunning.countDown();
                await(releaseFirst);
            }
        });
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = threads.submit(() -> {
                freshness.await();
                return rounds.get();
            });
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            // these arrive while round 1 runs: it may have read the database before their writes
            Future<?>[] later = new Future<?>[5];
            CountDownLatch waiting = new CountDownLatch(later.length);
            for (int i = 0; i < later.length; i++) {
                later[i] = threads.submit(() -> {
                    waiting.countDown();
                    freshness.await();
                    return rounds.get();
                });
            }
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
            releaseFirst.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
            for (Future<?> each : later) {
                assertThat((Integer) each.get(10, TimeUnit.SECONDS)).as("returned only after a later round").isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(rounds.get()).as("rounds run, at most one per request").isBetween(2, 6);
    }

    @Test
    void a_failed_round_fails_its_request_and_the_next_request_runs_another() {
        AtomicInteger rounds = new AtomicInteger();
        Freshness freshness = new Freshness(() -> {
            if (rounds.incrementAndGet() == 1) {
                throw new StoreUnavailableException("database gone", new RuntimeException());
            }
        });
        assertThatThrownBy(freshness::await).isInstanceOf(StoreUnavailableException.class);
        freshness.await();
        assertThat(rounds.get()).isEqualTo(2);
        freshness.await();
        assertThat(rounds.get()).as("each request its own round when they come one after another").isEqualTo(3);
    }

    @Test
    void the_requests_waiting_for_a_round_that_fails_all_fail_with_it() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        Freshness freshness = new Freshness(() -> {
            rounds.incrementAndGet();
            running.countDown();
            await(release);
            throw new StoreUnavailableException("database gone", new RuntimeException());
        });
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = threads.submit(() -> {
                freshness.await();
                return null;
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> {
                freshness.await();
                return null;
            });
            release.countDown();
            for (Future<?> each : new Future<?>[] {first, second}) {
                assertThatThrownBy(() -> each.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailableException.class);
            }
        }
        assertThat(rounds.get()).as("the second request, waiting when the round failed, failed with it").isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
