package io.hotelkit.benchmarks;

import io.hotelkit.jpa.testing.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import org.postgresql.PGConnection;

/**
 * The per-room availability search as a web PMS runs it in SQL, over one connection kept open: a table of
 * rooms and a table of bookings, and per type the rooms that no booking overlaps for the whole stay.
 *
 * <ul>
 *   <li>{@link Query#NOT_EXISTS}: QloApps's shape, {@code date_from < :to and date_to > :from} in a
 *       {@code NOT EXISTS}, over a B-tree index on {@code (room, checkin, checkout)}.
 *   <li>{@link Query#GIST}: the bookings' nights as a {@code daterange}, overlap by {@code &&}, over a GiST
 *       index on {@code (room, stay)} ({@code btree_gist}), the shape of hotelkit's own exclusion constraint.
 * </ul>
 * Each query's answer is what {@link TypeSearches.MemoryBound} answers: rooms free every night of the stay.
 */
final class SqlSearch implements TypeSearch, AutoCloseable {

    enum Query {
        NOT_EXISTS("""
                select r.type, count(*) from rooms r
                where not exists (select 1 from bookings b where b.room = r.id and b.checkin < ? and b.checkout > ?)
                group by r.type"""),
        GIST("""
                select r.type, count(*) from rooms r
                where not exists (select 1 from stays s where s.room = r.id and s.stay && daterange(?, ?))
                group by r.type""");

        final String sql;

        Query(String sql) {
            this.sql = sql;
        }
    }

    private final Connection connection;
    private final PreparedStatement statement;
    private final Query query;
    private final Date[] dates;

    private SqlSearch(Connection connection, Query query, int horizon) throws SQLException {
        this.connection = connection;
        this.query = query;
        this.statement = connection.prepareStatement(query.sql);
        this.dates = new Date[horizon + 1];
        for (int night = 0; night <= horizon; night++) {
            dates[night] = Date.valueOf(SyntheticHotel.FIRST_NIGHT.plusDays(night));
        }
    }

    /**
     * Fills the empty {@code database} (the caller makes and drops it) with the inventory, and prepares {@code query} on a connection of its own.
     */
    static SqlSearch load(TestDatabase database, SyntheticInventory inventory, Query query) {
        String url = database.url();
        try {
            Connection connection = DriverManager.getConnection(url, database.user(), database.password());
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create extension if not exists btree_gist");
                ddl.execute("create table rooms (id int primary key, type int not null)");
                ddl.execute("create table bookings (id serial primary key, room int not null references rooms,"
                        + " checkin date not null, checkout date not null)");
                ddl.execute("create table stays (id serial primary key, room int not null references rooms, stay daterange not null)");
                copy(connection, "rooms (id, type)", rows(inventory, true));
                copy(connection, "bookings (room, checkin, checkout)", rows(inventory, false));
                ddl.execute("insert into stays (room, stay) select room, daterange(checkin, checkout) from bookings");
                ddl.execute("create index bookings_room_dates on bookings (room, checkin, checkout)");
                ddl.execute("create index stays_room_stay on stays using gist (room, stay)");
                ddl.execute("vacuum analyze"); // sets the visibility map too, so index-only scans read no heap
            }
            return new SqlSearch(connection, query, inventory.horizon);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the SQL baseline into " + url + ": " + e.getMessage(), e);
        }
    }

    private static String rows(SyntheticInventory inventory, boolean rooms) {
        StringBuilder text = new StringBuilder();
        if (rooms) {
            for (int r = 0; r < inventory.rooms; r++) {
                text.append(r).append('\t').append(inventory.typeOfRoom[r]).append('\n');
            }
        } else {
            for (SyntheticInventory.BookedStay stay : inventory.stays) {
                text.append(stay.room()).append('\t').append(night(stay.start())).append('\t').append(night(stay.end())).append('\n');
            }
        }
        return text.toString();
    }

    private static LocalDate night(int night) {
        return SyntheticHotel.FIRST_NIGHT.plusDays(night);
    }

    private static void copy(Connection connection, String table, String rows) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin", new StringReader(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void freePerType(int from, int nights, int[] free) {
        Arrays.fill(free, 0);
        try {
            // NOT_EXISTS binds (to, from); GIST binds daterange(from, to)
            statement.setDate(1, dates[query == Query.NOT_EXISTS ? from + nights : from]);
            statement.setDate(2, dates[query == Query.NOT_EXISTS ? from : from + nights]);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    free[rows.getInt(1)] = rows.getInt(2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PostgreSQL's plan and its own execution time for one search, to tell the query from the round trip. */
    String explain(int from, int nights) {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = connection.prepareStatement("explain (analyze, costs off, timing on) " + query.sql)) {
            explain.setDate(1, dates[query == Query.NOT_EXISTS ? from + nights : from]);
            explain.setDate(2, dates[query == Query.NOT_EXISTS ? from : from + nights]);
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return plan.toString();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the database is dropped next
        }
    }
}
