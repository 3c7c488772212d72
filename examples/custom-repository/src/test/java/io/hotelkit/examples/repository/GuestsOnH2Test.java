package io.hotelkit.examples.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GuestsOnH2Test {

    @Test
    void main_keeps_the_committed_guest_and_not_the_rolled_back_one() {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            GuestsOnH2.main(new String[] {"jdbc:h2:mem:guests-test;DB_CLOSE_DELAY=-1"});
        } finally {
            System.setOut(console);
            console.print(out.toString(StandardCharsets.UTF_8)); // into the test's report, as main printed it
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "registered and committed: true",
                "rolled back (the card was declined): bruno kept = false",
                "guests in the database: 1");
    }
}
