package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.jpa.testing.TestDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that cannot work ends with a non-zero status and one line that says what is wrong and which
 * setting to change, with no stack trace: the packaged server, run as an operator runs it.
 */
class FailedStartIT {

    private static final Duration END = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private ServerProcess.Ended start(Map<String, String> settings) throws InterruptedException {
        Map<String, String> environment = new HashMap<>(Map.of(
                "HOTEL_HTTP_HOST", "127.0.0.1",
                "HOTEL_HTTP_PORT", "0",
                "HOTEL_ADMIN_KEY", "hk_failed-start-admin-key-abcdef",
                "HOTEL_DB_URL", "jdbc:h2:file:" + directory.resolve("data").resolve("hotelkit")));
        environment.putAll(settings);
        return ServerProcess.runToEnd(environment, directory, END);
    }

    /** The status is not 0, and exactly one line says why, naming {@code setting}; no stack trace. */
    private static void endsWithOneLine(ServerProcess.Ended ended, String says, String setting) {
        assertThat(ended.status()).as(ended.output()).isNotZero();
        assertThat(ended.output().lines().filter(line -> line.startsWith("hotelkit: cannot start: ")))
                .as(ended.output()).singleElement().asString().contains(says).contains(setting);
        assertThat(ended.output()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(ended.output()).doesNotContain("listening on");
    }

    @Test
    void a_port_in_use_ends_the_start_naming_hotel_http_port() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            ServerProcess.Ended ended = start(Map.of("HOTEL_HTTP_PORT", Integer.toString(taken.getLocalPort())));

            endsWithOneLine(ended, "cannot listen on 127.0.0.1:" + taken.getLocalPort(), "HOTEL_HTTP_PORT");
        }
    }

    @Test
    void an_unreachable_database_ends_the_start_naming_hotel_db_url() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort(); // nothing listens here once it is closed
        }

        ServerProcess.Ended ended = start(Map.of("HOTEL_DB_URL",
                "jdbc:postgresql://127.0.0.1:" + closed + "/hotel?user=hotel&password=secret-word"));

        endsWithOneLine(ended, "cannot be reached", "HOTEL_DB_URL");
        assertThat(ended.output()).as("the password is not printed").doesNotContain("secret-word");
    }

    @Test
    void a_database_that_refuses_the_user_ends_the_start_naming_hotel_db_user() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            String url = database.url().replaceAll("user=[^&]*", "user=hotel_no_such_role");

            ServerProcess.Ended ended = start(Map.of("HOTEL_DB_URL", url));

            endsWithOneLine(ended, "refused", "HOTEL_DB_USER");
        }
    }

    @Test
    void an_h2_file_another_server_has_open_ends_the_start_naming_hotel_db_url() throws Exception {
        try (ServerProcess first = ServerProcess.start(Map.of("HOTEL_HTTP_HOST", "127.0.0.1", "HOTEL_HTTP_PORT", "0",
                "HOTEL_DB_URL", "jdbc:h2:file:" + directory.resolve("data").resolve("hotelkit")), directory, END)) {

            ServerProcess.Ended ended = start(Map.of());

            endsWithOneLine(ended, "is open in another process", "HOTEL_DB_URL");
        }
    }

    @Test
    void a_postgresql_url_without_a_user_ends_the_start_naming_hotel_db_user() throws Exception {
        ServerProcess.Ended ended = start(Map.of("HOTEL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hotel"));

        endsWithOneLine(ended, "PostgreSQL needs a user", "HOTEL_DB_USER");
    }
}
