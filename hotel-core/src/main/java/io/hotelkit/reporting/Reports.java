package io.hotelkit.reporting;

import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.NightAllowance;
import io.hotelkit.inventory.NightAllowances;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The front office's and the revenue manager's numbers, counted from the bookings themselves: occupancy,
 * ADR and RevPAR per night (nights ahead are "on the books"), and who arrives, leaves and stays on a date.
 *
 * <p>A room is sold on a night when a booking that holds inventory (confirmed, in the house, or checked
 * out) covers it. Room revenue is the frozen room price of those nights, without VAT and city tax.
 * Occupancy and RevPAR are over the rooms available: all rooms less those out of order.
 */
public final class Reports {

    public static final int LONGEST_REPORT_NIGHTS = 731;

    private final Properties properties;
    private final Rooms rooms;
    private final Bookings bookings;
    private final RoomTypes roomTypes;
    private final NightAllowances nightAllowances;
    private final AvailabilityEngine engine;

    /**
     * @param engine where a loaded property's overbooking per night is read, with no statement; the stores'
     *     {@code roomTypes} and {@code nightAllowances} are read only for a property it has not loaded
     */
    public Reports(Properties properties, Rooms rooms, Bookings bookings, RoomTypes roomTypes, NightAllowances nightAllowances,
            AvailabilityEngine engine) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.roomTypes = Objects.requireNonNull(roomTypes, "room types");
        this.nightAllowances = Objects.requireNonNull(nightAllowances, "night allowances");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    public OccupancyReport occupancy(PropertyId propertyId, DateRange nights) {
        Property property = properties.require(propertyId);
        if (nights.nights() > LONGEST_REPORT_NIGHTS) {
            throw new InvalidRequestException("to", "a report covers at most " + LONGEST_REPORT_NIGHTS + " nights");
        }
        List<Room> all = rooms.list(propertyId);
        Map<LocalDate, long[]> soldAndRevenue = new HashMap<>();
        for (Booking booking : bookings.overlapping(propertyId, nights, null)) {
            if (!booking.status().holdsInventory()) {
                continue;
            }
            booking.stay().dates().filter(nights::contains).forEach(night -> {
                long[] counts = soldAndRevenue.computeIfAbsent(night, n -> new long[2]);
                counts[0]++;
                counts[1] += netOfVat(property, booking.priceOf(night)).minorUnits();
            });
        }
        int[] overbooking = overbooking(propertyId, nights);
        List<OccupancyReport.Night> rows = new ArrayList<>();
        long totalRooms = 0;
        long totalOutOfOrder = 0;
        long totalSold = 0;
        long totalRevenue = 0;
        for (LocalDate night = nights.start(); night.isBefore(nights.end()); night = night.plusDays(1)) {
            LocalDate on = night;
            int outOfOrder = (int) all.stream().filter(room -> room.isOutOfOrderOn(on)).count();
            long[] counts = soldAndRevenue.getOrDefault(night, new long[2]);
            rows.add(row(property, night, all.size(), outOfOrder, (int) counts[0], counts[1],
                    overbooking[(int) (night.toEpochDay() - nights.start().toEpochDay())]));
            totalRooms += all.size();
            totalOutOfOrder += outOfOrder;
            totalSold += counts[0];
            totalRevenue += counts[1];
        }
        OccupancyReport.Totals totals = new OccupancyReport.Totals(totalRooms, totalOutOfOrder, totalSold,
                ratio(totalSold, totalRooms - totalOutOfOrder),
                money(property, totalRevenue, totalSold), money(property, totalRevenue, totalRooms - totalOutOfOrder),
                Money.ofMinor(totalRevenue, property.currency()));
        return new OccupancyReport(nights, rows, totals);
    }

    /**
     * The room types' overbooking per night, summed: from the engine's memory when it has the property
     * (no statement, so that a report's statements stay three), else from the stores in two reads.
     */
    private int[] overbooking(PropertyId propertyId, DateRange nights) {
        if (engine.has(propertyId)) {
            return engine.overbooking(propertyId, nights);
        }
        int typesLimit = 0;
        Map<String, Integer> limits = new HashMap<>();
        for (RoomType type : roomTypes.list(propertyId)) {
            typesLimit += type.overbookingLimit();
            limits.put(type.code(), type.overbookingLimit());
        }
        int[] out = new int[nights.nights()];
        java.util.Arrays.fill(out, typesLimit);
        for (NightAllowance allowance : nightAllowances.list(propertyId)) {
            if (nights.contains(allowance.night())) {
                out[(int) (allowance.night().toEpochDay() - nights.start().toEpochDay())] +=
                        allowance.allowance() - limits.getOrDefault(allowance.roomType(), 0);
            }
        }
        return out;
    }

    /** Bookings arriving on {@code date}: expected, or already checked in. */
    public List<Booking> arrivals(PropertyId propertyId, LocalDate date) {
        return on(propertyId, date, booking -> booking.stay().checkin().equals(date)
                && (booking.status() == BookingStatus.CONFIRMED || booking.status() == BookingStatus.CHECKED_IN));
    }

    /**
     * Bookings leaving on {@code date}: expected to (confirmed, whether or not they have arrived yet), still
     * in the house, or already checked out. Housekeeping plans the day's rooms from it.
     */
    public List<Booking> departures(PropertyId propertyId, LocalDate date) {
        properties.require(propertyId);
        return bookings.overlapping(propertyId, DateRange.of(date.minusDays(1), date), null).stream()
                .filter(booking -> booking.stay().checkout().equals(date))
                .filter(booking -> booking.status() == BookingStatus.CONFIRMED || booking.status() == BookingStatus.CHECKED_IN
                        || booking.status() == BookingStatus.CHECKED_OUT)
                .sorted(Comparator.comparing((Booking b) -> String.valueOf(b.roomNumber())).thenComparing(b -> b.id().value()))
                .toList();
    }

    /** Bookings in the house on the night of {@code date}, or expected to be for a night ahead. */
    public List<Booking> inHouse(PropertyId propertyId, LocalDate date) {
        return on(propertyId, date, booking -> booking.isInHouseOn(date));
    }

    private List<Booking> on(PropertyId propertyId, LocalDate date, java.util.function.Predicate<Booking> filter) {
        properties.require(propertyId);
        return bookings.overlapping(propertyId, DateRange.of(date, date.plusDays(1)), null).stream()
                .filter(filter)
                .sorted(Comparator.comparing((Booking b) -> String.valueOf(b.roomNumber())).thenComparing(b -> b.id().value()))
                .toList();
    }

    private static OccupancyReport.Night row(Property property, LocalDate night, int total, int outOfOrder, int sold, long revenue,
            int overbooking) {
        int available = total - outOfOrder;
        return new OccupancyReport.Night(night, total, outOfOrder, sold, ratio(sold, available), money(property, revenue, sold),
                money(property, revenue, available), Money.ofMinor(revenue, property.currency()), overbooking);
    }

    /** Sold over available, to four decimals; zero when nothing is available. */
    private static BigDecimal ratio(long part, long whole) {
        return whole <= 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** Revenue per unit, rounded by the property's rounding; zero when there are no units. */
    private static Money money(Property property, long revenueMinor, long units) {
        if (units <= 0) {
            return Money.zero(property.currency());
        }
        return Money.ofMinor(property.rounding().divide(revenueMinor, units), property.currency());
    }

    private static Money netOfVat(Property property, Money price) {
        return property.taxes().vatIncluded() ? price.minus(property.taxes().vatContainedIn(price, property.rounding())) : price;
    }

}
