package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.Property;
import io.hotelkit.jpa.testing.FreshDatabase;
import io.hotelkit.jpa.testing.StatementCounter;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingChanges;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No N+1 queries: the booking path, the engine's load and the reports send a number of statements that
 * does not grow with the stay's length or the number of bookings and rooms. Counted at the JDBC level
 * ({@link StatementCounter}), so the repositories' own SQL counts too; a batch is one statement.
 */
abstract class StatementCounts {

    private final StatementCounter counter = new StatementCounter();
    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private JpaStore store;
    private Hotel hotel;
    private Property lisbon;
    private Guest guest;

    abstract FreshDatabase db();

    @BeforeEach
    void openCountedStore() {
        store = db().database().storeBuilder().wrapDataSource(counter::wrap).open();
        hotel = Hotel.builder().storage(store).clock(clock).build();
        lisbon = TestHotels.lisbon(hotel, Fixtures.unique("S"));
        guest = hotel.guests().findOrRegister(NewGuest.of("Guest", "counted@example.com"));
        book(null, "2026-12-01", "2026-12-02"); // the first booking of a store prepares what later ones reuse
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void booking_modifying_and_cancelling_send_as_many_statements_for_a_long_stay_as_for_a_short_one() {
        for (String room : new String[] {null, "201"}) {
            AtomicReference<Booking> shortStay = new AtomicReference<>();
            AtomicReference<Booking> longStay = new AtomicReference<>();
            List<String> bookShort = beyondNightRows(counter.during(() -> shortStay.set(book(room, "2026-12-10", "2026-12-12"))));
            List<String> bookLong = beyondNightRows(counter.during(() -> longStay.set(book(room, "2027-01-10", "2027-01-24"))));
            assertThat(bookLong).as("booking 14 nights, room %s", room).hasSameSizeAs(bookShort).hasSizeLessThanOrEqualTo(20);

            List<String> modifyShort = beyondNightRows(counter.during(() -> shortStay.set(extend(shortStay.get(), 1))));
            List<String> modifyLong = beyondNightRows(counter.during(() -> longStay.set(extend(longStay.get(), 7))));
            assertThat(modifyLong).as("modifying, room %s", room).hasSameSizeAs(modifyShort).hasSizeLessThanOrEqualTo(20);

            List<String> cancelShort = beyondNightRows(counter.during(() -> hotel.cancellations().cancel(lisbon.id(), shortStay.get().id(), null)));
            List<String> cancelLong = beyondNightRows(counter.during(() -> hotel.cancellations().cancel(lisbon.id(), longStay.get().id(), null)));
            assertThat(cancelLong).as("cancelling, room %s", room).hasSameSizeAs(cancelShort).hasSizeLessThanOrEqualTo(20);
        }
    }

    /**
     * Exactly what a booking and its cancellation send (commits are not statements here): on PostgreSQL a
     * booking reads its property and guest, inserts its folio and itself, takes its nights in one statement
     * (after the booking's row, so that their locks are held for less of the transaction) and inserts its event with
     * the notification to the other processes on the database (one statement, delivered at commit); a
     * cancellation reads the booking once, under its lock. A booking reads its rate plan's deposit policy, to freeze
     * the deposit; a cancellation reads the booking's payments, card authorisations and deposit, to refund or keep the
     * deposit and release or capture the card (a booking with neither writes nothing). H2 also looks a new
     * booking's and folio's key up first (see VersionedEntity.storedBeforeInsert) and sends night rows one
     * by one.
     */
    @Test
    void booking_and_cancelling_send_exactly_these_statements() {
        AtomicReference<Booking> booked = new AtomicReference<>();
        List<String> booking = counter.during(() -> booked.set(book(null, "2026-12-10", "2026-12-13")));
        List<String> cancelling = counter.during(() -> hotel.cancellations().cancel(lisbon.id(), booked.get().id(), null));

        if (postgres()) {
            assertThat(booking).extracting(StatementCounts::kind).containsExactly("select properties", "select guests",
                    "insert folios", "insert bookings", "insert type_nights", "select rate_plans", "insert outbox_events and notify");
            assertThat(cancelling).extracting(StatementCounts::kind).containsExactly("select bookings for update",
                    "select properties", "update type_nights", "update bookings", "select payments", "select authorisations",
                    "select deposits", "insert outbox_events and notify");
        } else {
            assertThat(beyondNightRows(booking)).extracting(StatementCounts::kind).containsExactly("select properties",
                    "select guests", "select folios", "insert folios", "select bookings", "insert bookings", "select rate_plans",
                    "insert outbox_events");
            assertThat(beyondNightRows(cancelling)).extracting(StatementCounts::kind).containsExactly(
                    "select bookings for update", "select properties", "update bookings", "select payments", "select authorisations",
                    "select deposits", "insert outbox_events");
        }
    }

    /** Whether the store is on PostgreSQL, which sends night rows as one batch. */
    abstract boolean postgres();

    /** What a statement does and to which table: {@code select bookings for update}, {@code insert folios}. */
    private static String kind(String sql) {
        String s = sql.toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("select pg_notify(")) {
            return "notify";
        }
        if (s.startsWith("with ") && s.contains("select pg_notify(")) { // rows inserted and the notification, in one statement
            java.util.regex.Matcher insert = java.util.regex.Pattern.compile("\\binsert into (\\w+)").matcher(s);
            return (insert.find() ? "insert " + insert.group(1) + " and " : "") + "notify";
        }
        if (s.startsWith("select")) {
            java.util.regex.Matcher from = java.util.regex.Pattern.compile("\\bfrom (\\w+)").matcher(s);
            return "select " + (from.find() ? from.group(1) : "?") + (s.matches(".*\\bfor (no key )?update\\b.*") ? " for update" : "");
        }
        java.util.regex.Matcher write = java.util.regex.Pattern.compile("^(insert into|update|delete from|merge into) (\\w+)").matcher(s);
        return write.find() ? write.group(1).split(" ")[0] + " " + write.group(2) : s;
    }

    @Test
    void loading_the_engine_sends_as_many_statements_for_many_bookings_and_rooms_as_for_a_few() {
        List<String> few = counter.during(() -> Hotel.builder().storage(store).clock(clock).build());
        for (int n = 1; n <= 30; n++) {
            hotel.inventory().addRoom(lisbon.id(), "3" + String.format("%02d", n), "DBL", "3");
        }
        for (int n = 0; n < 60; n++) {
            LocalDate checkin = LocalDate.parse("2026-12-05").plusDays(n % 40);
            book(null, checkin.toString(), checkin.plusDays(2).toString());
        }

        List<String> many = counter.during(() -> Hotel.builder().storage(store).clock(clock).build());

        assertThat(many).hasSameSizeAs(few);
    }

    @Test
    void reports_send_as_many_statements_for_a_busy_month_as_for_a_quiet_one() {
        DateRange december = DateRange.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-01"));
        LocalDate arrival = LocalDate.parse("2026-12-20");
        List<String> quietOccupancy = counter.during(() -> hotel.reports().occupancy(lisbon.id(), december));
        List<String> quietArrivals = counter.during(() -> hotel.reports().arrivals(lisbon.id(), arrival));
        for (int n = 0; n < 40; n++) {
            LocalDate checkin = LocalDate.parse("2026-12-02").plusDays(n % 25);
            book(null, checkin.toString(), checkin.plusDays(1 + n % 3).toString());
        }
        hotel.inventory().takeOutOfOrder(lisbon.id(), "105", DateRange.of(arrival, arrival.plusDays(3)), "paint");

        assertThat(counter.during(() -> hotel.reports().occupancy(lisbon.id(), december)))
                .hasSameSizeAs(quietOccupancy).hasSizeLessThanOrEqualTo(3);
        assertThat(counter.during(() -> hotel.reports().arrivals(lisbon.id(), arrival)))
                .hasSameSizeAs(quietArrivals).hasSizeLessThanOrEqualTo(2);
    }

    /**
     * The statements but those on the inventory's night rows, which are one per night and row changed: a
     * single batch on PostgreSQL, one by one on H2 (see InventoryRows).
     */
    private static List<String> beyondNightRows(List<String> statements) {
        return statements.stream().filter(sql -> !sql.matches("(?is).*\\b(type|block|room)_nights\\b.*")).toList();
    }

    private Booking book(String room, String checkin, String checkout) {
        return hotel.bookings().book(new BookingRequest(lisbon.id(), guest.id(), null, room == null ? "DBL" : null, room, "FLEX",
                Stay.of(checkin, checkout), Occupancy.adults(2), null, null, null), null);
    }

    private Booking extend(Booking booking, int nights) {
        return hotel.bookings().modify(lisbon.id(), booking.id(), booking.version(),
                new BookingChanges(null, booking.stay().checkout().plusDays(nights), null, null, null, null));
    }
}
