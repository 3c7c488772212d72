package io.hotelkit.server;

import io.hotelkit.jpa.JpaStore;
import io.hotelkit.jpa.Vendor;
import io.hotelkit.shared.StoreUnavailableException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The configured database, where the server keeps its hotel, API keys and idempotency records. */
final class Store implements AutoCloseable {

    /**
     * How long a request waits for a pooled connection before it is answered 503: short, so that a
     * database that has just gone away costs a request well under a second (the probe then closes the
     * gate); the pool's ten connections are each held for milliseconds.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);

    private static final String POSTGRESQL = "jdbc:postgresql:";
    private static final String H2 = "jdbc:h2:";
    /** H2's "database may be already in use": another process has the file open. */
    private static final String H2_FILE_LOCKED = "90020";
    private static final String SETTINGS = "set HOTEL_DB_URL, HOTEL_DB_USER and HOTEL_DB_PASSWORD";
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER = Pattern.compile("(?i)[?&;]user=[^&;]+");

    private final JpaStore store;

    private Store(JpaStore store) {
        this.store = store;
    }

    /**
     * Opens the database of {@code config} and migrates it to this version.
     *
     * @throws StartupException saying what to set, if the URL is not one the server runs on, a PostgreSQL
     *     URL comes with no user, or the database cannot be reached or refuses the connection
     */
    static Store open(ServerConfig config, Clock clock) {
        String url = config.dbUrl().strip();
        boolean postgres = url.startsWith(POSTGRESQL);
        if (!postgres && !url.startsWith(H2)) {
            throw new StartupException("HOTEL_DB_URL '" + redacted(url) + "' is neither a jdbc:postgresql: nor a jdbc:h2: URL; "
                    + "set HOTEL_DB_URL");
        }
        // An empty user is H2's "sa"; PostgreSQL's driver would take the operating system's user instead.
        @Nullable String user = config.dbUser().isEmpty() ? (postgres ? null : "sa") : config.dbUser();
        if (postgres && user == null && !USER.matcher(url).find()) {
            throw new StartupException("PostgreSQL needs a user: set HOTEL_DB_USER (and HOTEL_DB_PASSWORD), "
                    + "or add ?user= to HOTEL_DB_URL");
        }
        JpaStore store;
        try {
            store = JpaStore.builder()
                    .url(url)
                    .user(user)
                    .password(config.dbPassword().isEmpty() ? null : config.dbPassword())
                    .connectionTimeout(CONNECTION_TIMEOUT)
                    .clock(clock)
                    .open();
        } catch (StoreUnavailableException e) {
            if (hasState(e, H2_FILE_LOCKED)) {
                throw new StartupException("the database at " + redacted(url) + " is open in another process (" + cause(e)
                        + "); stop that process, or set HOTEL_DB_URL to another file", e);
            }
            throw new StartupException("the database at " + redacted(url) + " cannot be reached (" + cause(e)
                    + "); start it, or " + SETTINGS, e);
        } catch (RuntimeException e) {
            throw new StartupException("the database at " + redacted(url) + " refused to open (" + cause(e) + "); "
                    + SETTINGS, e);
        }
        return new Store(store);
    }

    /** {@code url} without its password. */
    static String redacted(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }

    private static boolean hasState(Throwable failure, String state) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The SQL state and first line of the deepest cause's message: a driver's, saying what refused. */
    private static String cause(Throwable failure) {
        Throwable root = failure;
        @Nullable String state = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            root = cause;
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int line = message.indexOf('\n');
        return (state == null ? "" : "SQL state " + state + ": ") + (line < 0 ? message : message.substring(0, line).strip());
    }

    JpaStore storage() {
        return store;
    }

    /** The database the store runs on, for the health check. */
    Vendor vendor() {
        return store.vendor();
    }

    /** Whether the database answers within about {@code timeout}, on a connection outside the pool. */
    boolean answers(Duration timeout) {
        return store.answers(timeout);
    }

    /** A fresh connection pool, for when the database is back: the old one may wait seconds to reconnect. */
    void renewPool() {
        store.renewPool();
    }

    @Override
    public void close() {
        store.close();
    }
}
