package io.hotelkit.examples.embedded;

import io.hotelkit.Hotel;
import io.hotelkit.availability.Availability;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.availability.Offer;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** hotel-core embedded in memory: open a small hotel, search a stay, book the cheapest offer. */
public final class EmbeddedInMemory {

    public static void main(String[] args) {
        Hotel hotel = Hotel.inMemory();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Lisbon"));
        Property lisbon = hotel.inventory().createProperty(new NewProperty("LIS", "Lisbon Riverside", ZoneId.of("Europe/Lisbon"),
                Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), null, null, today));
        hotel.inventory().addRoomType(lisbon.id(), "DBL", "Double", 2, 1, 3, 2, 0);
        hotel.inventory().addRoom(lisbon.id(), "101", "DBL", "1");
        hotel.inventory().addRoom(lisbon.id(), "102", "DBL", "1");
        hotel.rates().addRatePlan(lisbon.id(), "FLEX", "Flexible", MealPlan.BREAKFAST, CancellationPolicy.nonRefundable(), null);
        hotel.rates().setPrices(lisbon.id(), "FLEX", List.of(new PriceRow("DBL", DateRange.of(today, today.plusDays(365)),
                Money.of("120.00", "EUR"), null, null, null, null, false, false, false)));

        Stay stay = Stay.of(today.plusDays(7), today.plusDays(10));
        Availability offers = hotel.availability().search(AvailabilityQuery.of(lisbon.id(), stay, Occupancy.adults(2)));
        Offer cheapest = offers.offers().getFirst();
        System.out.printf("%d offer(s) for %s; %s %s: %s %s%n", offers.offers().size(), stay, cheapest.roomType(),
                cheapest.ratePlan(), cheapest.total().amount(), cheapest.total().currency());

        var guest = hotel.guests().register(NewGuest.of("Ana Silva", "ana@example.com"), null);
        Booking booking = hotel.bookings().book(BookingRequest.of(lisbon.id(), guest.id(), cheapest.roomType(),
                cheapest.ratePlan(), stay, Occupancy.adults(2)), null);
        System.out.printf("booked %s: %s, %s%n", booking.confirmationCode(), booking.stay(), booking.total().amount());
    }
}
