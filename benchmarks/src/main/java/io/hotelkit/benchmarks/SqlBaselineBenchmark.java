package io.hotelkit.benchmarks;

import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.jpa.testing.TestDatabase;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The availability search of {@link AvailabilitySearchBenchmark} (the same seeded year, densities, nights
 * and arrivals) as SQL on PostgreSQL, beside the library's engine in the same run:
 *
 * <ul>
 *   <li>{@code SQL_NOT_EXISTS}: QloApps-style {@code NOT EXISTS} overlap query over a bookings table with a
 *       B-tree index ({@link SqlSearch.Query#NOT_EXISTS}).
 *   <li>{@code SQL_GIST}: {@code daterange &&} over a GiST index ({@link SqlSearch.Query#GIST}).
 *   <li>{@code ENGINE}: the engine's per-type counts, what the library's offers and bookings decide on.
 *   <li>{@code ENGINE_FREE_ROOMS}: the engine's per-room answer, the SQL queries' own question (rooms
 *       free every night).
 * </ul>
 * The SQL runs over one open JDBC connection on loopback: a search is the query and its round trip, as
 * for any application that asks its database. Each SQL trial makes a database on
 * {@code HOTEL_TEST_POSTGRES_URL}'s server (else an embedded PostgreSQL started in the fork), loads it
 * with {@code COPY}, indexes and analyses it, checks the query's answers against the memory bound on 64
 * arrivals, prints PostgreSQL's plan and execution time for one search, and drops the database.
 *
 * <p>Run (3-4 minutes):
 * <pre>{@code
 * HOTEL_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' \
 *   java -jar benchmarks/target/benchmarks.jar SqlBaselineBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SqlBaselineBenchmark {

    public enum Implementation { SQL_NOT_EXISTS, SQL_GIST, ENGINE, ENGINE_FREE_ROOMS }

    @Param({"1000"})
    int rooms;

    @Param({"1", "7", "30"})
    int nights;

    @Param({"0.5", "0.9"})
    double density;

    @Param
    Implementation implementation;

    private TestDatabase database;
    private TypeSearch search;
    private final int[] arrivals = new int[1024];
    private final int[] free = new int[SyntheticInventory.TYPE_PERCENT.length];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticInventory inventory = new SyntheticInventory(rooms, AvailabilitySearchBenchmark.HORIZON, density,
                AvailabilitySearchBenchmark.SEED);
        SplittableRandom random = new SplittableRandom(AvailabilitySearchBenchmark.SEED + nights);
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = random.nextInt(AvailabilitySearchBenchmark.HORIZON - nights + 1);
        }
        TypeSearch check = new TypeSearches.MemoryBound(inventory);
        switch (implementation) {
            case SQL_NOT_EXISTS, SQL_GIST -> {
                database = TestDatabase.postgres();
                SqlSearch sql = SqlSearch.load(database, inventory,
                        implementation == Implementation.SQL_NOT_EXISTS ? SqlSearch.Query.NOT_EXISTS : SqlSearch.Query.GIST);
                System.out.printf("%n%,d bookings; PostgreSQL's plan for one search:%n%s", inventory.stays.size(),
                        sql.explain(arrivals[0], nights));
                search = sql;
            }
            case ENGINE, ENGINE_FREE_ROOMS -> {
                SyntheticHotel hotel = new SyntheticHotel(inventory);
                AvailabilityEngine engine = hotel.newEngine();
                if (implementation == Implementation.ENGINE) {
                    search = new TypeSearches.EngineCounts(hotel, engine, nights);
                    check = new TypeSearches.NaiveScan(inventory, nights);
                } else {
                    search = new TypeSearches.EngineFreeRooms(hotel, engine, nights);
                }
            }
        }
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

    @TearDown(Level.Trial)
    public void tearDown() {
        if (search instanceof SqlSearch sql) {
            sql.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Benchmark
    public void search(Blackhole blackhole) {
        int arrival = arrivals[next++ & (arrivals.length - 1)];
        search.freePerType(arrival, nights, free);
        blackhole.consume(free);
    }
}
