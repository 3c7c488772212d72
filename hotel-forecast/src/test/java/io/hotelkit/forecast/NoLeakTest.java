package io.hotelkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing known only after a booking was made reaches its features. */
class NoLeakTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final Instant MADE = Instant.parse("2026-03-01T10:00:00Z");

    private static Booking booking() {
        return booking(Stay.of("2026-04-10", "2026-04-13"));
    }

    private static Booking booking(Stay stay) {
        return new Booking(BookingId.of("b1"), PropertyId.of("p1"), "ABC123", GuestId.of("g1"), "DBL", null, false, "BAR", null,
                stay, Occupancy.of(2, 1),
                List.of(Money.of("100.00", "EUR"), Money.of("100.00", "EUR"), Money.of("130.00", "EUR")), Money.of("330.00", "EUR"),
                CancellationPolicy.freeCancellation(), BookingStatus.CONFIRMED, "late arrival\nhigh floor", "tok_1", "key-web", MADE,
                MADE, null, 1);
    }

    @Test
    void a_booking_recorded_after_its_arrival_was_booked_with_no_lead_time() {
        // a walk-in at 00:30 while the business date still lags the clock, or a stay entered afterwards
        Booking walkIn = booking(Stay.of("2026-02-28", "2026-03-03"));

        BookingSnapshot s = BookingSnapshot.of(walkIn, LISBON, new BookingSnapshot.History(0, 0, 0.0));

        assertThat(s.leadTimeDays()).isZero();
        assertThat(s.bookedOn()).isEqualTo(walkIn.stay().checkin());
    }

    @Test
    void a_snapshot_reads_what_was_known_at_booking() {
        BookingSnapshot s = BookingSnapshot.of(booking(), LISBON, new BookingSnapshot.History(2, 1, 0.4));

        assertThat(s.leadTimeDays()).isEqualTo(40);
        assertThat(s.nights()).isEqualTo(3);
        assertThat(s.weekendNights()).isEqualTo(2); // Friday 10 and Saturday 11 April 2026
        assertThat(s.pricePerNight()).isEqualTo(110.0);
        assertThat(s.specialRequests()).isEqualTo(2);
        assertThat(s.guaranteed()).isTrue();
        assertThat(s.source()).isEqualTo("key-web");
    }

    @Test
    void status_room_and_later_moments_do_not_change_a_bookings_features() {
        Booking made = booking();
        BookingSnapshot.History history = new BookingSnapshot.History(0, 0, 0.5);
        BookingSnapshot atCreation = BookingSnapshot.of(made, LISBON, history);

        Instant later = MADE.plusSeconds(86_400 * 20);
        List<Booking> afterwards = List.of(
                made.withRoom("101", true, later),
                made.moveTo(BookingStatus.CHECKED_IN, later),
                made.cancelled("changed plans", later),
                made.withRoom("102", false, later).moveTo(BookingStatus.CHECKED_IN, later).moveTo(BookingStatus.CHECKED_OUT, later));
        CancellationModel model = new CancellationTrainer(new TrainingConfig(20, 3, 0.3, 1, 50)).train(Slices.bookings(3, 500), 1, MADE);
        for (Booking changed : afterwards) {
            BookingSnapshot again = BookingSnapshot.of(changed, LISBON, history);
            assertThat(again).as(changed.status() + " " + changed.roomNumber()).isEqualTo(atCreation);
            assertThat(model.probability(again)).isEqualTo(model.probability(atCreation));
        }
    }

    @Test
    void no_feature_is_a_status_a_room_or_a_later_change() {
        assertThat(Features.NAMES).noneMatch(name -> name.contains("status") || name.contains("room_number")
                || name.contains("assigned") || name.contains("change") || name.contains("updated") || name.contains("cancelled_on"));
        assertThat(BookingSnapshot.class.getRecordComponents()).extracting(c -> c.getName())
                .doesNotContain("status", "roomNumber", "updatedAt", "cancellationReason", "version");
    }

    @Test
    void a_guests_history_counts_only_what_had_happened_when_the_booking_was_made() {
        Booking first = booking();
        Booking second = new Booking(BookingId.of("b2"), PropertyId.of("p1"), "DEF456", GuestId.of("g1"), "DBL", null, false, "BAR",
                null, Stay.of("2026-04-11", "2026-04-12"), Occupancy.of(1, 0), List.of(Money.of("90.00", "EUR")), Money.of("90.00", "EUR"),
                CancellationPolicy.freeCancellation(), BookingStatus.CONFIRMED, null, null, "key-web", MADE.plusSeconds(3600),
                MADE.plusSeconds(3600), null, 1);
        // the first is cancelled a week after the second was made: the second must not know it
        Booking firstCancelledLater = first.cancelled(null, MADE.plusSeconds(86_400 * 7));

        List<BookingSnapshot> snapshots = BookingHistory.snapshots(List.of(firstCancelledLater, second), LISBON, Map.of("DBL", 4));

        assertThat(snapshots.get(1).guestCancellations()).isZero();
        assertThat(snapshots.get(1).occupancyAtBooking()).isEqualTo(0.25);
        assertThat(snapshots.get(0).occupancyAtBooking()).isZero();
    }
}
