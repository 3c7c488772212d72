package io.hotelkit.jpa;

import static io.hotelkit.jpa.Fixtures.BOOKING;
import static io.hotelkit.jpa.Fixtures.event;
import static io.hotelkit.jpa.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.guests.GuestEvent;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.InventoryEvent;
import io.hotelkit.reservations.ReservationEvent;
import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.Outbox.StoredEvent;
import io.hotelkit.shared.PropertyId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outbox's behaviour, run on each database by a subclass. */
abstract class OutboxContract {

    private static final InventoryEvent.RoomCreated ROOM = new InventoryEvent.RoomCreated("DBL");

    abstract JpaStore store();

    private Outbox outbox() {
        return store().outbox();
    }

    @Test
    void append_needs_a_transaction() {
        DomainEvent event = event(PropertyId.of(unique("P")), "101", ROOM);

        assertThatThrownBy(() -> outbox().append(event)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void committed_events_are_read_in_order_with_their_data_as_it_was() {
        PropertyId property = PropertyId.of(unique("P"));
        DomainEvent booked = event(property, "B1", new ReservationEvent.BookingCreated(BOOKING));
        DomainEvent points = event(property, "G1", new GuestEvent.LoyaltyPointsChanged(3_000_000_000L, "stay:B1"));
        DomainEvent guest = new DomainEvent(unique("E"), null, "G1", "api-key-1",
                Instant.parse("2026-03-01T00:00:00Z"), new GuestEvent.GuestRegistered(true));
        long before = lastPosition();

        store().transactions().run(() -> {
            outbox().append(booked);
            outbox().append(points);
            outbox().append(guest);
        });

        List<StoredEvent> read = outbox().readAfter(before, 10);
        assertThat(read).extracting(StoredEvent::event).containsExactly(booked, points, guest);
        assertThat(read).extracting(StoredEvent::position).containsExactly(before + 1, before + 2, before + 3);
        assertThat(outbox().readAfter(before, 1)).extracting(StoredEvent::event).containsExactly(booked);
    }

    @Test
    void events_of_a_rolled_back_transaction_never_appear_and_give_their_positions_back() {
        PropertyId property = PropertyId.of(unique("P"));
        DomainEvent kept = event(property, "101", ROOM);
        DomainEvent undone = event(property, "102", ROOM);
        DomainEvent next = event(property, "103", ROOM);
        long before = lastPosition();

        store().transactions().run(() -> outbox().append(kept));
        assertThatThrownBy(() -> store().transactions().run(() -> {
            outbox().append(undone);
            throw new IllegalStateException("undo");
        })).isInstanceOf(IllegalStateException.class);
        store().transactions().run(() -> outbox().append(next));

        List<StoredEvent> read = outbox().readAfter(before, 10);
        assertThat(read).extracting(StoredEvent::event).containsExactly(kept, next);
        assertThat(read).extracting(StoredEvent::position).containsExactly(before + 1, before + 2);
    }

    @Test
    void history_is_one_entitys_events_newest_first() {
        PropertyId property = PropertyId.of(unique("P"));
        DomainEvent created = event(property, "B1", new ReservationEvent.BookingCreated(BOOKING));
        DomainEvent other = event(property, "B2", new ReservationEvent.BookingCreated(BOOKING));
        DomainEvent roomWithSameId = event(property, "B1", ROOM);
        DomainEvent elsewhere = event(PropertyId.of(unique("P")), "B1", new ReservationEvent.BookingCreated(BOOKING));
        DomainEvent modified = event(property, "B1", new ReservationEvent.BookingModified(BOOKING,
                BOOKING.checkin(), BOOKING.checkin().plusDays(2), "SGL"));
        DomainEvent cancelled = event(property, "B1", new ReservationEvent.BookingCancelled(BOOKING, Money.of("0.00", "EUR")));
        store().transactions().run(() -> List.of(created, other, roomWithSameId, elsewhere).forEach(outbox()::append));
        store().transactions().run(() -> List.of(modified, cancelled).forEach(outbox()::append));

        assertThat(outbox().history(property, "booking", "B1", 10)).extracting(StoredEvent::event)
                .containsExactly(cancelled, modified, created);
        assertThat(outbox().history(property, "booking", "B1", 2)).extracting(StoredEvent::event)
                .containsExactly(cancelled, modified);
        assertThat(outbox().history(property, "guest", "B1", 10)).isEmpty();
    }

    @Test
    void a_reader_following_concurrent_appenders_sees_every_committed_event_once_in_position_order() throws Exception {
        PropertyId property = PropertyId.of(unique("P"));
        int writers = 8;
        int transactionsEach = 20;
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        long start = lastPosition();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writing.add(pool.submit(() -> {
                    go.await();
                    for (int t = 0; t < transactionsEach; t++) {
                        List<DomainEvent> events = new ArrayList<>();
                        for (int e = 0; e <= (writer + t) % 3; e++) {
                            events.add(event(property, writer + "-" + t + "-" + e,
                                    new InventoryEvent.RoomHousekeepingChanged(HousekeepingStatus.DIRTY, HousekeepingStatus.CLEAN)));
                        }
                        boolean rollBack = (writer + t) % 5 == 0;
                        try {
                            store().transactions().run(() -> {
                                events.forEach(outbox()::append);
                                if (rollBack) {
                                    throw new IllegalStateException("roll back");
                                }
                            });
                            events.forEach(event -> committed.add(event.id()));
                        } catch (IllegalStateException expected) {
                            events.forEach(event -> rolledBack.add(event.id()));
                        }
                    }
                    return null;
                }));
            }
            Future<List<StoredEvent>> reading = pool.submit(() -> {
                List<StoredEvent> seen = new ArrayList<>();
                long position = start;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline) {
                    boolean writersDone = writing.stream().allMatch(Future::isDone);
                    List<StoredEvent> batch = outbox().readAfter(position, 7);
                    for (StoredEvent stored : batch) {
                        seen.add(stored);
                        position = stored.position();
                    }
                    if (batch.isEmpty() && writersDone) {
                        return seen;
                    }
                    if (batch.isEmpty()) {
                        Thread.sleep(1); // leave the two cores to the writers
                    }
                }
                throw new AssertionError("the reader did not catch up within 60 s; it saw " + seen.size());
            });
            go.countDown();
            for (Future<?> writer : writing) {
                writer.get(60, TimeUnit.SECONDS);
            }
            List<StoredEvent> seen = reading.get(90, TimeUnit.SECONDS);

            List<String> ids = seen.stream()
                    .filter(stored -> property.equals(stored.event().propertyId()))
                    .map(stored -> stored.event().id())
                    .toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(new HashSet<>(ids)).isEqualTo(committed);
            assertThat(ids).doesNotContainAnyElementsOf(rolledBack);
            assertThat(seen).extracting(StoredEvent::position).isSorted();
            assertThat(committed).hasSizeGreaterThan(writers * transactionsEach);
            assertThat(rolledBack).isNotEmpty();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private long lastPosition() {
        long position = 0;
        for (List<StoredEvent> batch = outbox().readAfter(0, 1000); !batch.isEmpty();
                batch = outbox().readAfter(position, 1000)) {
            position = batch.getLast().position();
        }
        return position;
    }
}
