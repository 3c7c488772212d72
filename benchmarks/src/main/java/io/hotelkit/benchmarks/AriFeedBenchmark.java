package io.hotelkit.benchmarks;

import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.server.AriFeeds;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.time.Instant;
import java.time.LocalDate;
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
 * A channel manager's full resync of a year: the ARI feed of 365 nights of {@link OfferSearchBenchmark}'s hotel
 * (1,000 rooms in 10 room types, each in 3 rate plans, 70 % of the room-nights booked: 10,950 rows, each with
 * its price for every occupancy the type takes), against a plain availability search of the same 365 nights
 * (the engine's offers for a stay of the year, 2 adults), the baseline. Report {@code ARI_*} / {@code SEARCH}.
 *
 * <ul>
 *   <li>{@code SEARCH}: {@code hotel.engine().search(query)} for the stay of the 365 nights.
 *   <li>{@code ARI_FEED}: the feed's rows, computed (availability per night from the engine, the grid of each plan).
 *   <li>{@code ARI_JSON}: the rows rendered as the JSON the server sends.
 *   <li>{@code ARI_OPENTRAVEL}: the rows rendered as both OpenTravel messages.
 * </ul>
 *
 * <p>Run:
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar AriFeedBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AriFeedBenchmark {

    public enum Implementation { SEARCH, ARI_FEED, ARI_JSON, ARI_OPENTRAVEL }

    static final int NIGHTS = 365;

    @Param
    Implementation implementation;

    private SyntheticHotel synthetic;
    private PropertyId property;
    private AriFeeds feeds;
    private AvailabilityQuery year;
    private final LocalDate from = SyntheticHotel.FIRST_NIGHT;
    private final LocalDate to = SyntheticHotel.FIRST_NIGHT.plusDays(NIGHTS);
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Setup(Level.Trial)
    public void setUp() {
        synthetic = new SyntheticHotel(new SyntheticInventory(OfferSearchBenchmark.ROOMS, 365, 0.7, 7L));
        property = synthetic.property.id();
        OfferSearchBenchmark.defineRates(synthetic.hotel, property, synthetic.roomTypes.size());
        synthetic.loadInto(synthetic.engine);
        feeds = new AriFeeds(synthetic.hotel);
        year = AvailabilityQuery.of(property, Stay.of(from, to), Occupancy.adults(2));
        int rows = feeds.resync(property, from, to);
        if (rows != 10 * 3 * NIGHTS) {
            throw new IllegalStateException("a full resync should have 10 types x 3 plans x 365 nights, not " + rows + " rows");
        }
    }

    @Benchmark
    public Object run() {
        return switch (implementation) {
            case SEARCH -> synthetic.hotel.engine().search(year);
            case ARI_FEED -> feeds.resync(property, from, to);
            case ARI_JSON -> feeds.resyncJson(property, from, to);
            case ARI_OPENTRAVEL -> feeds.resyncOpenTravel(property, from, to, now);
        };
    }
}
