package io.hotelkit.server;

import io.hotelkit.Hotel;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.HotelException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The large demo hotel that {@code HOTEL_DEMO=large} makes on a first start with an empty database: a
 * realistic size for the staff console's tape chart and dashboard.
 *
 * <ul>
 *   <li>property {@code CITY}, "hotelkit City Lisbon", with the small demo's taxes and rate plans (FLEX, NRF),
 *       prices that follow the season</li>
 *   <li>120 rooms on six floors: {@code STD} (70), {@code DLX} (30), {@code FAM} (14), {@code STE} (6); two out of
 *       order for a while</li>
 *   <li>a year of bookings from the City Hotel of the "Hotel booking demand" data set (Antonio, Almeida and
 *       Nunes, 2019, CC BY 4.0): the 2016 arrivals that were not cancelled, one in two, on the same days of
 *       the year (see {@code tools/demo_bookings.py}); those the hotel cannot take are left out</li>
 *   <li>the last 30 nights lived through: guests checked in and out, paid in cash, and each night audited,
 *       so that the business date is yesterday with guests in house, arrivals and departures to do; the
 *       bookings arriving in the next week are given rooms</li>
 * </ul>
 */
final class LargeDemo {

    static final String CODE = "CITY";
    static final int HISTORY_NIGHTS = 30;
    /** Bookings arriving within this many days have their rooms, as a front office plans them. */
    static final int ASSIGNED_AHEAD = 7;

    private static final System.Logger LOG = System.getLogger(LargeDemo.class.getName());
    private static final Currency EUR = Money.currency("EUR");
    private static final String DATA = "demo/city-hotel-2016.csv";

    private record Type(String code, String name, int maxAdults, int maxChildren, int maxOccupancy, String weekday,
                        int rooms) {}

    private static final List<Type> TYPES = List.of(
            new Type("STD", "Standard Double", 2, 1, 3, "110.00", 70),
            new Type("DLX", "Deluxe King", 3, 2, 4, "150.00", 30),
            new Type("FAM", "Family Room", 4, 3, 5, "200.00", 14),
            new Type("STE", "Suite", 4, 2, 4, "320.00", 6));

    private static final String[] FIRST = {"Ana", "João", "Maria", "Pedro", "Inês", "Tiago", "Sofia", "Miguel", "Emma",
            "Lucas", "Olivia", "Noah", "Chloé", "Hugo", "Giulia", "Marco", "Hannah", "Jonas", "Aisha", "Kenji",
            "Laura", "Diego", "Elena", "Omar", "Freya", "Liam", "Mei", "Rafael", "Zoe", "Yusuf"};
    private static final String[] LAST = {"Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Martins",
            "Smith", "Müller", "Dubois", "Rossi", "García", "Jensen", "Nowak", "Tanaka", "Kim", "Haddad", "O'Brien",
            "Novak", "Andersen", "Moreau", "Schmidt", "Lopes", "Almeida", "Ribeiro"};
    private static final int GUESTS = 3000;

    private LargeDemo() {}

    /** Makes the large demo hotel unless the hotel has any property at all; takes some seconds. */
    static void createIfEmpty(Hotel hotel) {
        if (!hotel.inventory().properties(null, 1).isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        LocalDate yesterday = LocalDate.now(hotel.clock().withZone(lisbon)).minusDays(1);
        LocalDate start = yesterday.minusDays(HISTORY_NIGHTS);
        Property property = hotel.inventory().createProperty(new NewProperty(CODE, "hotelkit City Lisbon",
                lisbon, EUR, LocalTime.of(15, 0), LocalTime.of(11, 0), 30,
                new TaxPolicy(new BigDecimal("6"), true, Money.of("2.00", EUR)), start));
        PropertyId id = property.id();
        setUp(hotel, id, start);
        int booked = 0;
        int refused = 0;
        int row = 0;
        for (Arrival arrival : arrivals(start)) {
            try {
                hotel.bookings().book(new BookingRequest(id, null, guest(row++), arrival.roomType(), null,
                        row % 4 == 0 ? "NRF" : "FLEX", Stay.of(arrival.checkin(), arrival.checkin().plusDays(arrival.nights())),
                        arrival.occupancy(), null, null, null), null);
                booked++;
            } catch (HotelException full) {
                refused++;
            }
        }
        for (int night = 0; night < HISTORY_NIGHTS; night++) {
            liveThrough(hotel, id);
        }
        assignRooms(hotel, id, ASSIGNED_AHEAD);
        morningRooms(hotel, id);
        LOG.log(Level.INFO, "made the large demo property %s (id %s): 120 rooms, %d bookings (%d the hotel could not take), in %d s"
                .formatted(CODE, id, booked, refused, (System.nanoTime() - started) / 1_000_000_000L));
    }

    private static void setUp(Hotel hotel, PropertyId id, LocalDate start) {
        int floor = 1;
        int onFloor = 0;
        for (Type type : TYPES) {
            hotel.inventory().addRoomType(id, type.code(), type.name(), type.maxAdults(), type.maxChildren(),
                    type.maxOccupancy(), 2, 0);
            for (int n = 0; n < type.rooms(); n++) {
                if (onFloor == 20) {
                    floor++;
                    onFloor = 0;
                }
                onFloor++;
                String number = Integer.toString(floor * 100 + onFloor);
                hotel.inventory().addRoom(id, number, type.code(), Integer.toString(floor));
            }
        }
        hotel.rates().addRatePlan(id, "FLEX", "Flexible, breakfast included", MealPlan.BREAKFAST,
                new CancellationPolicy(2, CancellationPolicy.Penalty.FIRST_NIGHT, null), null);
        hotel.rates().addRatePlan(id, "NRF", "Non-refundable, breakfast included", MealPlan.BREAKFAST,
                CancellationPolicy.nonRefundable(), new DerivedRate("FLEX", new BigDecimal("-10")));
        List<PriceRow> rows = new ArrayList<>();
        LocalDate end = start.plusYears(1).plusDays(HISTORY_NIGHTS);
        for (Type type : TYPES) {
            for (LocalDate night = start; night.isBefore(end); night = night.plusDays(1)) {
                BigDecimal price = new BigDecimal(type.weekday()).multiply(season(night));
                if (night.getDayOfWeek() == DayOfWeek.FRIDAY || night.getDayOfWeek() == DayOfWeek.SATURDAY) {
                    price = price.multiply(new BigDecimal("1.15"));
                }
                rows.add(new PriceRow(type.code(), DateRange.of(night, night.plusDays(1)),
                        Money.of(price.setScale(0, java.math.RoundingMode.HALF_UP).setScale(2), EUR),
                        Money.of("30.00", EUR), Money.of("15.00", EUR), null, null, false, false, false));
            }
        }
        hotel.rates().setPrices(id, "FLEX", rows);
        hotel.inventory().takeOutOfOrder(id, "118", DateRange.of(start.plusDays(HISTORY_NIGHTS + 3),
                start.plusDays(HISTORY_NIGHTS + 8)), "bathroom renovation");
        hotel.inventory().takeOutOfOrder(id, "503", DateRange.of(start.plusDays(HISTORY_NIGHTS + 12),
                start.plusDays(HISTORY_NIGHTS + 15)), "air conditioning repair");
    }

    /** Lisbon's seasons: dearer in summer and around the new year. */
    private static BigDecimal season(LocalDate night) {
        Month month = night.getMonth();
        return switch (month) {
            case JULY, AUGUST -> new BigDecimal("1.35");
            case JUNE, SEPTEMBER -> new BigDecimal("1.2");
            case APRIL, MAY, OCTOBER, DECEMBER -> new BigDecimal("1.05");
            default -> BigDecimal.ONE;
        };
    }

    /**
     * One business day as the hotel lives it: departures pay what they owe and leave, arrivals are checked
     * in to clean rooms, and the night audit closes the day.
     */
    private static void liveThrough(Hotel hotel, PropertyId id) {
        LocalDate today = hotel.inventory().property(id).businessDate();
        for (Booking leaving : list(hotel, new BookingFilter(id, BookingStatus.CHECKED_IN, null, today, null, null))) {
            Money balance = hotel.folioCharges().folio(id, leaving.id()).balance();
            if (balance.isPositive()) {
                hotel.payments().pay(id, leaving.id(), balance, PaymentMethod.CASH, null, null);
            }
            hotel.frontDesk().checkOut(id, leaving.id());
        }
        for (Room room : hotel.inventory().rooms(id)) {
            if (room.housekeeping() != HousekeepingStatus.CLEAN) {
                hotel.inventory().setHousekeeping(id, room.number(), HousekeepingStatus.CLEAN);
            }
        }
        for (Booking arriving : list(hotel, new BookingFilter(id, BookingStatus.CONFIRMED, today, null, null, null))) {
            try {
                hotel.frontDesk().checkIn(id, arriving.id(), null);
            } catch (HotelException noRoom) {
                // the night audit makes it a no-show, as happens
            }
        }
        hotel.nightAudit().close(id);
    }

    /** The morning after the night audit: rooms with guests in house wait for their service, a few free ones are inspected. */
    private static void morningRooms(Hotel hotel, PropertyId id) {
        for (Booking staying : list(hotel, new BookingFilter(id, BookingStatus.CHECKED_IN, null, null, null, null))) {
            hotel.inventory().setHousekeeping(id, staying.roomNumber(), HousekeepingStatus.DIRTY);
        }
        hotel.inventory().rooms(id).stream()
                .filter(room -> room.housekeeping() == HousekeepingStatus.CLEAN)
                .filter(room -> Integer.parseInt(room.number()) % 4 == 0)
                .forEach(room -> hotel.inventory().setHousekeeping(id, room.number(), HousekeepingStatus.INSPECTED));
    }

    /** Gives the confirmed bookings arriving in the next {@code days} the first room of their type free for their stay. */
    private static void assignRooms(Hotel hotel, PropertyId id, int days) {
        LocalDate today = hotel.inventory().property(id).businessDate();
        BookingFilter coming = new BookingFilter(id, BookingStatus.CONFIRMED, null, null, null, null, today, today.plusDays(days));
        for (Booking booking : list(hotel, coming)) {
            if (booking.stay().checkin().isBefore(today.plusDays(days)) && booking.roomNumber() == null) {
                hotel.inventory().freeRooms(id, booking.stay().nightsAsRange(), booking.roomType()).stream().findFirst()
                        .ifPresent(room -> hotel.frontDesk().assignRoom(id, booking.id(), room.number()));
            }
        }
    }

    private static List<Booking> list(Hotel hotel, BookingFilter filter) {
        List<Booking> all = new ArrayList<>();
        List<Booking> page;
        do {
            page = hotel.bookings().bookings(filter, all.isEmpty() ? null : all.getLast().id(), 500);
            all.addAll(page);
        } while (page.size() == 500);
        return all;
    }

    private static NewGuest guest(int row) {
        int n = row % GUESTS;
        String name = FIRST[n % FIRST.length] + " " + LAST[(n / FIRST.length) % LAST.length];
        return new NewGuest(name, "guest" + n + "@city.example.com", null, null, null, false);
    }

    private record Arrival(LocalDate checkin, int nights, String roomType, Occupancy occupancy) {}

    /** The data set's arrivals on the same days of the year, in the year from {@code start}. */
    private static List<Arrival> arrivals(LocalDate start) {
        List<Arrival> arrivals = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(LargeDemo.class.getClassLoader().getResourceAsStream(DATA), DATA);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] f = line.split(",", -1);
                int dayOfYear = Integer.parseInt(f[0]) + 1;
                LocalDate checkin = LocalDate.ofYearDay(start.getYear(), Math.min(dayOfYear, start.lengthOfYear()));
                if (checkin.isBefore(start)) {
                    checkin = LocalDate.ofYearDay(start.getYear() + 1,
                            Math.min(dayOfYear, LocalDate.of(start.getYear() + 1, 1, 1).lengthOfYear()));
                }
                Type type = type(f[4]);
                int adults = Math.min(Integer.parseInt(f[2]), type.maxAdults());
                int children = Math.min(Math.min(Integer.parseInt(f[3]), type.maxChildren()), type.maxOccupancy() - adults);
                arrivals.add(new Arrival(checkin, Integer.parseInt(f[1]), type.code(), Occupancy.of(adults, children)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        arrivals.sort((a, b) -> a.checkin().compareTo(b.checkin()));
        return arrivals;
    }

    /** The data set's room type letters: A to C standard, D deluxe, E and F family, G and above suites. */
    private static Type type(String letter) {
        return switch (letter) {
            case "D" -> TYPES.get(1);
            case "E", "F" -> TYPES.get(2);
            case "G", "H", "L", "P" -> TYPES.get(3);
            default -> TYPES.get(0);
        };
    }
}
