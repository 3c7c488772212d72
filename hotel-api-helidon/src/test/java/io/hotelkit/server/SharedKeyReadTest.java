package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.shared.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Requests of one API key whose cached entry has expired share one read of it: when the database is
 * gone, they fail together with that read rather than each waiting behind the other's (on main, eight of
 * them made eight reads one after another, each as long as the pool's timeout).
 */
class SharedKeyReadTest {

    private static final int REQUESTS = 8;

    @Test
    void requests_of_one_key_share_one_failed_read() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(1);
        MemoryStorage storage = new MemoryStorage(Clock.systemUTC());
        ApiKeys gone = new ApiKeys() {
            @Override
            public Optional<ApiKey> findByHash(String hash) {
                reads.incrementAndGet();
                try {
                    allAsking.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new StoreUnavailableException("the database cannot be reached", new RuntimeException());
            }

            @Override
            public Optional<ApiKey> findBy(String id) {
                return Optional.empty();
            }

            @Override
            public List<ApiKey> list() {
                return List.of();
            }

            @Override
            public boolean any() {
                return false;
            }

            @Override
            public void save(ApiKey apiKey) {}
        };
        CachedApiKeys keys = new CachedApiKeys(gone, storage.transactions(), Duration.ofSeconds(5), System::nanoTime);

        List<Future<Throwable>> answers = new ArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        try (ExecutorService requests = Executors.newFixedThreadPool(REQUESTS)) {
            CountDownLatch started = new CountDownLatch(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(requests.submit(() -> {
                    threads.add(Thread.currentThread());
                    started.countDown();
                    try {
                        keys.findByHash("the-same-hash");
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            started.await();
            // every request is in the read, or waiting for one (for a lock, on main)
            while (reads.get() == 0 || !threads.stream().allMatch(SharedKeyReadTest::waiting)) {
                Thread.sleep(10);
            }
            allAsking.countDown();
            for (Future<Throwable> answer : answers) {
                assertThat(answer.get()).isInstanceOf(StoreUnavailableException.class);
            }
        }
        assertThat(reads).as("reads of the key").hasValue(1);
    }

    private static boolean waiting(Thread thread) {
        return switch (thread.getState()) {
            case BLOCKED, WAITING, TIMED_WAITING -> true;
            default -> false;
        };
    }
}
