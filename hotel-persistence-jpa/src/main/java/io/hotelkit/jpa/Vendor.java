package io.hotelkit.jpa;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The databases the store runs on, and the few things that differ between them. */
public enum Vendor {
    POSTGRESQL("postgresql", Map.of("json_type", "jsonb", "percent_type", "numeric")) {
        @Override
        String sessionSetup(Duration lockTimeout) {
            return "set lock_timeout = " + lockTimeout.toMillis();
        }
    },
    H2("h2", Map.of("json_type", "json", "percent_type", "decfloat")) {
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
    private final Map<String, String> placeholders;

    Vendor(String folder, Map<String, String> placeholders) {
        this.folder = folder;
        this.placeholders = placeholders;
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

    /**
     * The Flyway locations of this database's migrations: V1-V7 were written twice, once a folder per
     * database; from V8 on a migration is written once, in {@code common}, read for both, with
     * {@link #placeholders()} where the dialects differ. A database's own folder keeps what only it has
     * (PostgreSQL's backstops: an exclusion constraint, triggers), as a version of its own.
     */
    String[] migrations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + folder};
    }

    /**
     * What the common migrations write where the dialects differ: {@code ${json_type}} (jsonb, json) and
     * {@code ${percent_type}} (a decimal without a fixed scale: numeric, decfloat).
     */
    Map<String, String> placeholders() {
        return placeholders;
    }

    /**
     * The statement each new connection runs first: how long a statement waits for a row lock before it
     * fails (H2's default of a second is shorter than an idempotent request may take).
     */
    abstract String sessionSetup(Duration lockTimeout);
}
