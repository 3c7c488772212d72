package io.hotelkit;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.BookingChanges;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.CurrencyMismatchException;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a named exception that says what was wrong, and changes nothing. */
class BadInputTest {

    private Hotel hotel;
    private Property lisbon;
    private Guest ana;

    @BeforeEach
    void setUp() {
        hotel = Hotel.inMemory(MutableClock.at(TestHotels.CLOCK_START));
        lisbon = TestHotels.lisbon(hotel);
        ana = TestHotels.guest(hotel, "ana@example.com");
    }

    @Test
    void value_objects_check_themselves() {
        assertThatThrownBy(() -> Stay.of("2026-12-03", "2026-12-03"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checkout date 2026-12-03 must be after checkin date 2026-12-03");
        assertThatThrownBy(() -> Stay.of(null, LocalDate.parse("2026-12-03")))
                .isInstanceOf(NullPointerException.class).hasMessage("checkin date");
        assertThatThrownBy(() -> Occupancy.of(0, 1)).hasMessage("adults must be at least 1, not 0");
        assertThatThrownBy(() -> Occupancy.of(1, -1)).hasMessage("children must not be negative, not -1");
        assertThatThrownBy(() -> new CancellationPolicy(1, CancellationPolicy.Penalty.PERCENT, null))
                .hasMessage("a percent penalty needs a percent above 0 and at most 100, not null");
        assertThatThrownBy(() -> new TaxPolicy(new BigDecimal("101"), true, eur("0.00")))
                .hasMessage("vat percent must be between 0 and 100, not 101");
        assertThatThrownBy(() -> new DailyRate("DBL", LocalDate.parse("2026-12-01"), eur("-1.00"), eur("0.00"), eur("0.00"),
                null, null, false, false, false)).hasMessage("amount must not be negative: -1.00 EUR");
        assertThatThrownBy(() -> new DailyRate("DBL", LocalDate.parse("2026-12-01"), eur("1.00"), Money.of("1.00", "USD"),
                eur("0.00"), null, null, false, false, false)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> new DailyRate("DBL", LocalDate.parse("2026-12-01"), eur("1.00"), eur("0.00"), eur("0.00"),
                5, 2, false, false, false)).hasMessage("min stay 5 is more than max stay 2");
        assertThatThrownBy(() -> new Guest(io.hotelkit.shared.GuestId.of("g"), "Ana", "not-an-email", null, null,
                java.util.Map.of(), false, java.time.Instant.EPOCH, null, 0))
                .hasMessage("email must be an address such as 'ana@example.com', not 'not-an-email'");
    }

    @Test
    void set_up_refuses_bad_properties_room_types_rooms_and_prices() {
        unchanged(() -> hotel.inventory().createProperty(new NewProperty("bad code!", "X", ZoneId.of("UTC"),
                Money.currency("EUR"), LocalTime.NOON, LocalTime.NOON, null, null, null)), IllegalArgumentException.class,
                "property code must be 1 to 32 letters");
        unchanged(() -> hotel.inventory().createProperty(new NewProperty("LIS", "Again", ZoneId.of("UTC"),
                Money.currency("EUR"), LocalTime.NOON, LocalTime.NOON, null, null, null)), DuplicateException.class,
                "a property 'LIS' exists already");
        unchanged(() -> hotel.inventory().addRoomType(lisbon.id(), "TWN", "Twin", 2, 0, 3, null, null),
                IllegalArgumentException.class, "max occupancy must be between 1 and max adults + max children (2), not 3");
        unchanged(() -> hotel.inventory().addRoom(lisbon.id(), "301", "NOPE", null), InvalidRequestException.class,
                "property has no room type 'NOPE'");
        unchanged(() -> hotel.rates().setPrices(lisbon.id(), "FLEX", List.of(TestHotels.row("DBL",
                DateRange.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02")), "100.00"),
                new PriceRow("DBL", DateRange.of(LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-06")),
                        Money.of("100.00", "USD"), null, null, null, null, false, false, false))),
                InvalidRequestException.class, "amounts are in the property's currency EUR, not USD");
        unchanged(() -> hotel.rates().setPrices(lisbon.id(), "NRF", List.of()), InvalidRequestException.class,
                "rate plan NRF is derived from FLEX: set the prices of FLEX");
        unchanged(() -> hotel.rates().setPrices(lisbon.id(), "FLEX", List.of(TestHotels.row("DBL",
                DateRange.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02")), "1.00"))),
                InvalidRequestException.class, "prices cannot be set before the business date 2026-12-01");
    }

    @Test
    void booking_refuses_bad_requests() {
        Stay stay = Stay.of("2026-12-05", "2026-12-07");
        unchanged(() -> hotel.bookings().book(BookingRequest.of(lisbon.id(), ana.id(), "NOPE", "FLEX", stay,
                Occupancy.adults(2)), null), NotFoundException.class, "no room type 'NOPE'");
        unchanged(() -> hotel.bookings().book(BookingRequest.of(lisbon.id(), ana.id(), "DBL", "FLEX",
                Stay.of("2026-11-20", "2026-11-22"), Occupancy.adults(2)), null), InvalidRequestException.class,
                "checkin date 2026-11-20 is before the business date 2026-12-01 of property LIS");
        unchanged(() -> hotel.bookings().book(BookingRequest.of(lisbon.id(), ana.id(), "DBL", "FLEX",
                Stay.of("2026-12-05", "2027-01-20"), Occupancy.adults(2)), null), InvalidRequestException.class,
                "a stay of 46 nights is longer than the 30 property LIS sells");
        unchanged(() -> hotel.bookings().book(BookingRequest.of(lisbon.id(), ana.id(), "DBL", "FLEX", stay,
                Occupancy.adults(4)), null), io.hotelkit.shared.NotAvailableException.class,
                "room type DBL takes at most 3 adults");
        unchanged(() -> hotel.bookings().book(new BookingRequest(lisbon.id(), ana.id(), null, "DBL", null, "FLEX", stay,
                Occupancy.adults(2), null, null, "4111 1111 1111 1111"), null), InvalidRequestException.class,
                "send a payment gateway's card token, never a card number");
        unchanged(() -> hotel.bookings().book(new BookingRequest(lisbon.id(), ana.id(), NewGuest.of("Bo", "bo@example.com"),
                "DBL", null, "FLEX", stay, Occupancy.adults(2), null, null, null), null), InvalidRequestException.class,
                "give either a guest_id or a guest, not both or neither");
        unchanged(() -> hotel.bookings().book(new BookingRequest(lisbon.id(), null, null, null, "101", "FLEX", stay,
                Occupancy.adults(2), null, null, null), null), InvalidRequestException.class,
                "give either a guest_id or a guest");
        unchanged(() -> hotel.bookings().book(new BookingRequest(lisbon.id(), ana.id(), null, "STE", "101", "FLEX", stay,
                Occupancy.adults(2), null, null, null), null), InvalidRequestException.class,
                "room 101 is of room type DBL, not STE");
        assertThatThrownBy(() -> hotel.bookings().book(null, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("booking request");
    }

    @Test
    void changes_refuse_bad_requests_and_leave_the_booking_as_it_was() {
        var booking = TestHotels.book(hotel, lisbon, "DBL", Stay.of("2026-12-05", "2026-12-07"));
        unchanged(() -> hotel.bookings().modify(lisbon.id(), booking.id(), booking.version(),
                new BookingChanges(null, LocalDate.parse("2026-12-05"), null, null, null, null)),
                InvalidRequestException.class, "checkout date 2026-12-05 must be after checkin date 2026-12-05");
        unchanged(() -> hotel.bookings().modify(lisbon.id(), booking.id(), booking.version() + 7,
                new BookingChanges(null, LocalDate.parse("2026-12-08"), null, null, null, null)),
                io.hotelkit.shared.VersionConflictException.class, "is at version 1, not 8");
        unchanged(() -> hotel.bookings().modify(lisbon.id(), booking.id(), booking.version(),
                new BookingChanges(null, null, "NOPE", null, null, null)), NotFoundException.class, "no room type 'NOPE'");
        unchanged(() -> hotel.cancellations().cancel(lisbon.id(), BookingId.of("nope"), null), NotFoundException.class,
                "no booking 'nope'");
        assertThat(hotel.bookings().booking(booking.id())).isEqualTo(booking);
    }

    @Test
    void searches_refuse_stays_the_property_does_not_sell() {
        assertThatThrownBy(() -> hotel.availability().search(AvailabilityQuery.of(lisbon.id(),
                Stay.of("2026-11-30", "2026-12-02"), Occupancy.adults(1))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("checkin_date"));
    }

    private void unchanged(ThrowingCallable call, Class<? extends Throwable> refusal, String message) {
        long events = hotel.storage().outbox().readAfter(0, Integer.MAX_VALUE).size();
        int bookings = hotel.storage().bookings().list(io.hotelkit.reservations.BookingFilter.ofProperty(lisbon.id()), null,
                Integer.MAX_VALUE).size();
        assertThatThrownBy(call).isInstanceOf(refusal).hasMessageContaining(message);
        assertThat(hotel.storage().outbox().readAfter(0, Integer.MAX_VALUE)).as("events after: " + message).hasSize((int) events);
        assertThat(hotel.storage().bookings().list(io.hotelkit.reservations.BookingFilter.ofProperty(lisbon.id()), null,
                Integer.MAX_VALUE)).hasSize(bookings);
    }
}
