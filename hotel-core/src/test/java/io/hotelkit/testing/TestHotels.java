package io.hotelkit.testing;

import io.hotelkit.Hotel;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Ids;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded property for tests: "Lisbon Riverside" (EUR, business date 2026-12-01), VAT 10 % on top of
 * prices and a city tax of 2.00 a person and night; room types DBL (rooms 101-105, 2 adults + 1 child)
 * and STE (rooms 201-202, overbooking 1); rate plans FLEX (free until 2 days before, then first night),
 * NRF (FLEX -10 %, non-refundable); DBL 100.00 and STE 250.00 a night for a year, extra adult 30.00, extra
 * child 15.00.
 */
public final class TestHotels {

    public static final LocalDate BUSINESS_DATE = LocalDate.parse("2026-12-01");
    public static final String CLOCK_START = "2026-12-01T10:00:00Z";

    private TestHotels() {}

    /** A hotel in memory whose ids come from {@code seed}, so that a seeded test replays exactly. */
    public static Hotel seeded(MutableClock clock, long seed) {
        return Hotel.builder().clock(clock).storage(new MemoryStorage(clock)).ids(Ids.seeded(clock, seed)).build();
    }

    public static Property lisbon(Hotel hotel) {
        return lisbon(hotel, "LIS");
    }

    public static Property lisbon(Hotel hotel, String code) {
        Property property = hotel.inventory().createProperty(new NewProperty(code, "Lisbon Riverside", ZoneId.of("Europe/Lisbon"),
                Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), 30,
                new TaxPolicy(BigDecimal.TEN, false, Money.of("2.00", "EUR")), BUSINESS_DATE));
        PropertyId id = property.id();
        hotel.inventory().addRoomType(id, "DBL", "Double", 3, 1, 3, 2, 0);
        hotel.inventory().addRoomType(id, "STE", "Suite", 4, 2, 5, 2, 1);
        for (int n = 101; n <= 105; n++) {
            hotel.inventory().addRoom(id, String.valueOf(n), "DBL", "1");
        }
        hotel.inventory().addRoom(id, "201", "STE", "2");
        hotel.inventory().addRoom(id, "202", "STE", "2");
        hotel.rates().addRatePlan(id, "FLEX", "Flexible", MealPlan.BREAKFAST,
                new CancellationPolicy(2, CancellationPolicy.Penalty.FIRST_NIGHT, null), null);
        hotel.rates().addRatePlan(id, "NRF", "Non-refundable", MealPlan.BREAKFAST, CancellationPolicy.nonRefundable(),
                new DerivedRate("FLEX", BigDecimal.valueOf(-10)));
        DateRange year = DateRange.of(BUSINESS_DATE, BUSINESS_DATE.plusDays(365));
        hotel.rates().setPrices(id, "FLEX", List.of(
                row("DBL", year, "100.00"),
                row("STE", year, "250.00")));
        return hotel.inventory().property(id);
    }

    public static PriceRow row(String roomType, DateRange nights, String amount) {
        return new PriceRow(roomType, nights, eur(amount), eur("30.00"), eur("15.00"), null, null, false, false, false);
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    public static Stay stay(String checkin, String checkout) {
        return Stay.of(checkin, checkout);
    }

    public static Guest guest(Hotel hotel, String email) {
        return hotel.guests().register(NewGuest.of("Ana Silva", email), null);
    }

    public static Booking book(Hotel hotel, Property property, String roomType, Stay stay) {
        Guest guest = hotel.guests().findOrRegister(NewGuest.of("Guest " + stay, "guest-" + roomType.toLowerCase() + "@example.com"));
        return hotel.bookings().book(BookingRequest.of(property.id(), guest.id(), roomType, "FLEX", stay, Occupancy.adults(2)), null);
    }

    /** Every night of a range, for assertions. */
    public static List<LocalDate> nights(Stay stay) {
        List<LocalDate> nights = new ArrayList<>();
        stay.dates().forEach(nights::add);
        return nights;
    }
}
