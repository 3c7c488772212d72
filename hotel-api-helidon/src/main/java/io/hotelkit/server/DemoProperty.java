package io.hotelkit.server;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The demo property that {@code HOTEL_DEMO=true} makes on a first start with an empty database, so that
 * the API can be tried at once. Its codes are in the README:
 *
 * <ul>
 *   <li>property {@code DEMO}, "hotelkit Demo Lisbon", Europe/Lisbon, EUR, check-in 15:00, check-out 11:00;
 *       VAT 6 % included in prices, city tax 2.00 EUR per person and night</li>
 *   <li>room types {@code STD} (rooms 101-108), {@code DLX} (201-206), {@code FAM} (301-304), {@code STE}
 *       (401-402): 20 rooms</li>
 *   <li>rate plans {@code FLEX} (breakfast, free cancellation until 2 days before, then the first night)
 *       and {@code NRF} (non-refundable, 10 % below FLEX)</li>
 *   <li>FLEX prices for a year from the business date, 15 % more on Friday and Saturday nights</li>
 * </ul>
 */
final class DemoProperty {

    static final String CODE = "DEMO";

    private static final System.Logger LOG = System.getLogger(DemoProperty.class.getName());
    private static final Currency EUR = Money.currency("EUR");

    private record Type(String code, String name, int maxAdults, int maxChildren, int maxOccupancy, String weekday,
                        int firstRoom, int rooms) {}

    private static final List<Type> TYPES = List.of(
            new Type("STD", "Standard Double", 2, 1, 3, "120.00", 101, 8),
            new Type("DLX", "Deluxe King", 2, 2, 3, "160.00", 201, 6),
            new Type("FAM", "Family Room", 4, 3, 5, "210.00", 301, 4),
            new Type("STE", "Suite", 3, 2, 4, "340.00", 401, 2));

    private DemoProperty() {}

    /**
     * Makes the demo property unless the hotel has any property at all. Its business date is yesterday in
     * Lisbon, as a hotel's is before its night audit: so a night audit may close it at any time of day.
     */
    static void createIfEmpty(Hotel hotel) {
        if (!hotel.inventory().properties(null, 1).isEmpty()) {
            LOG.log(Level.INFO, "HOTEL_DEMO=true ignored: the database has properties already, and the demo property"
                    + " is made only on an empty one");
            return;
        }
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        LocalDate yesterday = LocalDate.now(hotel.clock().withZone(lisbon)).minusDays(1);
        Property property = hotel.inventory().createProperty(new NewProperty(CODE, "hotelkit Demo Lisbon",
                lisbon, EUR, LocalTime.of(15, 0), LocalTime.of(11, 0), 30,
                new TaxPolicy(new BigDecimal("6"), true, Money.of("2.00", EUR)), yesterday));
        PropertyId id = property.id();
        for (Type type : TYPES) {
            hotel.inventory().addRoomType(id, type.code(), type.name(), type.maxAdults(), type.maxChildren(),
                    type.maxOccupancy(), 2, 0);
            for (int n = 0; n < type.rooms(); n++) {
                int number = type.firstRoom() + n;
                hotel.inventory().addRoom(id, Integer.toString(number), type.code(), Integer.toString(number / 100));
            }
        }
        hotel.rates().addRatePlan(id, "FLEX", "Flexible, breakfast included", MealPlan.BREAKFAST,
                new CancellationPolicy(2, CancellationPolicy.Penalty.FIRST_NIGHT, null), null);
        hotel.rates().addRatePlan(id, "NRF", "Non-refundable, breakfast included", MealPlan.BREAKFAST,
                CancellationPolicy.nonRefundable(), new DerivedRate("FLEX", new BigDecimal("-10")));
        LocalDate from = property.businessDate();
        List<PriceRow> rows = new ArrayList<>();
        for (Type type : TYPES) {
            Money weekday = Money.of(type.weekday(), EUR);
            Money weekend = Money.of(new BigDecimal(type.weekday()).multiply(new BigDecimal("1.15")).setScale(2), EUR);
            LocalDate runStart = from;
            for (LocalDate night = from; !night.isAfter(from.plusYears(1)); night = night.plusDays(1)) {
                boolean end = night.equals(from.plusYears(1));
                if (end || isWeekend(night) != isWeekend(runStart)) {
                    rows.add(new PriceRow(type.code(), DateRange.of(runStart, night), isWeekend(runStart) ? weekend : weekday,
                            Money.of("30.00", EUR), Money.of("15.00", EUR), null, null, false, false, false));
                    runStart = night;
                }
            }
        }
        hotel.rates().setPrices(id, "FLEX", rows);
        LOG.log(Level.INFO, "made the demo property " + CODE + " (id " + id + ") with 20 rooms and a year of rates from "
                + from);
    }

    private static boolean isWeekend(LocalDate night) {
        return night.getDayOfWeek() == DayOfWeek.FRIDAY || night.getDayOfWeek() == DayOfWeek.SATURDAY;
    }
}
