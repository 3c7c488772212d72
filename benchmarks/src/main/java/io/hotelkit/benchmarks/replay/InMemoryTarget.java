package io.hotelkit.benchmarks.replay;

import io.hotelkit.Hotel;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reporting.OccupancyReport;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * hotelkit embedded, on its in-memory adapters ({@link Hotel#inMemory}): no database, nothing kept. The
 * clock stands at the first business date; each booking's guest is one profile per country of origin
 * (the data names no guests). {@link JpaTarget} is the same on another storage.
 */
public final class InMemoryTarget implements Target {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    private final String name;
    private final Function<Clock, Hotel> hotels;
    private final Map<String, PropertyId> properties = new HashMap<>();
    private final Map<String, GuestId> guests = new ConcurrentHashMap<>();
    private Hotel hotel;

    public InMemoryTarget() {
        this("in-memory", Hotel::inMemory);
    }

    /** Books through the hotel {@code hotels} builds, with the clock it is given, on its first {@link #open}. */
    InMemoryTarget(String name, Function<Clock, Hotel> hotels) {
        this.name = name;
        this.hotels = hotels;
    }

    @Override
    public String name() {
        return name;
    }

    /** The hotel the bookings went to, to look at after the replay. */
    public Hotel hotel() {
        return hotel;
    }

    @Override
    public void open(HotelPlan plan) {
        if (hotel == null) {
            hotel = hotels.apply(Clock.fixed(plan.businessDate().atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        }
        PropertyId id = hotel.inventory().createProperty(new NewProperty(plan.code(), plan.name(), LISBON, Money.currency("EUR"),
                LocalTime.of(14, 0), LocalTime.of(12, 0), plan.maxStayNights(), null, plan.businessDate())).id();
        properties.put(plan.name(), id);
        for (HotelPlan.RoomTypePlan type : plan.roomTypes()) {
            hotel.inventory().addRoomType(id, type.code(), "Room type " + type.code(), type.maxAdults(), type.maxChildren(),
                    type.maxOccupancy(), Math.min(2, type.maxOccupancy()), type.overbooking());
            for (int r = 1; r <= type.rooms(); r++) {
                hotel.inventory().addRoom(id, "%s-%03d".formatted(type.code(), r), type.code(), null);
            }
        }
        hotel.rates().addRatePlan(id, "BAR", "Best available rate", MealPlan.BREAKFAST,
                new CancellationPolicy(0, CancellationPolicy.Penalty.NONE, null), null);
        plan.prices().forEach((type, byMonth) -> {
            List<PriceRow> rows = new ArrayList<>();
            byMonth.forEach((month, cents) -> {
                LocalDate from = max(month.atDay(1), plan.businessDate());
                LocalDate to = min(month.atEndOfMonth().plusDays(1), plan.end());
                if (from.isBefore(to)) {
                    rows.add(new PriceRow(type, DateRange.of(from, to), Money.ofMinor(cents, Money.currency("EUR")),
                            null, null, null, null, false, false, false));
                }
            });
            hotel.rates().setPrices(id, "BAR", rows);
        });
    }

    /** Bookings and cancellations may come from several threads once the hotels are open: hotel-core is thread-safe. */
    @Override
    public boolean concurrentCalls() {
        return true;
    }

    @Override
    public Outcome book(RecordedBooking booking) {
        BookingRequest request = BookingRequest.of(properties.get(booking.hotel()), guest(booking.country()), booking.roomType(),
                "BAR", booking.stay(), booking.occupancy());
        try {
            return Outcome.booked(hotel.bookings().book(request, null).id().value());
        } catch (NotAvailableException refused) {
            return Outcome.refused(refused.reason().name().toLowerCase(Locale.ROOT));
        } catch (InvalidRequestException refused) {
            return Outcome.refused("invalid " + refused.getMessage());
        }
    }

    @Override
    public void cancel(RecordedBooking booking, String reference) {
        hotel.cancellations().cancel(properties.get(booking.hotel()), BookingId.of(reference), "replayed cancellation");
    }

    @Override
    public OccupancyReport occupancy(String hotelName, DateRange nights) {
        return hotel.reports().occupancy(properties.get(hotelName), nights);
    }

    private GuestId guest(String country) {
        String code = country.matches("[A-Z]{2,3}") ? country.toLowerCase(Locale.ROOT) : "unknown";
        return guests.computeIfAbsent(code, c ->
                hotel.guests().register(NewGuest.of("Guests from " + c.toUpperCase(Locale.ROOT), c + "@replay.example"), null).id());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static YearMonth month(LocalDate date) {
        return YearMonth.from(date);
    }
}
