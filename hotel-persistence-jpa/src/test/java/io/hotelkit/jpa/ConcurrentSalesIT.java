package io.hotelkit.jpa;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.Storage;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.Property;
import io.hotelkit.jpa.testing.FreshDatabase;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.ForwardingStorage;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariant 1 under concurrency, enforced by PostgreSQL: many threads sell the same room and the same
 * room type at once through three hotels on separate stores (three server instances, each with its own
 * availability engine that soon goes stale) and through raw {@link Bookings#save} calls that bypass every
 * engine. Afterwards SQL over the bookings themselves finds no night of a room sold twice and no room type
 * past its capacity, and the inventory's night rows match a recount.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConcurrentSalesIT {

    @RegisterExtension
    static final FreshDatabase db = FreshDatabase.postgres();

    private static final String HOLDING = "('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')";

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private final List<JpaStore> stores = new ArrayList<>();
    private final List<Hotel> hotels = new ArrayList<>();
    private final AtomicInteger refusedByTheDatabase = new AtomicInteger();
    private Property lisbon;
    private Guest guest;

    @BeforeEach
    void openThreeInstances() {
        Hotel setUp = Hotel.builder().storage(db.store()).clock(clock).build();
        lisbon = TestHotels.lisbon(setUp, Fixtures.unique("C"));
        guest = setUp.guests().findOrRegister(NewGuest.of("Guest", "concurrent@example.com"));
        for (int i = 0; i < 3; i++) {
            JpaStore store = db.database().storeBuilder().maximumPoolSize(12).connectionTimeout(Duration.ofSeconds(60)).open();
            stores.add(store);
            hotels.add(Hotel.builder().storage(countingRefusals(store)).clock(clock).build());
        }
    }

    @AfterEach
    void closeInstances() {
        stores.forEach(JpaStore::close);
    }

    @Test
    void a_room_is_never_sold_twice_by_32_threads_on_three_instances() throws Exception {
        int threads = 32;
        int attempts = 50;
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger rawRefused = new AtomicInteger();
        run(threads, thread -> {
            Random random = new Random(thread);
            List<Booking> mine = new ArrayList<>();
            for (int attempt = 0; attempt < attempts; attempt++) {
                Stay stay = randomStay(random, LocalDate.parse("2026-12-02"), 20, 4);
                try {
                    if (attempt % 7 == 6 && !mine.isEmpty()) {
                        cancel(thread, mine.remove(random.nextInt(mine.size())));
                    } else if (thread % 4 == 3) {
                        mine.add(saveRaw(thread, "DBL", "101", stay));
                        sold.incrementAndGet();
                    } else {
                        mine.add(hotel(thread).bookings().book(new BookingRequest(lisbon.id(), guest.id(), null, null, "101", "FLEX",
                                stay, Occupancy.adults(2), null, null, null), null));
                        sold.incrementAndGet();
                    }
                } catch (NotAvailableException e) {
                    refused.incrementAndGet();
                    if (thread % 4 == 3) {
                        rawRefused.incrementAndGet();
                    }
                }
            }
        });

        assertThat(sold.get()).isPositive();
        assertThat(refused.get()).isPositive();
        assertThat(rawRefused.get() + refusedByTheDatabase.get()).as("sales the database refused after an engine let them by")
                .isPositive();
        assertDatabaseSound();
    }

    @Test
    void a_type_of_5_rooms_is_never_sold_past_them_by_200_bookings_at_once() throws Exception {
        AtomicInteger sold = new AtomicInteger();
        run(200, thread -> {
            Stay stay = randomStay(new Random(1000 + thread), LocalDate.parse("2027-01-10"), 5, 3);
            try {
                if (thread % 4 == 3) {
                    saveRaw(thread, "DBL", null, stay);
                } else {
                    hotel(thread).bookings().book(BookingRequest.of(lisbon.id(), guest.id(), "DBL", "FLEX", stay, Occupancy.adults(2)),
                            null);
                }
                sold.incrementAndGet();
            } catch (NotAvailableException e) {
                // sold out: the expected answer for most
            }
        });

        assertThat(sold.get()).isBetween(5, 25);
        assertDatabaseSound();
        assertThat(query("""
                select max(n) from (select d, count(*) n from bookings b
                    cross join lateral generate_series(b.checkin, b.checkout - 1, interval '1 day') d
                    where b.property_id = ? and b.room_type = 'DBL' and b.status in %s group by d) per_night""".formatted(HOLDING)))
                .containsExactly(List.of("5"));
    }

    /** No room sold twice a night, no type past its capacity, and the night rows as a recount from the bookings says. */
    private void assertDatabaseSound() throws SQLException {
        assertThat(query("""
                select b.room_number, d, count(*) from bookings b
                    cross join lateral generate_series(b.checkin, b.checkout - 1, interval '1 day') d
                    where b.property_id = ? and b.room_number is not null and b.status in %s
                    group by b.room_number, d having count(*) > 1""".formatted(HOLDING))).as("rooms sold twice").isEmpty();
        assertThat(query("""
                select t.room_type, t.night, t.taken, r.capacity from type_nights t
                    join room_types r on r.property_id = t.property_id and r.code = t.room_type
                    where t.property_id = ? and t.taken > r.capacity""")).as("types past capacity").isEmpty();
        assertThat(query("""
                select room_type, night, taken from type_nights where property_id = ? and taken > 0 order by 1, 2"""))
                .as("taken, recounted from the bookings")
                .isEqualTo(query("""
                        select b.room_type, cast(d as date), count(*) from bookings b
                            cross join lateral generate_series(b.checkin, b.checkout - 1, interval '1 day') d
                            where b.property_id = ? and b.block_code is null and b.status in %s
                            group by 1, 2 order by 1, 2""".formatted(HOLDING)));
        Hotel fresh = Hotel.builder().storage(db.store()).clock(clock).build();
        NightRows.assertInStep(db.database(), fresh, lisbon.id(), DateRange.of(LocalDate.parse("2026-12-01"),
                LocalDate.parse("2027-02-01")));
    }

    private Hotel hotel(int thread) {
        return hotels.get(thread % 3);
    }

    private Storage store(int thread) {
        return stores.get(thread % 3);
    }

    /** A booking saved straight through the repository: no engine has looked at it, only the database decides. */
    private Booking saveRaw(int thread, String roomType, String room, Stay stay) {
        Money price = eur("100.00");
        Booking booking = new Booking(BookingId.of(UUID.randomUUID().toString()), lisbon.id(), "RAW" + thread, guest.id(), roomType,
                room, room != null, "FLEX", null, stay, Occupancy.adults(2), stay.dates().map(night -> price).toList(),
                price.times(stay.nights()), CancellationPolicy.freeCancellation(), BookingStatus.CONFIRMED, null, null, "raw",
                clock.instant(), clock.instant(), null, 0);
        return store(thread).transactions().inTransaction(() -> store(thread).bookings().save(booking));
    }

    private void cancel(int thread, Booking booking) {
        if (booking.createdBy().equals("raw")) {
            Storage store = store(thread);
            store.transactions().run(() -> store.bookings().save(store.bookings().findBy(booking.id()).orElseThrow()
                    .cancelled(null, clock.instant())));
        } else {
            hotel(thread).cancellations().cancel(lisbon.id(), booking.id(), null);
        }
    }

    private static Stay randomStay(Random random, LocalDate first, int days, int longest) {
        LocalDate checkin = first.plusDays(random.nextInt(days));
        return Stay.of(checkin, checkin.plusDays(1 + random.nextInt(longest)));
    }

    /** Runs {@code task} on {@code threads} threads that start together, and rethrows the first failure. */
    private static void run(int threads, ThreadTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(4, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadTask {
        void run(int thread) throws Exception;
    }

    /** The store, with every refusal that its bookings repository (the database) raises counted. */
    private Storage countingRefusals(JpaStore store) {
        Bookings counted = new Bookings() {
            @Override
            public Optional<Booking> findBy(BookingId id) {
                return store.bookings().findBy(id);
            }

            @Override
            public List<Booking> list(BookingFilter filter, BookingId afterId, int limit) {
                return store.bookings().list(filter, afterId, limit);
            }

            @Override
            public List<Booking> overlapping(io.hotelkit.shared.PropertyId propertyId, DateRange nights, String roomType) {
                return store.bookings().overlapping(propertyId, nights, roomType);
            }

            @Override
            public Booking save(Booking booking) {
                try {
                    return store.bookings().save(booking);
                } catch (NotAvailableException e) {
                    refusedByTheDatabase.incrementAndGet();
                    throw e;
                }
            }
        };
        return new ForwardingStorage(store) {
            @Override
            public Bookings bookings() {
                return counted;
            }
        };
    }

    private List<List<String>> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.database().url(), db.database().user(), db.database().password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, lisbon.id().value());
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        values.add(String.valueOf(row.getObject(i)));
                    }
                    rows.add(values);
                }
            }
            return rows;
        }
    }
}
