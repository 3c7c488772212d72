package io.hotelkit.reservations;

import static io.hotelkit.testing.TestHotels.eur;
import static io.hotelkit.testing.TestHotels.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.availability.Availability;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.availability.Offer;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingLifecycleTest {

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private Hotel hotel;
    private Property lisbon;
    private Guest ana;

    @BeforeEach
    void setUp() {
        hotel = Hotel.inMemory(clock);
        lisbon = TestHotels.lisbon(hotel);
        ana = TestHotels.guest(hotel, "ana@example.com");
    }

    @Test
    void a_stay_is_searched_booked_changed_given_a_room_checked_in_and_checked_out() {
        Stay stay = stay("2026-12-01", "2026-12-03");
        Availability availability = hotel.availability().search(AvailabilityQuery.of(lisbon.id(), stay, Occupancy.adults(2)));

        Offer flexDouble = availability.offers().stream()
                .filter(offer -> offer.roomType().equals("DBL") && offer.ratePlan().equals("FLEX"))
                .findFirst().orElseThrow();
        assertThat(flexDouble.available()).isEqualTo(5);
        assertThat(flexDouble.nightlyAmounts()).containsExactly(eur("100.00"), eur("100.00"));
        // 2 nights x (100.00 + 10 % VAT on top + 2 persons x 2.00 city tax)
        assertThat(flexDouble.total()).isEqualTo(eur("228.00"));

        Booking booking = hotel.bookings().book(
                BookingRequest.of(lisbon.id(), ana.id(), "DBL", "FLEX", stay, Occupancy.adults(2)), null);
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.total()).isEqualTo(flexDouble.total());
        assertThat(hotel.engine().available(lisbon.id(), "DBL", stay.nightsAsRange())).isEqualTo(4);

        // rates go up; the booking keeps its price for the nights it had
        hotel.rates().setPrices(lisbon.id(), "FLEX", List.of(TestHotels.row("DBL",
                DateRange.of(stay.checkin(), stay.checkin().plusDays(10)), "120.00")));
        Booking longer = hotel.bookings().modify(lisbon.id(), booking.id(), booking.version(),
                new BookingChanges(null, stay.checkout().plusDays(1), null, null, null, null));
        assertThat(longer.nightly()).containsExactly(eur("100.00"), eur("100.00"), eur("120.00"));
        assertThat(longer.version()).isEqualTo(booking.version() + 1);

        Booking assigned = hotel.frontDesk().assignRoom(lisbon.id(), booking.id(), "103");
        assertThat(assigned.roomNumber()).isEqualTo("103");
        assertThat(hotel.engine().isRoomFree(lisbon.id(), "103", longer.stay().nightsAsRange())).isFalse();

        Booking inHouse = hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null);
        assertThat(inHouse.status()).isEqualTo(BookingStatus.CHECKED_IN);
        assertThat(inHouse.roomNumber()).isEqualTo("103");

        for (int night = 0; night < 3; night++) {
            clock.advance(Duration.ofDays(1)); // the next morning: the night audit closes the day and charges the night
            hotel.nightAudit().close(lisbon.id());
        }
        Money owed = hotel.folioCharges().folio(lisbon.id(), booking.id()).balance();
        assertThat(owed).isEqualTo(longer.total());
        hotel.payments().pay(lisbon.id(), booking.id(), owed, PaymentMethod.CASH, null, null);
        Booking out = hotel.frontDesk().checkOut(lisbon.id(), booking.id());
        assertThat(out.status()).isEqualTo(BookingStatus.CHECKED_OUT);
        assertThat(hotel.inventory().room(lisbon.id(), "103").housekeeping()).isEqualTo(HousekeepingStatus.DIRTY);
    }

    @Test
    void a_modification_that_cannot_be_sold_leaves_the_booking_as_it_was() {
        Booking booking = TestHotels.book(hotel, lisbon, "STE", stay("2026-12-05", "2026-12-07"));
        // the suite is full on the 7th: 2 rooms + 1 overbooking
        for (int i = 0; i < 3; i++) {
            TestHotels.book(hotel, lisbon, "STE", stay("2026-12-07", "2026-12-08"));
        }

        assertThatThrownBy(() -> hotel.bookings().modify(lisbon.id(), booking.id(), booking.version(),
                new BookingChanges(null, booking.stay().checkout().plusDays(1), null, null, null, null)))
                .isInstanceOf(NotAvailableException.class)
                .extracting(e -> ((NotAvailableException) e).reason()).isEqualTo(NotAvailableException.Reason.SOLD_OUT);

        assertThat(hotel.bookings().booking(booking.id())).isEqualTo(booking);
        assertThat(hotel.engine().available(lisbon.id(), "STE", booking.stay().nightsAsRange())).isEqualTo(2);
    }

    @Test
    void a_late_cancellation_posts_the_policy_fee_to_the_folio() {
        Booking tomorrow = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-02", "2026-12-04"));

        Booking cancelled = hotel.cancellations().cancel(lisbon.id(), tomorrow.id(), "plans changed");

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.cancellationReason()).isEqualTo("plans changed");
        var folio = hotel.storage().folios().findBy(tomorrow.id()).orElseThrow();
        assertThat(folio.lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(FolioLineKind.FEE);
            assertThat(line.amount()).isEqualTo(eur("100.00"));
        });
        assertThat(hotel.engine().available(lisbon.id(), "DBL", tomorrow.stay().nightsAsRange())).isEqualTo(5);
    }

    @Test
    void an_early_cancellation_is_free() {
        Booking later = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-10", "2026-12-12"));

        hotel.cancellations().cancel(lisbon.id(), later.id(), null);

        assertThat(hotel.storage().folios().findBy(later.id()).orElseThrow().balance()).isEqualTo(Money.zero(lisbon.currency()));
    }

    @Test
    void a_no_show_pays_the_penalty_and_frees_the_room() {
        Booking today = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-01", "2026-12-03"));

        Booking noShow = hotel.cancellations().markNoShow(lisbon.id(), today.id());

        assertThat(noShow.status()).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(hotel.storage().folios().findBy(today.id()).orElseThrow().balance()).isEqualTo(eur("100.00"));
        assertThat(hotel.engine().available(lisbon.id(), "DBL", today.stay().nightsAsRange())).isEqualTo(5);
    }

    @Test
    void a_cancelled_booking_cannot_be_checked_in() {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-01", "2026-12-03"));
        hotel.cancellations().cancel(lisbon.id(), booking.id(), null);

        assertThatThrownBy(() -> hotel.frontDesk().checkIn(lisbon.id(), booking.id(), null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("booking %s is cancelled and cannot become checked_in", booking.id());
    }

    @Test
    void check_in_refuses_a_dirty_room() {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-01", "2026-12-03"));
        hotel.inventory().setHousekeeping(lisbon.id(), "101", HousekeepingStatus.DIRTY);

        assertThatThrownBy(() -> hotel.frontDesk().checkIn(lisbon.id(), booking.id(), "101"))
                .isInstanceOf(RoomNotReadyException.class)
                .hasMessageContaining("dirty");
        assertThat(hotel.bookings().booking(booking.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void check_in_moves_guests_who_have_not_arrived_to_make_room() {
        Booking arrivingTomorrow = assigned(stay("2026-12-02", "2026-12-04"), "105");
        Booking oneNightTomorrow = assigned(stay("2026-12-02", "2026-12-03"), "104");
        for (String room : List.of("101", "102", "103")) {
            inHouse(stay("2026-12-01", "2026-12-02"), room);
        }
        Booking twoNights = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-01", "2026-12-03"));

        Booking inHouse = hotel.frontDesk().checkIn(lisbon.id(), twoNights.id(), null);

        assertThat(inHouse.roomNumber()).isEqualTo("104");
        assertThat(hotel.bookings().booking(arrivingTomorrow.id()).roomNumber()).isEqualTo("101");
        assertThat(hotel.bookings().booking(oneNightTomorrow.id()).roomNumber()).isEqualTo("102");
        assertThat(hotel.engine().freeRooms(lisbon.id(), DateRange.of(stay("2026-12-02", "2026-12-03").checkin(),
                stay("2026-12-02", "2026-12-03").checkout()), "DBL")).containsExactly("103", "105");
    }

    @Test
    void a_room_the_guest_asked_for_is_never_moved() {
        Booking asked = hotel.bookings().book(new BookingRequest(lisbon.id(), ana.id(), null, null, "105", "FLEX",
                stay("2026-12-02", "2026-12-04"), Occupancy.adults(2), null, null, null), null);
        for (String room : List.of("101", "102", "103", "104")) {
            inHouse(stay("2026-12-01", "2026-12-02"), room);
        }
        Booking twoNights = TestHotels.book(hotel, lisbon, "DBL", stay("2026-12-01", "2026-12-03"));

        assertThatThrownBy(() -> hotel.frontDesk().checkIn(lisbon.id(), twoNights.id(), null))
                .isInstanceOf(NoRoomFitsException.class);
        assertThat(hotel.bookings().booking(asked.id()).roomNumber()).isEqualTo("105");
        assertThat(hotel.bookings().booking(twoNights.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    private Booking inHouse(Stay stay, String room) {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay);
        return hotel.frontDesk().checkIn(lisbon.id(), booking.id(), room);
    }

    private Booking assigned(Stay stay, String room) {
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", stay);
        return hotel.frontDesk().assignRoom(lisbon.id(), booking.id(), room);
    }
}
