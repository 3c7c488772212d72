package io.hotelkit.benchmarks;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.spi.Claim;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Room;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.InventoryModel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bookings a second through the in-memory adapters ({@link Hotel#inMemory}): each operation books a room
 * for a seeded stay (arrival in the next 60 nights, 1 + geometric nights, mean 3.5, at most 14) and cancels the
 * booking the thread made four operations before, so that a few bookings of each thread are live and
 * overlap the other thread's. A 200-room hotel of one room type, one rate plan.
 *
 * <ul>
 *   <li>{@code ALL_ROOMS}: the room is drawn from all 200: refusals are rare.
 *   <li>{@code HOT_ROOMS}: the room is drawn from 10: threads fight for the same room-nights, and many
 *       attempts are refused (counted in {@code refused}, not in {@code booked}).
 * </ul>
 * and on two layers:
 * <ul>
 *   <li>{@code BOOKING_SERVICE}: {@code hotel.bookings().book(...)} and {@code cancel(...)}: the whole
 *       operation, a transaction with the booking, its folio and its events.
 *   <li>{@code ENGINE}: only the availability decision, {@code engine.change(null, claim)} committed, and
 *       {@code engine.change(claim, null)} to cancel: the ceiling the engine puts on booking.
 * </ul>
 * A fresh hotel every iteration, so memory stays flat; after every iteration the engine is checked night by
 * night against the live bookings (storage's, and the threads' own) and against the invariant: no room sold
 * twice a night, no night sold past the rooms.
 *
 * <p>Run:
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar BookingBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BookingBenchmark {

    public enum Spread { ALL_ROOMS, HOT_ROOMS }

    public enum Layer { BOOKING_SERVICE, ENGINE }

    static final int ROOMS = 200;
    static final int HOT = 10;
    static final int HORIZON = 60;
    static final int LIVE_PER_THREAD = 4;
    static final LocalDate TODAY = LocalDate.parse("2026-03-01");

    @Param
    Spread spread;

    @Param
    Layer layer;

    Hotel hotel;
    PropertyId propertyId;
    /** The hotel's engine, which the ENGINE case sells from directly. */
    AvailabilityEngine engine;
    final List<GuestId> guests = new ArrayList<>();
    private final AtomicLong threadSeeds = new AtomicLong(1);
    /** Every thread's booker, so that the check after an iteration sees every live claim. */
    final Queue<Booker> bookers = new ConcurrentLinkedQueue<>();

    @Setup(Level.Iteration)
    public void newHotel() {
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        engine = new AvailabilityEngine();
        hotel = Hotel.builder().clock(clock).storage(new MemoryStorage(clock)).engine(engine).build();
        propertyId = hotel.inventory().createProperty(new NewProperty("BENCH", "Benchmark Hotel", ZoneId.of("Europe/Lisbon"),
                Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), 30, null, TODAY)).id();
        hotel.inventory().addRoomType(propertyId, "STD", "Standard", 2, 1, 3, 2, 0);
        for (int r = 0; r < ROOMS; r++) {
            hotel.inventory().addRoom(propertyId, roomNumber(r), "STD", null);
        }
        hotel.rates().addRatePlan(propertyId, "FLEX", "Flexible", MealPlan.BREAKFAST,
                new CancellationPolicy(1, CancellationPolicy.Penalty.FIRST_NIGHT, null), null);
        hotel.rates().setPrices(propertyId, "FLEX", List.of(new PriceRow("STD", DateRange.of(TODAY, TODAY.plusDays(HORIZON + 40)),
                Money.of("120.00", "EUR"), null, null, null, null, false, false, false)));
        bookers.clear();
        guests.clear();
        for (int g = 0; g < 100; g++) {
            guests.add(hotel.guests().register(NewGuest.of("Guest " + g, "guest" + g + "@example.com"), null).id());
        }
    }

    /** Every stored booking that holds inventory, counted night by night, must be what the engine holds. */
    @TearDown(Level.Iteration)
    public void checkNothingSoldTwice() {
        DateRange window = DateRange.of(TODAY, TODAY.plusDays(HORIZON + 40));
        InventoryModel model = InventoryModel.of(hotel, propertyId, window);
        List<Claim> live = bookers.stream().flatMap(booker -> booker.live.stream()).toList();
        List<Claim> stored = model.holding().stream().map(Booking::claim).toList();
        if (layer == Layer.BOOKING_SERVICE && !new HashSet<>(stored).equals(new HashSet<>(live))) {
            throw new IllegalStateException("storage holds " + stored.size() + " bookings, the threads " + live.size());
        }
        Map<String, Integer> holders = new HashMap<>();
        int[] sold = new int[window.nights()];
        for (Claim claim : live) {
            claim.nights().dates().forEach(night -> {
                int n = (int) (night.toEpochDay() - TODAY.toEpochDay());
                sold[n]++;
                if (holders.merge(claim.room() + "@" + night, 1, Integer::sum) > 1) {
                    throw new IllegalStateException("room " + claim.room() + " sold twice on " + night);
                }
            });
        }
        for (int n = 0; n < sold.length; n++) {
            LocalDate night = TODAY.plusDays(n);
            DateRange one = DateRange.of(night, night.plusDays(1));
            int free = hotel.engine().available(propertyId, "STD", one);
            if (sold[n] > model.capacity("STD") || free != model.capacity("STD") - sold[n]) {
                throw new IllegalStateException("on " + night + " " + sold[n] + " sold of " + model.capacity("STD")
                        + ", and the engine says " + free + " free");
            }
            for (Room room : model.rooms()) {
                boolean held = holders.containsKey(room.number() + "@" + night);
                if (hotel.engine().isRoomFree(propertyId, room.number(), one) == held) {
                    throw new IllegalStateException("the engine has room " + room.number() + (held ? " free" : " taken")
                            + " on " + night + ", storage says otherwise");
                }
            }
        }
    }

    /** One thread's seeded requests and its live bookings, oldest first; made anew with each hotel. */
    @State(Scope.Thread)
    public static class Booker {
        SplittableRandom random;
        /** The claims of this thread's live bookings, and the bookings themselves on the service layer. */
        final ArrayDeque<Claim> live = new ArrayDeque<>();
        final ArrayDeque<Booking> bookings = new ArrayDeque<>();

        @Setup(Level.Iteration)
        public void setUp(BookingBenchmark benchmark) {
            random = new SplittableRandom(benchmark.threadSeeds.getAndIncrement());
            live.clear();
            bookings.clear();
            benchmark.bookers.add(this);
        }
    }

    /** Bookings made and refused, reported per second beside the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Outcomes {
        public long booked;
        public long refused;

        @Setup(Level.Iteration)
        public void reset() {
            booked = 0;
            refused = 0;
        }
    }

    @Benchmark
    @Threads(1)
    public Object bookThenCancel1Thread(Booker booker, Outcomes outcomes) {
        return bookThenCancel(booker, outcomes);
    }

    @Benchmark
    @Threads(2)
    public Object bookThenCancel2Threads(Booker booker, Outcomes outcomes) {
        return bookThenCancel(booker, outcomes);
    }

    private Object bookThenCancel(Booker booker, Outcomes outcomes) {
        SplittableRandom random = booker.random;
        int room = random.nextInt(spread == Spread.HOT_ROOMS ? HOT : ROOMS);
        LocalDate checkin = TODAY.plusDays(random.nextInt(HORIZON));
        int nights = Math.min(14, 1 + SyntheticInventory.geometric(random, SyntheticInventory.MEAN_STAY - 1));
        Stay stay = Stay.of(checkin, checkin.plusDays(nights));
        GuestId guest = guests.get(random.nextInt(guests.size()));
        Object result;
        try {
            if (layer == Layer.ENGINE) {
                Claim claim = new Claim(propertyId, "STD", stay.nightsAsRange(), null, roomNumber(room));
                engine.change(null, claim).commit();
                booker.live.addLast(claim);
                result = claim;
            } else {
                Booking booking = hotel.bookings().book(new BookingRequest(propertyId, guest, null, null, roomNumber(room), "FLEX",
                        stay, Occupancy.adults(2), null, null, null), null);
                booker.live.addLast(booking.claim());
                booker.bookings.addLast(booking);
                result = booking;
            }
            outcomes.booked++;
        } catch (NotAvailableException refused) {
            outcomes.refused++;
            result = refused;
        }
        if (booker.live.size() > LIVE_PER_THREAD) {
            Claim oldest = booker.live.removeFirst();
            if (layer == Layer.ENGINE) {
                engine.change(oldest, null).commit();
            } else {
                result = hotel.cancellations().cancel(propertyId, booker.bookings.removeFirst().id(), null);
            }
        }
        return result;
    }

    static String roomNumber(int room) {
        return String.valueOf(100 + room);
    }
}
