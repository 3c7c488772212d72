package io.hotelkit.benchmarks;

import io.hotelkit.availability.AvailabilityEngine;
import java.util.Arrays;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long a search of a hotel's ten room types for a stay takes: how many of each type are free. A
 * seeded year of bookings ({@link SyntheticInventory}) at a booked density; 1,024 seeded arrivals spread
 * over the year, searched in turn.
 *
 * <ul>
 *   <li>{@code NAIVE_SCAN}: every booking read, per type and night counted (a list of bookings, no index).
 *   <li>{@code SORTED_LISTS}: per room its sorted stays, binary-searched (rooms free for the whole stay).
 *   <li>{@code ENGINE}: the library's per-type night counts, what offer search and booking decide on, all
 *       types in one call ({@code engine.available(propertyId, nights)}).
 *   <li>{@code ENGINE_PER_TYPE}: the same counts asked one type at a time ({@code engine.available(propertyId,
 *       type, nights)}), to show what one call per type costs.
 *   <li>{@code ENGINE_FREE_ROOMS}: the library's {@link AvailabilityEngine#freeRooms} per type: its per-room
 *       bitsets, what room assignment uses.
 *   <li>{@code MEMORY_BOUND}: the floor of any per-room search, OR-reducing rooms × nights bits laid out
 *       night-major in {@code long[]}s, then counting per type.
 * </ul>
 * The per-type counts answer "how many more bookings fit" (bookings may move between rooms of a type), the
 * per-room searches "how many rooms are free every night"; {@link #setUp} checks each group agrees.
 *
 * <p>Run (2 cores: short, one fork):
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar AvailabilitySearchBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AvailabilitySearchBenchmark {

    static final int HORIZON = 365;
    static final long SEED = 20260101L;

    public enum Implementation { NAIVE_SCAN, SORTED_LISTS, ENGINE, ENGINE_PER_TYPE, ENGINE_FREE_ROOMS, MEMORY_BOUND }

    @Param({"100", "1000", "10000"})
    int rooms;

    @Param({"1", "7", "30"})
    int nights;

    @Param({"0.5", "0.9"})
    double density;

    @Param
    Implementation implementation;

    private TypeSearch search;
    private final int[] arrivals = new int[1024];
    private final int[] free = new int[SyntheticInventory.TYPE_PERCENT.length];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticInventory inventory = new SyntheticInventory(rooms, HORIZON, density, SEED);
        SplittableRandom random = new SplittableRandom(SEED + nights);
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = random.nextInt(HORIZON - nights + 1);
        }
        search = create(implementation, inventory);
        TypeSearch check = switch (implementation) {
            case NAIVE_SCAN -> create(Implementation.ENGINE, inventory);
            case ENGINE, ENGINE_PER_TYPE -> new TypeSearches.NaiveScan(inventory, nights);
            case SORTED_LISTS, ENGINE_FREE_ROOMS -> new TypeSearches.MemoryBound(inventory);
            case MEMORY_BOUND -> new TypeSearches.SortedLists(inventory);
        };
        int[] expected = new int[free.length];
        for (int arrival : Arrays.copyOf(arrivals, 64)) {
            search.freePerType(arrival, nights, free);
            check.freePerType(arrival, nights, expected);
            if (!Arrays.equals(free, expected)) {
                throw new IllegalStateException(implementation + " answers " + Arrays.toString(free) + " for night " + arrival
                        + ", expected " + Arrays.toString(expected));
            }
        }
    }

    private TypeSearch create(Implementation which, SyntheticInventory inventory) {
        return switch (which) {
            case NAIVE_SCAN -> new TypeSearches.NaiveScan(inventory, nights);
            case SORTED_LISTS -> new TypeSearches.SortedLists(inventory);
            case MEMORY_BOUND -> new TypeSearches.MemoryBound(inventory);
            case ENGINE, ENGINE_PER_TYPE, ENGINE_FREE_ROOMS -> {
                SyntheticHotel hotel = new SyntheticHotel(inventory);
                AvailabilityEngine engine = hotel.newEngine();
                yield switch (which) {
                    case ENGINE -> new TypeSearches.EngineCounts(hotel, engine, nights);
                    case ENGINE_PER_TYPE -> new TypeSearches.EngineCountsPerType(hotel, engine, nights);
                    default -> new TypeSearches.EngineFreeRooms(hotel, engine, nights);
                };
            }
        };
    }

    @Benchmark
    public void search(Blackhole blackhole) {
        int arrival = arrivals[next++ & (arrivals.length - 1)];
        search.freePerType(arrival, nights, free);
        blackhole.consume(free);
    }
}
