package io.hotelkit.benchmarks.replay;

import io.hotelkit.Hotel;
import io.hotelkit.jpa.JpaStore;
import io.hotelkit.jpa.testing.TestDatabase;
import io.hotelkit.reporting.OccupancyReport;
import io.hotelkit.shared.DateRange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * hotelkit embedded on hotel-persistence-jpa's {@link JpaStore}, on a PostgreSQL database made for the
 * run and dropped when it closes: on {@code HOTEL_TEST_POSTGRES_URL}'s server, else an embedded one. Every
 * booking and cancellation is its own transaction.
 *
 * <p>As a hotel's channels do, it books from several threads at once ({@code -Dreplay.jpa.threads}, 16
 * unless set; 1 gives the strictly serial replay), each with a connection of its own, so that PostgreSQL
 * commits them together (one WAL flush for several commits) instead of one after another. The replay's
 * meaning is kept:
 * <ul>
 *   <li>events start in time order, within a window: an event starts only once every event more than
 *       {@code -Dreplay.jpa.window} (32 unless set) before it has finished, so no two events further apart
 *       than the window ever overlap;
 *   <li>a cancellation starts only after its booking has committed, and is not sent if it was refused;
 *   <li>every refusal is counted, as in the serial replay; with the plan's overbooking allowance there
 *       should be none, so the final occupancy is the in-memory replay's (the bookings kept are the same).
 * </ul>
 * The replay's clock stops when the last event has finished.
 */
public final class JpaTarget implements Target {

    private static final int THREADS = Integer.getInteger("replay.jpa.threads", 16);
    private static final int WINDOW = Integer.getInteger("replay.jpa.window", 32);

    private final TestDatabase database;
    private final JpaStore store;
    private final InMemoryTarget hotel;
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().daemon().factory());
    /** The events started and not yet known finished, oldest first: the window. */
    private final ArrayDeque<CompletableFuture<?>> window = new ArrayDeque<>();
    private int sent;
    private long jvmCpuAtStart;

    public JpaTarget() {
        if (THREADS < 1 || WINDOW < 1) {
            throw new IllegalArgumentException("replay.jpa.threads and replay.jpa.window must be at least 1");
        }
        database = TestDatabase.postgres();
        try {
            System.out.println(probe(database) + "; " + THREADS + " threads, a window of " + WINDOW + " events");
            store = database.storeBuilder().maximumPoolSize(THREADS).open();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        hotel = new InMemoryTarget("jpa-postgresql", clock -> Hotel.builder().storage(store).clock(clock).build());
        jvmCpuAtStart = jvmCpuNanos();
    }

    /**
     * What the database costs this run, measured before the replay on a connection of its own: a round
     * trip ({@code select 1}) and a one-row insert with its commit, the floor under every statement and
     * every transaction of the replay.
     */
    static String probe(TestDatabase database) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement ddl = connection.createStatement()) {
            ddl.execute("create table probe (id serial primary key, at timestamptz not null default now())");
            String settings = "";
            try (ResultSet row = ddl.executeQuery("select version(), current_setting('synchronous_commit'), current_setting('fsync')")) {
                row.next();
                settings = row.getString(1).replaceAll(" on .*", "") + ", synchronous_commit " + row.getString(2) + ", fsync " + row.getString(3);
            }
            double roundTrip = micros(2_000, () -> {
                try (ResultSet one = ddl.executeQuery("select 1")) {
                    one.next();
                }
            });
            connection.setAutoCommit(false);
            double commit = micros(1_000, () -> {
                ddl.executeUpdate("insert into probe default values");
                connection.commit();
            });
            ddl.execute("drop table probe");
            connection.commit();
            return "database %s: %s; a round trip %.0f µs, an insert and its commit %.0f µs".formatted(database.name(), settings,
                    roundTrip, commit);
        } catch (SQLException e) {
            throw new IllegalStateException("could not probe " + database.url() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The CPU time of the server processes behind the store's connections, which live for the whole run
     * (set-up included), from {@code /proc} when the server runs on this machine: the database's own work
     * for the run's bookings and cancellations.
     */
    private String databaseCpu() {
        long ticks = 0;
        int backends = 0;
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement query = connection.createStatement();
                ResultSet pids = query.executeQuery(
                        "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
            while (pids.next()) {
                java.nio.file.Path stat = java.nio.file.Path.of("/proc", String.valueOf(pids.getInt(1)), "stat");
                if (!java.nio.file.Files.exists(stat)) {
                    return "database CPU: not measured (the server's processes are not on this machine)";
                }
                String[] fields = java.nio.file.Files.readString(stat).replaceFirst(".*\\) ", "").split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                backends++;
            }
        } catch (SQLException | java.io.IOException e) {
            return "database CPU: not measured (" + e.getMessage() + ")";
        }
        long millis = ticks * 10; // USER_HZ is 100 on Linux
        long jvmMillis = (jvmCpuNanos() - jvmCpuAtStart) / 1_000_000;
        return ("database CPU of the run's %d connections: %,d ms, %.0f µs per booking sent (%d); this JVM's CPU since the"
                + " target opened: %,d ms, %.0f µs per booking").formatted(backends, millis, sent == 0 ? 0.0 : millis * 1e3 / sent,
                sent, jvmMillis, sent == 0 ? 0.0 : jvmMillis * 1e3 / sent);
    }

    private static long jvmCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private interface SqlRun {
        void run() throws SQLException;
    }

    private static double micros(int times, SqlRun work) throws SQLException {
        for (int i = 0; i < times / 10; i++) {
            work.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / 1e3 / times;
    }

    @Override
    public String name() {
        return hotel.name();
    }

    @Override
    public void open(HotelPlan plan) {
        hotel.open(plan);
    }

    @Override
    public Outcome book(RecordedBooking booking) {
        return submitBook(booking).join();
    }

    @Override
    public void cancel(RecordedBooking booking, String reference) {
        hotel.cancel(booking, reference);
    }

    @Override
    public CompletableFuture<Outcome> submitBook(RecordedBooking booking) {
        sent++;
        var request = hotel.request(booking); // on the replay's thread: a new guest is registered in time order
        awaitWindow();
        CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> hotel.book(request), workers);
        window.addLast(outcome);
        return outcome;
    }

    @Override
    public CompletableFuture<Boolean> submitCancel(RecordedBooking booking, CompletableFuture<Outcome> booked) {
        awaitWindow();
        CompletableFuture<Boolean> cancelled = booked.thenApplyAsync(outcome -> {
            if (outcome.isBooked()) {
                hotel.cancel(booking, outcome.reference());
            }
            return outcome.isBooked();
        }, workers);
        window.addLast(cancelled);
        return cancelled;
    }

    /** Waits until fewer than {@link #WINDOW} of the events started are unfinished, oldest first. */
    private void awaitWindow() {
        while (!window.isEmpty() && window.peekFirst().isDone()) {
            window.removeFirst().join(); // a failure stops the replay here
        }
        while (window.size() >= WINDOW) {
            window.removeFirst().join();
        }
    }

    @Override
    public void awaitSubmitted() {
        while (!window.isEmpty()) {
            window.removeFirst().join();
        }
    }

    @Override
    public OccupancyReport occupancy(String hotelName, DateRange nights) {
        return hotel.occupancy(hotelName, nights);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            System.out.println(databaseCpu());
            store.close();
        } finally {
            database.close();
        }
    }
}
