package io.hotelkit.examples.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.jpa.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JpaOnPostgresTest {

    @Test
    void the_booking_and_the_availability_it_took_survive_a_restart() throws Exception {
        String console = run();
        assertThat(console).containsPattern("booked [0-9A-Z]{8}: \\[.*\\), 360.00 EUR")
                .containsPattern("after a restart: [0-9A-Z]{8} is CONFIRMED");
        assertThat(console.lines().filter(line -> line.contains("DBL free for")).map(line -> line.replaceAll(".*: ", "")))
                .containsExactly("2", "1", "1");
    }

    /**
     * Runs main on a fresh database of {@code HOTEL_TEST_POSTGRES_URL}'s server if that is set, else with
     * no argument, so that main starts an embedded PostgreSQL of its own.
     */
    private static String run() throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String server = System.getenv("HOTEL_TEST_POSTGRES_URL");
            if (server == null || server.isBlank()) {
                JpaOnPostgres.main(new String[0]);
            } else {
                try (TestDatabase database = TestDatabase.postgres()) {
                    JpaOnPostgres.main(new String[] {database.url()});
                }
            }
        } finally {
            System.setOut(console);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        console.print(printed);
        return printed;
    }
}
