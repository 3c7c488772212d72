package io.hotelkit.jpa;

import static io.hotelkit.jpa.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.jpa.testing.FreshDatabase;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.IdempotencyKeyReusedException;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.IdempotencyStore.Claim;
import io.hotelkit.shared.UnitOfWork;
import io.hotelkit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The idempotency store's behaviour, run on each database by a subclass. */
abstract class IdempotencyStoreContract {

    private static final String FINGERPRINT = Idempotency.Request.of("POST /bookings").with("nights", 2).fingerprint();
    private static final String OTHER_FINGERPRINT = Idempotency.Request.of("POST /bookings").with("nights", 3).fingerprint();
    private static final Duration BOUND = Duration.ofSeconds(30);

    /** A thread per task: the common pool may have a single thread on a small machine, and these tasks block. */
    private static final Executor OWN_THREAD = task -> Thread.ofPlatform().start(task);

    abstract FreshDatabase db();

    private JpaStore store() {
        return db().store();
    }

    private IdempotencyStore keys() {
        return store().idempotency();
    }

    private UnitOfWork transactions() {
        return store().transactions();
    }

    private static IdempotencyKey newKey() {
        return new IdempotencyKey(unique("scope-"), unique("key-"));
    }

    @Test
    void claim_needs_a_transaction() {
        assertThatThrownBy(() -> keys().claim(newKey(), FINGERPRINT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_new_key_is_fresh_and_once_completed_the_same_request_gets_its_outcome() {
        IdempotencyKey key = newKey();

        Claim first = transactions().inTransaction(() -> {
            Claim claim = keys().claim(key, FINGERPRINT);
            keys().complete(key, "booking B1");
            return claim;
        });

        assertThat(first).isEqualTo(new Claim.Fresh());
        assertThat(transactions().inTransaction(() -> keys().claim(key, FINGERPRINT)))
                .isEqualTo(new Claim.Completed("booking B1"));
        assertThat(transactions().inTransaction(() -> keys().claim(key, OTHER_FINGERPRINT)))
                .isEqualTo(new Claim.Mismatch());
    }

    @Test
    void the_same_key_in_another_scope_is_another_key() {
        IdempotencyKey key = newKey();
        transactions().run(() -> {
            keys().claim(key, FINGERPRINT);
            keys().complete(key, "one");
        });

        assertThat(transactions().inTransaction(() -> keys().claim(new IdempotencyKey(unique("scope-"), key.key()), OTHER_FINGERPRINT)))
                .isEqualTo(new Claim.Fresh());
    }

    @Test
    void a_claim_that_rolls_back_leaves_the_key_free() {
        IdempotencyKey key = newKey();

        assertThatThrownBy(() -> transactions().run(() -> {
            keys().claim(key, FINGERPRINT);
            throw new IllegalStateException("the request failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(transactions().inTransaction(() -> keys().claim(key, OTHER_FINGERPRINT))).isEqualTo(new Claim.Fresh());
    }

    @Test
    void a_key_older_than_the_retention_is_claimed_afresh() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        IdempotencyKey key = newKey();
        try (JpaStore store = db().database().storeBuilder().clock(clock).open()) {
            IdempotencyStore keys = store.idempotency();
            store.transactions().run(() -> {
                keys.claim(key, FINGERPRINT);
                keys.complete(key, "old");
            });

            clock.advance(IdempotencyStore.RETENTION.minusSeconds(1));
            assertThat(store.transactions().inTransaction(() -> keys.claim(key, FINGERPRINT)))
                    .isEqualTo(new Claim.Completed("old"));

            clock.advance(Duration.ofSeconds(2));
            Claim afresh = store.transactions().inTransaction(() -> {
                Claim claim = keys.claim(key, OTHER_FINGERPRINT);
                keys.complete(key, "new");
                return claim;
            });
            assertThat(afresh).isEqualTo(new Claim.Fresh());
            assertThat(store.transactions().inTransaction(() -> keys.claim(key, OTHER_FINGERPRINT)))
                    .isEqualTo(new Claim.Completed("new"));
        }
    }

    @Test
    void a_concurrent_claim_waits_for_the_first_transaction_and_then_sees_its_outcome() throws Exception {
        IdempotencyKey key = newKey();

        Claim second = whileFirstClaimHolds(key, true);

        assertThat(second).isEqualTo(new Claim.Completed("booking B7"));
    }

    @Test
    void a_concurrent_claim_waits_for_the_first_transaction_and_is_fresh_when_it_rolls_back() throws Exception {
        IdempotencyKey key = newKey();

        Claim second = whileFirstClaimHolds(key, false);

        assertThat(second).isEqualTo(new Claim.Fresh());
    }

    @Test
    void concurrent_retries_of_one_request_create_once() throws Exception {
        IdempotencyKey key = newKey();
        Idempotency idempotency = new Idempotency(keys(), transactions());
        AtomicInteger created = new AtomicInteger();
        int clients = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return idempotency.once(key, Idempotency.Request.of("POST /bookings"),
                            () -> "booking-" + created.incrementAndGet(),
                            outcome -> outcome, outcome -> outcome);
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            }

            assertThat(created).hasValue(1);
            assertThat(outcomes).containsOnly("booking-1");
            assertThatThrownBy(() -> idempotency.once(key, Idempotency.Request.of("POST /other"), () -> "x", o -> o, o -> o))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * Claims {@code key} in a first transaction and, while it is open, claims it again in a second; once
     * the second waits on the database, the first completes and commits, or rolls back.
     *
     * @return what the second claim found
     */
    private Claim whileFirstClaimHolds(IdempotencyKey key, boolean commit) throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Claim> first = CompletableFuture.supplyAsync(() -> {
            try {
                return transactions().inTransaction(() -> {
                    Claim claim = keys().claim(key, FINGERPRINT);
                    claimed.countDown();
                    await(finish);
                    if (!commit) {
                        throw new IllegalStateException("the first request failed");
                    }
                    keys().complete(key, "booking B7");
                    return claim;
                });
            } catch (IllegalStateException rolledBack) {
                return null;
            }
        }, OWN_THREAD);
        await(claimed);
        CompletableFuture<Claim> second =
                CompletableFuture.supplyAsync(() -> transactions().inTransaction(() -> keys().claim(key, FINGERPRINT)), OWN_THREAD);

        db().database().awaitStatementWaiting("insert into idempotency_keys", BOUND);
        assertThat(second).isNotDone();
        finish.countDown();

        if (commit) {
            assertThat(first.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Claim.Fresh());
        } else {
            assertThat(first.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isNull();
        }
        return second.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("waited " + BOUND + " for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
