package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.Property;
import io.hotelkit.reservations.BlockStatus;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Outbox;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which outbox events are {@code ari.changed}, and what each says changed. */
class AriChangedEventsTest {

    private static final LocalDate FIRST = TestHotels.BUSINESS_DATE;

    private final Hotel hotel = TestHotels.seeded(new MutableClock(Instant.parse(TestHotels.CLOCK_START)), 7);
    private final Property property = TestHotels.lisbon(hotel);
    private final AriChangedEvents events = new AriChangedEvents(
            new AriChanges(hotel.inventory(), hotel.rates(), hotel.blocks()));

    /** What the last event appended maps to. */
    private Optional<AriChangedEvents.AriChanged> last() {
        Outbox outbox = hotel.storage().outbox();
        long position = outbox.lastPosition();
        Outbox.StoredEvent stored = outbox.readAfter(position - 1, 1).getFirst();
        return events.of(stored);
    }

    @Test
    void a_booking_changes_its_room_type_in_every_rate_plan_on_its_nights_with_the_cursor_of_its_position() {
        Booking booking = TestHotels.book(hotel, property, "STE", TestHotels.stay("2026-12-03", "2026-12-06"));
        AriChangedEvents.AriChanged changed = last().orElseThrow();

        assertThat(changed.propertyId()).isEqualTo(property.id().value());
        assertThat(changed.roomTypes()).containsExactly("STE");
        assertThat(changed.ratePlans()).containsExactly("FLEX", "NRF");
        assertThat(changed.from()).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(changed.to()).isEqualTo(LocalDate.parse("2026-12-06"));
        long position = hotel.storage().outbox().lastPosition();
        assertThat(AriCursor.decode(changed.cursor(), property.id(), position, "cursor").position()).isEqualTo(position);

        hotel.cancellations().cancel(property.id(), booking.id(), null);
        assertThat(last()).map(AriChangedEvents.AriChanged::roomTypes).contains(List.of("STE"));
    }

    @Test
    void prices_change_the_plan_and_those_derived_from_it_for_every_room_type_and_night() {
        hotel.rates().setPrices(property.id(), "FLEX", List.of(TestHotels.row("DBL", DateRange.of(FIRST, FIRST.plusDays(3)), "120.00")));
        AriChangedEvents.AriChanged changed = last().orElseThrow();

        assertThat(changed.ratePlans()).containsExactly("FLEX", "NRF");
        assertThat(changed.roomTypes()).containsExactly("DBL", "STE");
        assertThat(changed.from()).isNull();
        assertThat(changed.to()).isNull();
    }

    @Test
    void out_of_order_periods_and_blocks_change_their_room_type_on_their_nights() {
        hotel.inventory().takeOutOfOrder(property.id(), "201", DateRange.of(FIRST.plusDays(5), FIRST.plusDays(7)), "leak");
        assertThat(last()).map(c -> c.roomTypes() + " " + c.from() + " " + c.to())
                .contains("[STE] " + FIRST.plusDays(5) + " " + FIRST.plusDays(7));

        hotel.inventory().endOutOfOrder(property.id(), "201", FIRST.plusDays(5));
        assertThat(last()).map(c -> c.roomTypes() + " " + c.from() + " " + c.to())
                .contains("[STE] " + FIRST.plusDays(5) + " " + FIRST.plusDays(7));

        hotel.blocks().create(property.id(), "WED", "Wedding", "DBL", "FLEX", DateRange.of(FIRST.plusDays(9), FIRST.plusDays(11)),
                2, FIRST.plusDays(4), BlockStatus.DEFINITE);
        assertThat(last()).map(c -> c.roomTypes() + " " + c.from() + " " + c.to())
                .contains("[DBL] " + FIRST.plusDays(9) + " " + FIRST.plusDays(11));
        hotel.blocks().cancel(property.id(), "WED");
        assertThat(last()).map(c -> c.roomTypes() + " " + c.from() + " " + c.to())
                .contains("[DBL] " + FIRST.plusDays(9) + " " + FIRST.plusDays(11));
    }

    @Test
    void checking_out_early_changes_the_nights_after_the_day_of_leaving() {
        Booking booking = TestHotels.book(hotel, property, "DBL", TestHotels.stay("2026-12-01", "2026-12-05"));
        hotel.frontDesk().checkIn(property.id(), booking.id(), null);
        try {
            hotel.frontDesk().checkOut(property.id(), booking.id());
        } catch (io.hotelkit.billing.BalanceNotZeroException unpaid) {
            hotel.payments().pay(property.id(), booking.id(), unpaid.balance(), io.hotelkit.billing.PaymentMethod.CASH, null, null);
            hotel.frontDesk().checkOut(property.id(), booking.id());
        }
        AriChangedEvents.AriChanged changed = last().orElseThrow();

        assertThat(changed.roomTypes()).containsExactly("DBL");
        assertThat(changed.from()).isEqualTo(LocalDate.parse("2026-12-02")); // left after one night
        assertThat(changed.to()).isAfterOrEqualTo(LocalDate.parse("2026-12-05"));
    }

    @Test
    void housekeeping_and_guests_change_no_ari() {
        hotel.inventory().setHousekeeping(property.id(), "101", HousekeepingStatus.DIRTY);
        assertThat(last()).isEmpty();
        TestHotels.guest(hotel, "rita@example.com");
        assertThat(last()).isEmpty();
    }

    @Test
    void a_new_room_changes_its_room_type_on_every_night() {
        hotel.inventory().addRoom(property.id(), "106", "DBL", "1");
        AriChangedEvents.AriChanged changed = last().orElseThrow();
        assertThat(changed.roomTypes()).containsExactly("DBL");
        assertThat(changed.from()).isNull();
    }
}
