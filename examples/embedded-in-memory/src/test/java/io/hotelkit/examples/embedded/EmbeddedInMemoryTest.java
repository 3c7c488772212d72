package io.hotelkit.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddedInMemoryTest {

    @Test
    void main_searches_and_books_a_stay() {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            EmbeddedInMemory.main(new String[0]);
        } finally {
            System.setOut(console);
            console.print(out.toString(StandardCharsets.UTF_8)); // into the test's report, as main printed it
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("1 offer(s)", "DBL FLEX: 360.00 EUR")
                .containsPattern("booked [0-9A-Z]{8}: \\[.*\\), 360.00");
    }
}
