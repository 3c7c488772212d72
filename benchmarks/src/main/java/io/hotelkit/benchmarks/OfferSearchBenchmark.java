package io.hotelkit.benchmarks;

import io.hotelkit.Hotel;
import io.hotelkit.availability.Availability;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full offer search of a 1,000-room hotel for 7 nights: ten room types, each priced in three rate
 * plans (BAR, flexible, at most 21 nights; ADV, advance purchase, 3 nights at least on Friday and Saturday
 * arrivals and closed to arrival on Sundays; NRF, 12 % below BAR), with an extra-adult and an extra-child
 * price, VAT of 6 % on top and a city tax of 2.00 a person and night. Prices follow the season and the
 * weekday; a seeded year of bookings fills 70 % of the room-nights. 1,024 seeded searches (arrivals over
 * the year; 1 adult 20 %, 2 adults 55 %, 2 adults and a child 15 %, 3 adults 5 %, 2 adults and 2 children 5 %).
 *
 * <ul>
 *   <li>{@code ENGINE}: {@code hotel.engine().search(query)}, every offer computed.
 *   <li>{@code CACHED_SEARCH}: {@code hotel.availability().search(query)} with every query already cached:
 *       the hit path (the stay checked against the property, the cache key built and found).
 * </ul>
 *
 * <p>Run:
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar OfferSearchBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * }</pre>
 *
 * <p>The target (2 µs of CPU a search) is of CPU, not wall-clock time, which on a shared machine moves with the
 * neighbours' load: {@link OfferSearchCpu} runs this set-up and {@link #search()} and prints the searching thread's
 * CPU per search and per offer, and its bytes allocated per search.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OfferSearchBenchmark {

    public enum Implementation { ENGINE, CACHED_SEARCH }

    static final int ROOMS = 1000;
    static final int NIGHTS = 7;

    @Param
    Implementation implementation;

    private Hotel hotel;
    private final AvailabilityQuery[] queries = new AvailabilityQuery[1024];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticHotel synthetic = new SyntheticHotel(new SyntheticInventory(ROOMS, 365, 0.7, 7L));
        hotel = synthetic.hotel;
        PropertyId id = synthetic.property.id();
        defineRates(hotel, id, synthetic.roomTypes.size());
        synthetic.loadInto(synthetic.engine);

        SplittableRandom random = new SplittableRandom(11L);
        int offers = 0;
        for (int i = 0; i < queries.length; i++) {
            LocalDate checkin = SyntheticHotel.FIRST_NIGHT.plusDays(random.nextInt(365 - NIGHTS));
            queries[i] = AvailabilityQuery.of(id, Stay.of(checkin, checkin.plusDays(NIGHTS)), occupancy(random.nextInt(100)));
            offers += hotel.availability().search(queries[i]).offers().size(); // fills the cache
        }
        if (offers < queries.length) {
            throw new IllegalStateException("the seeded hotel should offer several rooms a search, not " + offers + " in all");
        }
    }

    @Benchmark
    public Availability search() {
        AvailabilityQuery query = queries[next++ & (queries.length - 1)];
        return implementation == Implementation.ENGINE ? hotel.engine().search(query) : hotel.availability().search(query);
    }

    static Occupancy occupancy(int percentile) {
        return percentile < 20 ? Occupancy.adults(1)
                : percentile < 75 ? Occupancy.adults(2)
                : percentile < 90 ? Occupancy.of(2, 1)
                : percentile < 95 ? Occupancy.adults(3)
                : Occupancy.of(2, 2);
    }

    /** BAR, ADV and NRF, priced for a year by season and weekday. */
    static void defineRates(Hotel hotel, PropertyId id, int types) {
        hotel.rates().addRatePlan(id, "BAR", "Best available", MealPlan.BREAKFAST,
                new CancellationPolicy(1, CancellationPolicy.Penalty.FIRST_NIGHT, null), null);
        hotel.rates().addRatePlan(id, "ADV", "Advance purchase", MealPlan.ROOM_ONLY, CancellationPolicy.nonRefundable(), null);
        hotel.rates().addRatePlan(id, "NRF", "Non-refundable", MealPlan.BREAKFAST, CancellationPolicy.nonRefundable(),
                new DerivedRate("BAR", BigDecimal.valueOf(-12)));
        List<PriceRow> bar = new ArrayList<>();
        List<PriceRow> adv = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            String type = SyntheticInventory.typeCode(t);
            for (int day = 0; day < 366; day++) {
                LocalDate night = SyntheticHotel.FIRST_NIGHT.plusDays(day);
                DateRange one = DateRange.of(night, night.plusDays(1));
                boolean weekend = night.getDayOfWeek() == DayOfWeek.FRIDAY || night.getDayOfWeek() == DayOfWeek.SATURDAY;
                long cents = (80 + 20L * t) * 100 * season(night) / 100 * (weekend ? 115 : 100) / 100;
                bar.add(new PriceRow(type, one, Money.ofMinor(cents, Money.currency("EUR")), eur(25_00), eur(12_00), null, 21,
                        false, false, false));
                adv.add(new PriceRow(type, one, Money.ofMinor(cents * 85 / 100, Money.currency("EUR")), eur(25_00), eur(12_00),
                        weekend ? 3 : null, null, false, night.getDayOfWeek() == DayOfWeek.SUNDAY, false));
            }
        }
        hotel.rates().setPrices(id, "BAR", bar);
        hotel.rates().setPrices(id, "ADV", adv);
    }

    /** Per cent of the base price: high in summer, low in winter. */
    private static long season(LocalDate night) {
        return switch (night.getMonth()) {
            case JULY, AUGUST -> 160;
            case JUNE, SEPTEMBER -> 130;
            case APRIL, MAY, OCTOBER -> 110;
            default -> 85;
        };
    }

    private static Money eur(long cents) {
        return Money.ofMinor(cents, Money.currency("EUR"));
    }
}
