package io.hotelkit.benchmarks;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.server.AnswerPaths;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an availability answer costs the server by the path that gives it, for the hotel and searches of
 * {@link OfferSearchBenchmark} (1,000 rooms, ten room types in three rate plans, 70 % sold; 1,024 seeded
 * 7-night searches, ~25 offers and some KB of JSON each):
 *
 * <ul>
 *   <li>{@code RENDER}: what a search that finds no kept answer costs: the engine's offers computed and
 *       rendered as JSON;
 *   <li>{@code REDIS_HIT}: the answer kept in a Redis on loopback (its own {@code redis-server}, started
 *       here), as a search that misses this instance's answers and finds another instance's gets it: the
 *       property's shared position, the key, a {@code GET} and its bytes;
 *   <li>{@code KEPT}: the answer kept in this process (what every search finds between two changes).
 * </ul>
 * Compare {@code REDIS_HIT} with {@code RENDER} in the same run: the shared cache pays only if a round
 * trip to Redis costs less than rendering here. Needs Debian's {@code redis-server} on the path.
 *
 * <p>Run:
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SharedAnswerBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SharedAnswerBenchmark {

    public enum Path { RENDER, REDIS_HIT, KEPT }

    @Param
    Path path;

    private AnswerPaths paths;
    private final AvailabilityQuery[] queries = new AvailabilityQuery[1024];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticHotel synthetic = new SyntheticHotel(new SyntheticInventory(OfferSearchBenchmark.ROOMS, 365, 0.7, 7L));
        Hotel hotel = synthetic.hotel;
        PropertyId id = synthetic.property.id();
        OfferSearchBenchmark.defineRates(hotel, id, synthetic.roomTypes.size());
        synthetic.loadInto(synthetic.engine);
        SplittableRandom random = new SplittableRandom(11L);
        for (int i = 0; i < queries.length; i++) {
            LocalDate checkin = SyntheticHotel.FIRST_NIGHT.plusDays(random.nextInt(365 - OfferSearchBenchmark.NIGHTS));
            queries[i] = AvailabilityQuery.of(id, Stay.of(checkin, checkin.plusDays(OfferSearchBenchmark.NIGHTS)),
                    OfferSearchBenchmark.occupancy(random.nextInt(100)));
        }
        paths = new AnswerPaths(hotel);
        // Settle the property (a catch-up after it was asked for), then keep every answer in Redis.
        paths.shared(queries[0]);
        hotel.catchUp();
        for (AvailabilityQuery query : queries) {
            paths.shared(query);
            paths.kept(query);
        }
        long missesBefore = paths.sharedMisses();
        for (AvailabilityQuery query : queries) {
            paths.shared(query);
        }
        if (paths.sharedMisses() != missesBefore || paths.sharedHits() < queries.length) {
            throw new IllegalStateException("every answer should be in Redis now: " + paths.sharedHits() + " hits, "
                    + paths.sharedMisses() + " misses");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        long misses = paths.sharedMisses();
        paths.close();
        if (path == Path.REDIS_HIT && misses > 1 + queries.length) {
            throw new IllegalStateException("REDIS_HIT missed Redis " + misses + " times: not measuring a hit");
        }
    }

    @Benchmark
    public byte[] answer() {
        AvailabilityQuery query = queries[next++ & (queries.length - 1)];
        return switch (path) {
            case RENDER -> paths.render(query);
            case REDIS_HIT -> paths.shared(query);
            case KEPT -> paths.kept(query);
        };
    }
}
