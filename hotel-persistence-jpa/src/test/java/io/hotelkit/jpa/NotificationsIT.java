package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.jpa.JpaStore.Change;
import io.hotelkit.jpa.testing.FreshDatabase;
import io.hotelkit.reservations.ReservationEvent;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL's notifications between two stores on one database, as two server instances have them: a
 * committed outbox append or key save is told to the other store, in commit order; a rolled-back one is
 * never told; a store is not told its own.
 */
class NotificationsIT {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres();

    @Test
    void the_other_store_hears_committed_changes_in_order_and_never_a_rolled_back_one_or_its_own() throws Exception {
        JpaStore here = db.store();
        try (JpaStore there = db.database().open()) {
            BlockingQueue<Set<Change>> heardHere = new LinkedBlockingQueue<>();
            BlockingQueue<Set<Change>> heardThere = new LinkedBlockingQueue<>();
            try (JpaStore.Subscription listeningHere = here.listen(heardHere::add);
                 JpaStore.Subscription listeningThere = there.listen(heardThere::add)) {
                assertThat(heardHere.poll(30, TimeUnit.SECONDS)).as("connected").containsExactly(Change.MISSED);
                assertThat(heardThere.poll(30, TimeUnit.SECONDS)).as("connected").containsExactly(Change.MISSED);
                assertThat(listeningThere.backendPid()).isPresent();

                PropertyId property = PropertyId.of(Fixtures.unique("P"));
                assertThatThrownBy(() -> here.transactions().run(() -> {
                    here.outbox().append(Fixtures.event(property, "B1", new ReservationEvent.BookingCreated(Fixtures.BOOKING)));
                    throw new IllegalStateException("rolled back");
                })).isInstanceOf(IllegalStateException.class);
                here.apiKeys().save(Fixtures.apiKey(Set.of()));
                // had the rolled-back append been told, OUTBOX would come before (or with) API_KEYS
                assertThat(heardThere.poll(30, TimeUnit.SECONDS)).containsExactly(Change.API_KEYS);

                here.transactions().run(() -> here.outbox().append(
                        Fixtures.event(property, "B2", new ReservationEvent.BookingCreated(Fixtures.BOOKING))));
                assertThat(heardThere.poll(30, TimeUnit.SECONDS)).containsExactly(Change.OUTBOX);

                there.transactions().run(() -> there.outbox().append(
                        Fixtures.event(property, "B2",
                                new ReservationEvent.BookingCancelled(Fixtures.BOOKING, Money.of("0.00", "EUR")))));
                // had this store been told its own two changes, they would come before the other's
                assertThat(heardHere.poll(30, TimeUnit.SECONDS)).containsExactly(Change.OUTBOX);
                assertThat(heardHere).isEmpty();
            }
        }
    }
}
