package io.hotelkit.jpa;

import java.time.Duration;
import java.util.Locale;

/** The databases the store runs on, and the few things that differ between them. */
public enum Vendor {
    POSTGRESQL("postgresql") {
        @Override
        String sessionSetup(Duration lockTimeout) {
            return "set lock_timeout = " + lockTimeout.toMillis();
        }
    },
    H2("h2") {
        @Override
        String sessionSetup(Duration lockTimeout) {
            return "set lock_timeout " + lockTimeout.toMillis();
        }

        /**
         * H2 writes a commit to its file up to half a second after it returned, unless {@code WRITE_DELAY=0}:
         * then a commit that returned survives the process being killed (it is in the operating system's
         * hands, not yet on the disk's platter: a power cut can still lose it). {@code TRACE_LEVEL_FILE=0}:
         * no {@code .trace.db} file, which would hold failed statements with their values.
         */
        @Override
        String connectionUrl(String url) {
            StringBuilder connection = new StringBuilder(url);
            String upper = url.toUpperCase(Locale.ROOT);
            if (!upper.contains(";WRITE_DELAY=")) {
                connection.append(";WRITE_DELAY=0");
            }
            if (!upper.contains(";TRACE_LEVEL_FILE=")) {
                connection.append(";TRACE_LEVEL_FILE=0");
            }
            return connection.toString();
        }
    };

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    /** The database's name in lower case ({@code postgresql}, {@code h2}), as its migrations' folder is named. */
    public String id() {
        return folder;
    }

    static Vendor of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException(
                "url must be a PostgreSQL (jdbc:postgresql:) or H2 (jdbc:h2:) JDBC URL, not '" + jdbcUrl + "'");
    }

    /** The URL to connect with: {@code url} with the settings a durable store needs that it does not name. */
    String connectionUrl(String url) {
        return url;
    }

    /** The Flyway location of this database's migrations. */
    String migrations() {
        return "classpath:db/migration/" + folder;
    }

    /**
     * The statement each new connection runs first: how long a statement waits for a row lock before it
     * fails (H2's default of a second is shorter than an idempotent request may take).
     */
    abstract String sessionSetup(Duration lockTimeout);
}
