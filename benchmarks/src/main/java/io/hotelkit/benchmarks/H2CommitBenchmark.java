package io.hotelkit.benchmarks;

import io.hotelkit.Hotel;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.jpa.JpaStore;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
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
 * Bookings a second through the JPA adapter on an H2 file database, the server's default: what a durable
 * commit costs. Each operation books one night of one of 200 rooms, the nights walking forward so that
 * none is refused; a booking is one transaction (the booking, its nights, its folio, its events).
 *
 * <ul>
 *   <li>{@code DURABLE}: the store's settings, {@code WRITE_DELAY=0}: a commit is in the file when it
 *       returns, and survives the process being killed.
 *   <li>{@code DELAYED}: {@code WRITE_DELAY=500}, H2's default and the server's setting before: a commit
 *       reaches the file up to 500 ms after it returned.
 * </ul>
 * A fresh database for each trial, in a temporary folder.
 *
 * <p>Run (1 and 4 threads):
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar H2CommitBenchmark -f 1 -wi 2 -w 2s -i 5 -r 2s -t 1
 * java -jar benchmarks/target/benchmarks.jar H2CommitBenchmark -f 1 -wi 2 -w 2s -i 5 -r 2s -t 4
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class H2CommitBenchmark {

    public enum Commit {
        DURABLE(""),
        DELAYED(";WRITE_DELAY=500");

        final String settings;

        Commit(String settings) {
            this.settings = settings;
        }
    }

    static final int ROOMS = 200;
    static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    static final int HORIZON = 3000;

    @Param
    Commit commit;

    private Path folder;
    private JpaStore store;
    private Hotel hotel;
    private PropertyId propertyId;
    private GuestId guest;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void open() {
        try {
            folder = Files.createTempDirectory("hotelkit-h2-commit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        store = JpaStore.builder().url("jdbc:h2:file:" + folder.resolve("hotel") + commit.settings).user("sa").clock(clock).open();
        hotel = Hotel.builder().storage(store).clock(clock).build();
        propertyId = hotel.inventory().createProperty(new NewProperty("BENCH", "Benchmark Hotel", ZoneId.of("Europe/Lisbon"),
                Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), 30, null, TODAY)).id();
        hotel.inventory().addRoomType(propertyId, "STD", "Standard", 2, 1, 3, 2, 0);
        for (int r = 0; r < ROOMS; r++) {
            hotel.inventory().addRoom(propertyId, Integer.toString(1000 + r), "STD", null);
        }
        hotel.rates().addRatePlan(propertyId, "FLEX", "Flexible", MealPlan.BREAKFAST,
                new CancellationPolicy(1, CancellationPolicy.Penalty.FIRST_NIGHT, null), null);
        hotel.rates().setPrices(propertyId, "FLEX", List.of(new PriceRow("STD", DateRange.of(TODAY, TODAY.plusDays(HORIZON + 1)),
                Money.of("120.00", "EUR"), null, null, null, null, false, false, false)));
        guest = hotel.guests().register(NewGuest.of("Benchmark Guest", "guest@example.com"), null).id();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** One night of the next room; a night is full after 200 bookings, then the next night is taken. */
    @Benchmark
    public Object book() {
        long n = next.getAndIncrement();
        LocalDate night = TODAY.plusDays((n / ROOMS) % HORIZON);
        try {
            return hotel.bookings().book(BookingRequest.of(propertyId, guest, "STD", "FLEX", Stay.of(night, night.plusDays(1)),
                    Occupancy.adults(1)), null);
        } catch (NotAvailableException e) {
            return e; // a night whose last room two threads raced for; rare
        }
    }
}
