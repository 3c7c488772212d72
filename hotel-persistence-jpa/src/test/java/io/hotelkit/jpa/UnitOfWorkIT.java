package io.hotelkit.jpa;

import static io.hotelkit.jpa.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.inventory.Property;
import io.hotelkit.jpa.testing.FreshDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UnitOfWorkIT extends UnitOfWorkContract {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres();

    @Override
    JpaStore store() {
        return db.store();
    }

    @Test
    void a_transaction_that_loses_a_deadlock_is_run_again_and_both_commit() throws Exception {
        Property first = store().properties().save(Fixtures.property());
        Property second = store().properties().save(Fixtures.property());
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        CountDownLatch oneCommitted = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();

        List<CompletableFuture<Void>> updates = List.of(
                CompletableFuture.runAsync(() -> lockInTurn(first, second, bothHoldOne, oneCommitted, runs), task -> Thread.ofPlatform().start(task)),
                CompletableFuture.runAsync(() -> lockInTurn(second, first, bothHoldOne, oneCommitted, runs), task -> Thread.ofPlatform().start(task)));
        for (CompletableFuture<Void> update : updates) {
            update.get(60, TimeUnit.SECONDS);
        }

        assertThat(runs.get()).as("one of the two ran again").isEqualTo(3);
        assertThat(store().properties().findBy(first.id()).orElseThrow().version()).isEqualTo(3);
        assertThat(store().properties().findBy(second.id()).orElseThrow().version()).isEqualTo(3);
    }

    /**
     * Locks one property's row, waits until the other thread holds the other's, then locks that: a deadlock
     * on the first run. The run again starts once the winner has committed: had it read a row the winner
     * was still changing, its save would rightly be a version conflict.
     */
    private void lockInTurn(Property one, Property other, CyclicBarrier bothHoldOne, CountDownLatch oneCommitted,
                            AtomicInteger runs) {
        store().transactions().run(() -> {
            boolean firstRun = runs.incrementAndGet() <= 2;
            if (!firstRun) {
                try {
                    oneCommitted.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            Property mine = store().properties().findBy(one.id()).orElseThrow();
            store().properties().save(mine.withBusinessDate(TODAY.plusDays(runs.get())));
            if (firstRun) {
                try {
                    bothHoldOne.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            Property theirs = store().properties().findBy(other.id()).orElseThrow();
            store().properties().save(theirs.withBusinessDate(TODAY.plusDays(runs.get())));
        });
        oneCommitted.countDown();
    }
}
