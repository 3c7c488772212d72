package io.hotelkit.jpa.testing;

import io.hotelkit.jpa.JpaStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new, empty database for one test class, dropped on {@link #close()}: an in-memory H2 database, or a
 * database created on a PostgreSQL server. The server is {@code HOTEL_TEST_POSTGRES_URL}'s if that is set
 * (a JDBC URL whose user may create databases, such as
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), else an embedded one that starts once per
 * JVM.
 */
public final class TestDatabase implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final Runnable drop;

    private TestDatabase(String name, String url, String user, String password, Runnable drop) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.drop = drop;
    }

    /** A new in-memory H2 database. */
    public static TestDatabase h2() {
        String name = newName();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(name, url, "sa", "", () -> execute(url, "sa", "", "shutdown"));
    }

    /** A new database on the test PostgreSQL server. */
    public static TestDatabase postgres() {
        String adminUrl = PostgresServer.adminUrl();
        Matcher parts = POSTGRES_URL.matcher(adminUrl);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL: " + adminUrl);
        }
        String name = newName();
        execute(adminUrl, null, null, "create database " + name);
        String url = parts.group(1) + name + (parts.group(3) == null ? "" : parts.group(3));
        return new TestDatabase(name, url, null, null,
                () -> execute(adminUrl, null, null, "drop database if exists " + name + " with (force)"));
    }

    /** The database's name, {@code hotel_test_} and random hex digits. */
    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    /** The user to connect as; {@code null} when the URL names it. */
    public String user() {
        return user;
    }

    /** The user's password; {@code null} when the URL names it or none is needed. */
    public String password() {
        return password;
    }

    /** A store builder with this database's URL and credentials, for a store with settings of its own. */
    public JpaStore.Builder storeBuilder() {
        return JpaStore.builder().url(url).user(user).password(password);
    }

    /** Opens a store on this database with the default settings. */
    public JpaStore open() {
        return storeBuilder().open();
    }

    /**
     * Waits until another session on this database is in a statement that starts with
     * {@code statementPrefix} and, on PostgreSQL, waits for a lock; so that a test can tell that a second
     * transaction is blocked before it lets the first one end. H2 does not show what a session waits
     * for, only that its statement has not finished.
     *
     * @throws AssertionError if none is within {@code timeout}
     */
    public void awaitStatementWaiting(String statementPrefix, Duration timeout) throws InterruptedException {
        String query = url.startsWith("jdbc:h2:")
                ? "select count(*) from information_schema.sessions where session_id <> session_id()"
                        + " and lower(executing_statement) like ?"
                : "select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock' and lower(query) like ?";
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, statementPrefix.toLowerCase(Locale.ROOT) + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet count = statement.executeQuery()) {
                    if (count.next() && count.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look for waiting sessions on " + url + ": " + e.getMessage(), e);
        }
        throw new AssertionError("no session waited in '" + statementPrefix + "...' within " + timeout);
    }

    /** Drops the database; the stores opened on it must be closed first. */
    @Override
    public void close() {
        drop.run();
    }

    private static String newName() {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return "hotel_test_" + HexFormat.of().formatHex(random);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }
}
