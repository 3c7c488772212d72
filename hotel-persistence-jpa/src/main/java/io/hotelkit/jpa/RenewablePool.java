package io.hotelkit.jpa;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connection pool, behind a data source that JPA keeps for good, so that {@link #renew()} can put a
 * fresh pool behind it. A pool that has failed to connect for a while waits up to 5 seconds between its
 * attempts (Hikari's back-off); after a database outage a fresh pool connects at once instead.
 */
final class RenewablePool implements DataSource, AutoCloseable {

    /** How long a replaced pool keeps the connections still lent out before it closes them. */
    private static final Duration RETIRE_AFTER = Duration.ofSeconds(15);

    private final Supplier<HikariDataSource> make;
    private volatile HikariDataSource current;
    private volatile boolean closed;
    private volatile boolean refusing;

    RenewablePool(Supplier<HikariDataSource> make) {
        this.make = make;
        this.current = make.get();
    }

    /**
     * Puts a new pool in place of the current one, which closes once the connections it lent have had time
     * to come back. Fails, keeping the current pool, if the new one cannot connect.
     */
    synchronized void renew() {
        if (closed) {
            return;
        }
        HikariDataSource retired = current;
        current = make.get();
        Thread.ofVirtual().name("hotel-pool-retire").start(() -> {
            try {
                Thread.sleep(RETIRE_AFTER);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            retired.close();
        });
    }

    /**
     * While {@code refusing}, connections are refused at once rather than each after the pool's timeout:
     * for when the database was found not to answer.
     */
    void refuse(boolean refusing) {
        this.refusing = refusing;
    }

    @Override
    public Connection getConnection() throws SQLException {
        requireAnswering();
        return current.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        requireAnswering();
        return current.getConnection(username, password);
    }

    private void requireAnswering() throws SQLTransientConnectionException {
        if (refusing) {
            throw new SQLTransientConnectionException("the database did not answer when last asked", "08001");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return current.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        current.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        current.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return current.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return current.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return current.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return current.isWrapperFor(type);
    }

    @Override
    public synchronized void close() {
        closed = true;
        current.close();
    }
}
