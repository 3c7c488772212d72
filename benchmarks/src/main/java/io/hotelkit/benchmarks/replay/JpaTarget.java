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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * hotelkit embedded on hotel-persistence-jpa's {@link JpaStore}, on a PostgreSQL database made for the
 * run and dropped when it closes: on {@code HOTEL_TEST_POSTGRES_URL}'s server, else an embedded one. Every
 * booking and cancellation is its own transaction.
 *
 * <p>It takes calls from several threads at once ({@link #concurrentCalls}), each on a connection of its
 * own (up to {@link #CONNECTIONS}), as a hotel's channels book: with the replay's window above 1
 * ({@link Replay#run(java.util.List, java.util.List, Target, int)}), PostgreSQL commits bookings together
 * (one WAL flush for several commits) instead of one after another.
 */
public final class JpaTarget implements Target {

    /** The most calls that run at once; more wait for a connection. */
    static final int CONNECTIONS = 32;

    private final TestDatabase database;
    private final JpaStore store;
    private final InMemoryTarget hotel;
    private final AtomicInteger sent = new AtomicInteger();
    private long jvmCpuAtStart;

    public JpaTarget() {
        database = TestDatabase.postgres();
        try {
            System.out.println(probe(database));
            store = database.storeBuilder().maximumPoolSize(CONNECTIONS).open();
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
                + " target opened: %,d ms, %.0f µs per booking").formatted(backends, millis, sent.get() == 0 ? 0.0 : millis * 1e3 / sent.get(),
                sent.get(), jvmMillis, sent.get() == 0 ? 0.0 : jvmMillis * 1e3 / sent.get());
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
    public boolean concurrentCalls() {
        return true;
    }

    @Override
    public Outcome book(RecordedBooking booking) {
        sent.incrementAndGet();
        return hotel.book(booking);
    }

    @Override
    public void cancel(RecordedBooking booking, String reference) {
        hotel.cancel(booking, reference);
    }

    @Override
    public OccupancyReport occupancy(String hotelName, DateRange nights) {
        return hotel.occupancy(hotelName, nights);
    }

    @Override
    public void close() {
        try {
            System.out.println(databaseCpu());
            store.close();
        } finally {
            database.close();
        }
    }
}
