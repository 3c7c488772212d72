package io.hotelkit.examples.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the replay on the first 5,000 rows of the data set (the resort hotel's first summer). */
class ReplayRealBookingsTest {

    /** The data is not in the repository: it sits in the shared folder beside it. */
    private static final Path DATA = Path.of("..", "..", "..", "shared", "data", "hotel_bookings.csv.zip");

    @Test
    void replaying_the_first_5000_rows_books_every_one_and_draws_the_heat_map(@TempDir Path output) throws Exception {
        assumeTrue(Files.exists(DATA), "the data set is at " + DATA.toAbsolutePath().normalize());
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ReplayRealBookings.main(new String[] {DATA.toString(), "5000", output.toString()});
        } finally {
            System.setOut(console);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(printed).contains("Hotel booking demand data", "Resort Hotel", "2015-07", "0 refused")
                .containsPattern("run 2 of 2 \\(in-memory\\): \\d+ bookings \\(\\d+ booked, 0 refused");
        String svg = Files.readString(output.resolve("occupancy-resort-hotel.svg"));
        assertThat(svg).startsWith("<svg").contains("<rect", "CC BY 4.0").endsWith("</svg>\n");
    }
}
