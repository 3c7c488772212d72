package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Card numbers written into any text of a request are found; phone numbers, dates and references are not. */
class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "4111111111111111",
        "4111 1111 1111 1111",
        "5555-5555-5555-4444",
        "378282246310005",
        "please charge my card 4012888888881881 exp 12/27",
        "6011111111111117",
        "2223003122003222",
        "3566002020360505",
    })
    void a_card_number_is_found_in_text(String text) {
        assertThat(Bodies.containsCardNumber(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "+351 912 345 678",
        "+49 30 1234567890",
        "+4930123456789",
        "0049 30 12345678",
        "1 212 555 0100",
        "invoice 2026-000042, booking 01JDQ3C9T7W0A5N8M2K4P6R8S0",
        "arriving 2026-12-01 around 23:30",
        "4111111111111112",
        "a quiet room, high floor",
        "tok_visa",
    })
    void other_text_is_not_a_card_number(String text) {
        assertThat(Bodies.containsCardNumber(text)).isFalse();
    }
}
