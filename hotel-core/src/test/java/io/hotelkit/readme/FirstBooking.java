package io.hotelkit.readme;

import io.hotelkit.Hotel;
import io.hotelkit.availability.Availability;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

public final class FirstBooking {

    public static Booking book(Hotel hotel) {
        // a property with taxes: 6 % VAT included in prices, 2 EUR city tax a person and night
        Property lisbon = hotel.inventory().createProperty(new NewProperty("LIS", "Lisbon Riverside",
                ZoneId.of("Europe/Lisbon"), Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0),
                null, new TaxPolicy(new BigDecimal("6"), true, Money.of("2.00", "EUR")), null));
        hotel.inventory().addRoomType(lisbon.id(), "DBL", "Double", 2, 1, 3, null, null);
        hotel.inventory().addRoom(lisbon.id(), "101", "DBL", "1");
        hotel.rates().addRatePlan(lisbon.id(), "FLEX", "Flexible", MealPlan.BREAKFAST,
                new CancellationPolicy(2, CancellationPolicy.Penalty.FIRST_NIGHT, null), null);
        LocalDate today = hotel.inventory().property(lisbon.id()).businessDate();
        hotel.rates().setPrices(lisbon.id(), "FLEX", List.of(new PriceRow("DBL",
                DateRange.of(today, today.plusDays(90)), Money.of("120.00", "EUR"),
                null, null, null, null, false, false, false)));

        // search a stay, register a guest, book
        Stay stay = Stay.of(today.plusDays(7), today.plusDays(9));
        Availability offers = hotel.availability().search(AvailabilityQuery.of(lisbon.id(), stay, Occupancy.adults(2)));
        System.out.println(offers.offers().size() + " offer(s), from " + offers.offers().getFirst().total());
        Guest ana = hotel.guests().register(NewGuest.of("Ana Silva", "ana@example.com"), null);
        return hotel.bookings().book(BookingRequest.of(lisbon.id(), ana.id(), "DBL", "FLEX", stay,
                Occupancy.adults(2)), null);
    }

    public static void main(String[] args) {
        Booking booking = book(Hotel.inMemory());
        System.out.println("booked " + booking.confirmationCode() + " for " + booking.stay() + ": " + booking.total());
    }
}
