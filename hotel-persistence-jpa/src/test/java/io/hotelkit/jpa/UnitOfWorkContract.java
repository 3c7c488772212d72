package io.hotelkit.jpa;

import static io.hotelkit.jpa.Fixtures.TODAY;
import static io.hotelkit.jpa.Fixtures.property;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.inventory.Property;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The unit of work's behaviour, run on each database by a subclass. */
abstract class UnitOfWorkContract {

    /** A thread per task: the common pool may have a single thread on a small machine, and these tasks block. */
    private static final Executor OWN_THREAD = task -> Thread.ofPlatform().start(task);

    abstract JpaStore store();

    private UnitOfWork transactions() {
        return store().transactions();
    }

    @Test
    void work_that_returns_is_committed() {
        Property property = property();

        Property saved = transactions().inTransaction(() -> store().properties().save(property));

        assertThat(store().properties().findBy(property.id())).contains(saved);
    }

    @Test
    void work_that_throws_leaves_nothing_and_its_exception_is_rethrown_unchanged() {
        Property property = property();
        IllegalStateException failure = new IllegalStateException("changed my mind");

        assertThatThrownBy(() -> transactions().run(() -> {
            store().properties().save(property);
            store().roomTypes().save(Fixtures.roomType(property.id(), "DBL"));
            throw failure;
        })).isSameAs(failure);

        assertThat(store().properties().findBy(property.id())).isEmpty();
        assertThat(store().roomTypes().findBy(property.id(), "DBL")).isEmpty();
    }

    @Test
    void nested_calls_join_the_outer_transaction_and_its_failure_undoes_them() {
        Property first = property();
        Property second = property();
        RuntimeException failure = new RuntimeException("outer fails");

        assertThatThrownBy(() -> transactions().run(() -> {
            transactions().run(() -> store().properties().save(first));
            transactions().inTransaction(() -> store().properties().save(second));
            assertThat(transactions().inTransaction()).isTrue();
            throw failure;
        })).isSameAs(failure);

        assertThat(store().properties().findBy(first.id())).isEmpty();
        assertThat(store().properties().findBy(second.id())).isEmpty();
    }

    @Test
    void nested_work_sees_what_the_outer_wrote_before_commit() {
        Property property = property();

        boolean seen = transactions().inTransaction(() -> {
            store().properties().save(property);
            return transactions().inTransaction(() -> store().properties().findBy(property.id()).isPresent());
        });

        assertThat(seen).isTrue();
    }

    @Test
    void uncommitted_writes_are_not_seen_by_another_thread() throws Exception {
        Property property = property();

        boolean seenElsewhere = transactions().inTransaction(() -> {
            store().properties().save(property);
            return CompletableFuture.supplyAsync(() -> store().properties().findBy(property.id()).isPresent(), OWN_THREAD)
                    .orTimeout(30, TimeUnit.SECONDS)
                    .join();
        });

        assertThat(seenElsewhere).isFalse();
        assertThat(store().properties().findBy(property.id())).isPresent();
    }

    @Test
    void after_commit_hooks_run_once_the_transaction_has_committed() {
        Property property = property();
        List<String> seen = new ArrayList<>();

        transactions().run(() -> {
            store().properties().save(property);
            transactions().afterCommit(() -> seen.add("committed, in transaction: " + transactions().inTransaction()
                    + ", stored: " + store().properties().findBy(property.id()).isPresent()));
            transactions().afterRollback(() -> seen.add("rolled back"));
        });

        assertThat(seen).containsExactly("committed, in transaction: false, stored: true");
    }

    @Test
    void after_rollback_hooks_run_once_the_transaction_has_rolled_back() {
        Property property = property();
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> transactions().run(() -> {
            store().properties().save(property);
            transactions().afterCommit(() -> seen.add("committed"));
            transactions().run(() -> transactions().afterRollback(() -> seen.add("rolled back, in transaction: "
                    + transactions().inTransaction() + ", stored: " + store().properties().findBy(property.id()).isPresent())));
            throw new IllegalArgumentException("no");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(seen).containsExactly("rolled back, in transaction: false, stored: false");
    }

    @Test
    void hooks_need_an_active_transaction() {
        assertThat(transactions().inTransaction()).isFalse();
        assertThatThrownBy(() -> transactions().afterCommit(() -> {})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transactions().afterRollback(() -> {})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_refused_duplicate_does_not_spoil_the_rest_of_the_transaction() {
        Property first = property();
        Property third = property();

        transactions().run(() -> {
            store().properties().save(first);
            Property second = property();
            Property sameCode = new Property(second.id(), first.code(), second.name(), second.timezone(),
                    second.currency(), second.checkInTime(), second.checkOutTime(), second.maxStayNights(),
                    second.taxes(), second.rounding(), second.businessDate(), 0);
            assertThatThrownBy(() -> store().properties().save(sameCode)).isInstanceOf(DuplicateException.class);
            store().properties().save(third);
        });

        assertThat(store().properties().findBy(first.id())).isPresent();
        assertThat(store().properties().findBy(third.id())).isPresent();
    }

    @Test
    void a_save_after_a_read_in_the_same_transaction_still_sees_a_concurrent_change() throws Exception {
        Property saved = store().properties().save(property());

        assertThatThrownBy(() -> transactions().run(() -> {
            Property read = store().properties().findBy(saved.id()).orElseThrow();
            CompletableFuture.runAsync(() -> store().properties().save(read.withBusinessDate(TODAY.plusDays(1))), OWN_THREAD)
                    .orTimeout(30, TimeUnit.SECONDS)
                    .join();
            store().properties().save(read.withBusinessDate(TODAY.plusDays(2)));
        })).isInstanceOf(io.hotelkit.shared.VersionConflictException.class);

        assertThat(store().properties().findBy(saved.id()).orElseThrow().businessDate()).isEqualTo(TODAY.plusDays(1));
    }
}
