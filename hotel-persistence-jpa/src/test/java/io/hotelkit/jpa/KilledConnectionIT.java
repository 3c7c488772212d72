package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.Property;
import io.hotelkit.jpa.testing.FreshDatabase;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.shared.StoreUnavailableException;
import io.hotelkit.testing.ForwardingStorage;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariant 2 when the database connection dies: 100 times, the backend of a booking's transaction is
 * terminated from another connection ({@code pg_terminate_backend}) in the middle of the transaction: after
 * the booking is saved, after its folio is saved, or once its events are recorded. Each time nothing of
 * it is left (no booking, folio, night row, outbox event or idempotency key), and the client's retry with
 * the same idempotency key makes exactly one booking.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KilledConnectionIT {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres();

    private enum KillPoint { AFTER_BOOKING_SAVED, AFTER_FOLIO_SAVED, AFTER_EVENT_RECORDED }

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private @Nullable KillPoint armed;

    @Test
    void a_booking_whose_connection_is_killed_leaves_nothing_and_its_retry_books_once() throws SQLException {
        JpaStore store = db.store();
        Hotel hotel = Hotel.builder().storage(killing(store)).clock(clock).build();
        Property lisbon = TestHotels.lisbon(hotel, Fixtures.unique("K"));
        Guest guest = hotel.guests().findOrRegister(NewGuest.of("Guest", "killed@example.com"));

        for (int i = 0; i < 100; i++) {
            LocalDate checkin = LocalDate.parse("2027-01-01").plusDays(i);
            Stay stay = Stay.of(checkin, checkin.plusDays(1 + i % 3));
            String room = i % 2 == 0 ? null : "10" + (1 + i % 5);
            BookingRequest request = new BookingRequest(lisbon.id(), guest.id(), null, room == null ? "DBL" : null, room, "FLEX",
                    stay, Occupancy.adults(2), null, null, null);
            IdempotencyKey key = new IdempotencyKey("fault-test", "stay-" + i);
            List<Long> before = totals(lisbon.id(), key);

            armed = KillPoint.values()[i % KillPoint.values().length];
            assertThatThrownBy(() -> hotel.bookings().book(request, key)).as("attempt %d, killed %s", i, armed)
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(armed).as("the kill happened").isNull();
            assertThat(totals(lisbon.id(), key)).as("attempt %d left nothing behind", i).isEqualTo(before);

            Booking booked = hotel.bookings().book(request, key);
            Booking again = hotel.bookings().book(request, key);
            assertThat(again.id()).isEqualTo(booked.id());
            assertThat(hotel.bookings().bookings(BookingFilter.ofProperty(lisbon.id()), null, 1000))
                    .filteredOn(booking -> booking.stay().equals(stay)).hasSize(1);
        }

        assertThat(totals(lisbon.id(), new IdempotencyKey("fault-test", "none")).subList(0, 2)).containsExactly(100L, 100L);
        Hotel restarted = Hotel.builder().storage(store).clock(clock).build();
        DateRange window = DateRange.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-01"));
        NightRows.assertInStep(db.database(), restarted, lisbon.id(), window);
        window.dates().forEach(night -> assertThat(hotel.engine().available(lisbon.id(), "DBL", DateRange.of(night, night.plusDays(1))))
                .as("the first hotel's engine on " + night)
                .isEqualTo(restarted.engine().available(lisbon.id(), "DBL", DateRange.of(night, night.plusDays(1)))));
    }

    /** Bookings, folios, taken type nights, held room nights, outbox events, and rows of the idempotency key. */
    private List<Long> totals(PropertyId propertyId, IdempotencyKey key) throws SQLException {
        try (Connection connection = admin();
                PreparedStatement select = connection.prepareStatement("""
                        select (select count(*) from bookings where property_id = ?),
                               (select count(*) from folios where property_id = ?),
                               (select coalesce(sum(taken), 0) from type_nights where property_id = ?),
                               (select count(*) from room_nights where property_id = ?),
                               (select count(*) from outbox_events),
                               (select count(*) from idempotency_keys where scope = ? and idem_key = ?)""")) {
            for (int i = 1; i <= 4; i++) {
                select.setString(i, propertyId.value());
            }
            select.setString(5, key.scope());
            select.setString(6, key.key());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6));
            }
        }
    }

    /** The store, with the current transaction's backend terminated at the armed point. */
    private ForwardingStorage killing(JpaStore store) {
        Bookings bookings = new Bookings() {
            @Override
            public Optional<Booking> findBy(BookingId id) {
                return store.bookings().findBy(id);
            }

            @Override
            public List<Booking> list(BookingFilter filter, BookingId afterId, int limit) {
                return store.bookings().list(filter, afterId, limit);
            }

            @Override
            public List<Booking> overlapping(PropertyId propertyId, DateRange nights, String roomType) {
                return store.bookings().overlapping(propertyId, nights, roomType);
            }

            @Override
            public Booking save(Booking booking) {
                Booking saved = store.bookings().save(booking);
                killAt(store, KillPoint.AFTER_BOOKING_SAVED);
                return saved;
            }
        };
        Folios folios = new Folios() {
            @Override
            public Optional<Folio> findBy(BookingId bookingId) {
                return store.folios().findBy(bookingId);
            }

            @Override
            public Optional<Folio> findBy(PropertyId propertyId, BookingId bookingId, int window) {
                return store.folios().findBy(propertyId, bookingId, window);
            }

            @Override
            public List<Folio> windows(PropertyId propertyId, BookingId bookingId) {
                return store.folios().windows(propertyId, bookingId);
            }

            @Override
            public List<Folio> billing(PropertyId propertyId, io.hotelkit.billing.CompanyId companyId) {
                return store.folios().billing(propertyId, companyId);
            }

            @Override
            public Folio save(Folio folio) {
                Folio saved = store.folios().save(folio);
                killAt(store, KillPoint.AFTER_FOLIO_SAVED);
                return saved;
            }
        };
        Outbox outbox = new Outbox() {
            @Override
            public void append(DomainEvent event) {
                store.outbox().append(event);
                killAt(store, KillPoint.AFTER_EVENT_RECORDED);
            }

            @Override
            public List<StoredEvent> readAfter(long position, int limit) {
                return store.outbox().readAfter(position, limit);
            }

            @Override
            public List<StoredEvent> history(PropertyId propertyId, String entity, String entityId, long before,
                                             int limit) {
                return store.outbox().history(propertyId, entity, entityId, before, limit);
            }
        };
        return new ForwardingStorage(store) {
            @Override
            public Bookings bookings() {
                return bookings;
            }

            @Override
            public Folios folios() {
                return folios;
            }

            @Override
            public Outbox outbox() {
                return outbox;
            }
        };
    }

    /** Terminates the backend of the calling thread's transaction from another connection, and waits until it is gone. */
    private void killAt(JpaStore store, KillPoint point) {
        if (armed != point) {
            return;
        }
        armed = null;
        int pid = ((JpaUnitOfWork) store.transactions()).jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select pg_backend_pid()");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
        try (Connection connection = admin()) {
            try (PreparedStatement kill = connection.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                kill.execute();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            try (PreparedStatement alive = connection.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
                alive.setInt(1, pid);
                while (true) {
                    try (ResultSet row = alive.executeQuery()) {
                        row.next();
                        if (row.getLong(1) == 0) {
                            return;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("backend " + pid + " outlived pg_terminate_backend");
                    }
                    Thread.sleep(5);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(db.database().url(), db.database().user(), db.database().password());
    }
}
