package io.hotelkit.examples.jpa;

import io.hotelkit.Hotel;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.jpa.JpaStore;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * hotel-core on PostgreSQL through hotel-persistence-jpa: book a stay, stop the hotel, start a new one on
 * the same database, and find the booking and the availability it took still there.
 *
 * <p>Run with a JDBC URL as the argument or in {@code HOTEL_POSTGRES_URL}
 * ({@code jdbc:postgresql://127.0.0.1:5432/hotel?user=hotel}); with neither, it starts an embedded
 * PostgreSQL in a temporary folder and stops it at the end.
 */
public final class JpaOnPostgres {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    public static void main(String[] args) throws IOException {
        String url = args.length > 0 ? args[0] : System.getenv("HOTEL_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            run(url);
            return;
        }
        try (EmbeddedPostgres embedded = EmbeddedPostgres.start()) {
            System.out.println("started an embedded PostgreSQL on port " + embedded.getPort());
            run(embedded.getJdbcUrl("postgres", "postgres"));
        }
    }

    static void run(String url) {
        LocalDate today = LocalDate.now(LISBON);
        Stay stay = Stay.of(today.plusDays(7), today.plusDays(10));
        PropertyId lisbon;
        BookingId booked;

        // Opening the store migrates the schema; building the Hotel loads availability from the database.
        try (JpaStore store = JpaStore.open(url, null, null)) {
            Hotel hotel = Hotel.builder().storage(store).clock(Clock.system(LISBON)).build();
            lisbon = openHotel(hotel, today);
            System.out.printf("DBL free for %s: %d%n", stay, hotel.engine().available(lisbon, "DBL", stay.nightsAsRange()));
            Guest guest = hotel.guests().findOrRegister(NewGuest.of("Ana Silva", "ana@example.com"));
            Booking booking = hotel.bookings().book(BookingRequest.of(lisbon, guest.id(), "DBL", "FLEX", stay, Occupancy.adults(2)), null);
            booked = booking.id();
            System.out.printf("booked %s: %s, %s %s%n", booking.confirmationCode(), booking.stay(), booking.total().amount(),
                    booking.total().currency());
            System.out.printf("DBL free for %s: %d%n", stay, hotel.engine().available(lisbon, "DBL", stay.nightsAsRange()));
        }

        // A restart: a new store and a new Hotel on the same database.
        try (JpaStore store = JpaStore.open(url, null, null)) {
            Hotel hotel = Hotel.builder().storage(store).clock(Clock.system(LISBON)).build();
            Booking booking = hotel.bookings().booking(lisbon, booked);
            System.out.printf("after a restart: %s is %s for %s%n", booking.confirmationCode(), booking.status(), booking.stay());
            System.out.printf("after a restart: DBL free for %s: %d%n", stay, hotel.engine().available(lisbon, "DBL", stay.nightsAsRange()));
        }
    }

    /** The two-room hotel, made on the first run and found on later ones. */
    private static PropertyId openHotel(Hotel hotel, LocalDate today) {
        List<Property> existing = hotel.inventory().properties(null, 100).stream().filter(p -> p.code().equals("LIS")).toList();
        if (!existing.isEmpty()) {
            return existing.getFirst().id();
        }
        Property lisbon = hotel.inventory().createProperty(new NewProperty("LIS", "Lisbon Riverside", LISBON, Money.currency("EUR"),
                LocalTime.of(15, 0), LocalTime.of(11, 0), null, null, today));
        hotel.inventory().addRoomType(lisbon.id(), "DBL", "Double", 2, 1, 3, 2, 0);
        hotel.inventory().addRoom(lisbon.id(), "101", "DBL", "1");
        hotel.inventory().addRoom(lisbon.id(), "102", "DBL", "1");
        hotel.rates().addRatePlan(lisbon.id(), "FLEX", "Flexible", MealPlan.BREAKFAST, CancellationPolicy.nonRefundable(), null);
        hotel.rates().setPrices(lisbon.id(), "FLEX", List.of(new PriceRow("DBL", DateRange.of(today, today.plusDays(365)),
                Money.of("120.00", "EUR"), null, null, null, null, false, false, false)));
        return lisbon.id();
    }
}
