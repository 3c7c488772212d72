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

/**
 * hotelkit embedded on hotel-persistence-jpa's {@link JpaStore}, on a PostgreSQL database made for the
 * run and dropped when it closes: on {@code HOTEL_TEST_POSTGRES_URL}'s server, else an embedded one. Every
 * booking and cancellation is its own transaction, committed before the next.
 */
public final class JpaTarget implements Target {

    private final TestDatabase database;
    private final JpaStore store;
    private final InMemoryTarget hotel;

    public JpaTarget() {
        database = TestDatabase.postgres();
        try {
            System.out.println(probe(database));
            store = database.storeBuilder().maximumPoolSize(2).open();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        hotel = new InMemoryTarget("jpa-postgresql", clock -> Hotel.builder().storage(store).clock(clock).build());
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
            store.close();
        } finally {
            database.close();
        }
    }
}
