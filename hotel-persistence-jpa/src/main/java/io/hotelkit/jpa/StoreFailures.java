package io.hotelkit.jpa;

import io.hotelkit.shared.HotelException;
import io.hotelkit.shared.StoreUnavailableException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads what a database failure means from the SQL states in an exception's causes. */
final class StoreFailures {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String EXCLUSION_VIOLATION = "23P01";
    /** PostgreSQL's foreign key violation, and H2's for a missing parent row. */
    private static final Set<String> MISSING_PARENT = Set.of("23503", "23506");
    /** PostgreSQL's "terminating connection" (admin shutdown, crash shutdown) and "cannot connect now". */
    private static final Set<String> POSTGRESQL_GONE = Set.of("57P01", "57P02", "57P03");
    /** H2's "connection broken", "database is closed" and "database called at shutdown". */
    private static final Set<String> H2_GONE = Set.of("90067", "90098", "90121");

    private StoreFailures() {}

    /**
     * {@code failure} as the domain sees it: a {@link StoreUnavailableException} when the database could
     * not be reached, else {@code failure} itself.
     */
    static Throwable translate(Throwable failure) {
        if (failure instanceof HotelException) {
            return failure;
        }
        if (isConnectionFailure(failure)) {
            return new StoreUnavailableException("the database cannot be reached: " + rootMessage(failure), failure);
        }
        return failure;
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException // Hikari: no connection within the timeout
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || POSTGRESQL_GONE.contains(sql.getSQLState())
                            || H2_GONE.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).filter(UNIQUE_VIOLATION::equals).isPresent();
    }

    /** PostgreSQL's exclusion constraint refused a row (a room booked twice, see V5). */
    static boolean isExclusionViolation(Throwable failure) {
        return sqlState(failure).filter(EXCLUSION_VIOLATION::equals).isPresent();
    }

    static boolean isMissingParent(Throwable failure) {
        return sqlState(failure).filter(MISSING_PARENT::contains).isPresent();
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    private static @Nullable String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
