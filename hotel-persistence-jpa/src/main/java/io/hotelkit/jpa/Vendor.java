package io.hotelkit.jpa;

import java.time.Duration;

/** The databases the store runs on, and the few things that differ between them. */
enum Vendor {
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
    };

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
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
