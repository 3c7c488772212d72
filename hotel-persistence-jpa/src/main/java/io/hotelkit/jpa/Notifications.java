package io.hotelkit.jpa;

import io.hotelkit.jpa.JpaStore.Change;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY} between the processes on one database. A transaction that appends to
 * the outbox or saves an API key sends a notification in the same transaction ({@link #send}): PostgreSQL
 * delivers it when, and only if, the transaction commits, in commit order. A {@link Listener} on a
 * connection of its own outside the pool hears them and tells its process; after it (re)connects it says
 * {@link Change#MISSED}, since notifications sent while it was away are lost.
 */
final class Notifications {

    /** A transaction appended to the outbox; the payload is the sending store's id. */
    static final String OUTBOX = "hotelkit_outbox";
    /** A transaction saved an API key (made or revoked one); the payload is the sending store's id. */
    static final String API_KEYS = "hotelkit_api_keys";

    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

    private Notifications() {}

    /** Sends a notification on {@code channel} from the current transaction: delivered if it commits. */
    static void send(JpaUnitOfWork transactions, String channel, String payload) {
        if (transactions.vendor() != Vendor.POSTGRESQL) {
            return; // H2: one process per database, nobody else to tell
        }
        transactions.jdbc(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, channel);
                notify.setString(2, payload);
                notify.execute();
            }
            return null;
        });
    }

    /**
     * Listens on both channels on a connection of its own, in a daemon thread, until closed; reconnects
     * after a failure (the database restarted, the connection was terminated), waiting longer each time up
     * to {@link #MAX_BACKOFF}. A connection that hears nothing for {@link #IDLE_CHECK} is asked whether it
     * still answers, so that a silently dead one is noticed too.
     */
    static final class Listener implements JpaStore.Subscription {

        static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
        static final Duration IDLE_CHECK = Duration.ofSeconds(5);
        private static final int WAIT_MILLIS = 250;

        private final String url;
        private final Properties credentials;
        private final String self;
        private final Consumer<Set<Change>> changed;
        private final Thread thread;
        private volatile boolean closed;
        private volatile int pid = -1;
        private volatile @Nullable Connection connection;

        Listener(String url, Properties credentials, String self, Consumer<Set<Change>> changed) {
            this.url = url;
            this.credentials = credentials;
            this.self = self;
            this.changed = changed;
            this.thread = Thread.ofPlatform().name("hotel-listen").daemon().unstarted(this::run);
        }

        Listener start() {
            thread.start();
            return this;
        }

        @Override
        public OptionalInt backendPid() {
            int now = pid;
            return now < 0 ? OptionalInt.empty() : OptionalInt.of(now);
        }

        private void run() {
            long backoff = 50;
            while (!closed) {
                try (Connection listening = connect()) {
                    connection = listening;
                    backoff = 50;
                    // Anything sent while this process was not listening is lost: its caller catches up once.
                    tell(EnumSet.of(Change.MISSED));
                    listen(listening);
                } catch (SQLException | RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    LOG.log(Level.WARNING, "listening for other instances' changes failed, reconnecting in " + backoff
                            + " ms: " + e.getClass().getName() + (e instanceof SQLException sql ? " " + sql.getSQLState() : ""));
                } finally {
                    pid = -1;
                    connection = null;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF.toMillis(), backoff * 2);
            }
        }

        private Connection connect() throws SQLException {
            Properties properties = new Properties();
            properties.putAll(credentials);
            properties.setProperty("ApplicationName", "hotelkit-listener");
            properties.setProperty("connectTimeout", "2");
            properties.setProperty("tcpKeepAlive", "true");
            Connection listening = DriverManager.getConnection(url, properties);
            try {
                listening.setAutoCommit(true);
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + OUTBOX);
                    statement.execute("listen " + API_KEYS);
                    try (ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
                        row.next();
                        pid = row.getInt(1);
                    }
                }
                return listening;
            } catch (SQLException | RuntimeException e) {
                listening.close();
                throw e;
            }
        }

        private void listen(Connection listening) throws SQLException {
            PGConnection pg = listening.unwrap(PGConnection.class);
            long quietSince = System.nanoTime();
            while (!closed) {
                PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                if (notifications == null || notifications.length == 0) {
                    if (System.nanoTime() - quietSince > IDLE_CHECK.toNanos()) {
                        if (!listening.isValid((int) IDLE_CHECK.toSeconds())) {
                            throw new SQLException("the listening connection no longer answers", "08006");
                        }
                        quietSince = System.nanoTime();
                    }
                    continue;
                }
                quietSince = System.nanoTime();
                Set<Change> changes = EnumSet.noneOf(Change.class);
                for (PGNotification notification : notifications) {
                    if (self.equals(notification.getParameter())) {
                        continue; // this process's own change: it knows already
                    }
                    switch (notification.getName()) {
                        case OUTBOX -> changes.add(Change.OUTBOX);
                        case API_KEYS -> changes.add(Change.API_KEYS);
                        default -> { }
                    }
                }
                if (!changes.isEmpty()) {
                    tell(changes);
                }
            }
        }

        private void tell(Set<Change> changes) {
            try {
                changed.accept(changes);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a change listener failed: " + e.getClass().getName());
            }
        }

        /** Stops listening and closes the connection; waits up to a second for the thread to end. */
        @Override
        public void close() {
            closed = true;
            Connection now = connection;
            if (now != null) {
                try {
                    now.close();
                } catch (SQLException | RuntimeException e) {
                    // closing either way
                }
            }
            thread.interrupt();
            try {
                thread.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
