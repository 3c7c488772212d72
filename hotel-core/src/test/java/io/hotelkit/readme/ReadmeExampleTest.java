package io.hotelkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.Money;
import io.hotelkit.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedding example that the READMEs show is {@link FirstBooking}, compiled and run here, so that it
 * cannot rot: each README quotes the file whole, from its first import to its last brace.
 */
class ReadmeExampleTest {

    private static final Path SOURCE = Path.of("src/test/java/io/hotelkit/readme/FirstBooking.java");

    @Test
    void the_example_books_two_nights_with_taxes() {
        Hotel hotel = Hotel.inMemory(new MutableClock(Instant.parse("2026-11-25T10:00:00Z")));

        Booking booking = FirstBooking.book(hotel);

        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.stay().nights()).isEqualTo(2);
        // 2 x 120.00, VAT included; city tax 2 x 2 persons x 2.00
        assertThat(booking.total()).isEqualTo(Money.of("248.00", "EUR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "../README.md"})
    void the_readme_quotes_the_example_as_it_compiles(String readme) throws IOException {
        String source = Files.readString(SOURCE);
        String quoted = source.substring(source.indexOf("import "));

        assertThat(Files.readString(Path.of(readme)))
                .as("%s quotes %s from its first import to its end; copy it there again", readme, SOURCE)
                .contains("```java\n" + quoted + "```\n");
    }
}
