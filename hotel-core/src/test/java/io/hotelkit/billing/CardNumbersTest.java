package io.hotelkit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A card number is found however it is written into a text; telephone numbers, dates and ids are not cards. */
class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "4111111111111111",
        "4111 1111 1111 1111",
        "5555-5555-5555-4444",
        "378282246310005",
        "3782 822463 10005",
        "please charge my card 4012888888881881 exp 12/27",
        "6011111111111117",
        "2223003122003222",
        "3566002020360505",
        "4222222222222",                          // 13 digits
        "6250941006528599",                       // UnionPay
        "6759649826438453",                       // Maestro
        "6799990100000000019",                    // 19 digits
        "8171999927660000",                       // UnionPay 81
        "4111 1111 1111 1111 12/29",              // card, then expiry
        "4111111111111111 123",                   // card, then security code
        "4111111111111111123",                    // the same, run together
        "12 4111111111111111",                    // a digit group before it
        "98764111111111111111",                   // inside a longer run
        "4111.1111.1111.1111",
        "4111  1111  1111  1111",                 // double spaces
        "4111\t1111\t1111\t1111",
        "4111/1111/1111/1111",
        "4111_1111_1111_1111",
        "4111,1111,1111,1111",
        "4111 - 1111 - 1111 - 1111",
        "4111\n1111\n1111\n1111",
        "4111\u00A01111\u00A01111\u00A01111",     // no-break spaces
        "4111\u200B1111\u200B1111\u200B1111",     // zero-width spaces
        "\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11", // full width
        "\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661", // Arabic-Indic
        "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
        "card:4111111111111111;",
        "+4111 1111 1111 1111",                   // 16 digits after a + are no telephone number
        "+351 912 345 678 4111 1111 1111 1111",   // a telephone number, then a card
        "2026-12-01 4111 1111 1111 1111",         // a date, then a card
        "4111 1111 1111 1111 2026-12-01",
        "00 4111 1111 1111 1111",
        "004111111111111111",                     // more digits than a number dialled with 00 has
        "41111111-1111-1111-1111-111111111111",   // shaped as a UUID, but with no letter
        "a4111111111111111",                      // no hex digest: 17 characters
    })
    void a_card_number_is_found_in_text(String text) {
        assertThat(CardNumbers.containsCardNumber(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "+351 912 345 678",
        "+49 30 1234567890",
        "+4930123456789",
        "+62 812 3456 7890",
        "+351 912 345 678, +351 913 000 000",
        "0049 30 12345678",
        "1 212 555 0100",
        "invoice 2026-000042, booking 01JDQ3C9T7W0A5N8M2K4P6R8S0",
        "arriving 2026-12-01 around 23:30",
        "2026-12-01 - 2026-12-14",                // 16 digits, but two dates
        "01.12.2026/14.12.2026 23:30",
        "12/01/2026 12/14/2026",
        "2026-12-01 23:30 2026-12-14 11:00",
        "0049 30 123456789",                      // dialled with 00
        "7f3a9e1c-5849-0219-0141-3b550ea5861b",   // a UUID with 13 digits in a row
        "7921199ce0eb3ba8037f783530282a5f6cd5849021901413b550ea5861b21cc5", // a SHA-256
        "00351 912 345 678",
        "4111111111111113",                     // fails Luhn, and so does every window of it
        "411111111111",                           // 12 digits
        "0000000000000000",
        "a quiet room, high floor",
        "tok_visa",
        "",
    })
    void other_text_is_not_a_card_number(String text) {
        assertThat(CardNumbers.containsCardNumber(text)).as(text).isFalse();
    }

    static Stream<Arguments> seeds() {
        return Stream.of(1L, 2L, 3L, 42L, 2026L).map(Arguments::of);
    }

    /**
     * A card put anywhere into random text of letters, digits and separators is found: the property behind
     * the examples above. Letters stand on both sides of the card, so the digits around it never decide.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_card_anywhere_in_random_text_is_found(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] cards = {"4111111111111111", "5555555555554444", "378282246310005", "6011000990139424", "4222222222222"};
        String[] separators = {"", " ", "  ", "-", ".", "/", "_", "\t", " - "};
        for (int round = 0; round < 500; round++) {
            String card = cards[random.nextInt(cards.length)];
            String separator = separators[random.nextInt(separators.length)];
            StringBuilder written = new StringBuilder();
            for (int i = 0; i < card.length(); i++) {
                written.append(card.charAt(i));
                if (i < card.length() - 1 && random.nextInt(4) == 0) {
                    written.append(separator);
                }
            }
            String text = noise(random) + "x " + written + (random.nextBoolean() ? " " + random.nextInt(1000) : "") + " y"
                    + noise(random);
            assertThat(CardNumbers.containsCardNumber(text)).as("seed %d, round %d: %s", seed, round, text).isTrue();
        }
    }

    private static String noise(SplittableRandom random) {
        String alphabet = "abcdefghij 0123456789-./";
        StringBuilder noise = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return noise.toString();
    }

    /** Windows checked against the brute force: every 13 to 19 digit substring of the digits, Luhn, not starting with 0. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_windows_agree_with_a_brute_force_search(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder digits = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            assertThat(CardNumbers.containsCardNumber(digits)).as("seed %d: %s", seed, digits)
                    .isEqualTo(bruteForce(digits.toString()));
        }
    }

    private static boolean bruteForce(String digits) {
        if (digits.matches("00[1-9][0-9]{0,14}")) {
            return false; // a telephone number dialled with 00
        }
        for (int start = 0; start < digits.length(); start++) {
            for (int end = start + CardNumbers.MIN_DIGITS; end <= Math.min(digits.length(), start + CardNumbers.MAX_DIGITS); end++) {
                if (digits.charAt(start) != '0' && CardNumbers.passesLuhn(digits.substring(start, end))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A megabyte of digits is read once; the check does not judge its windows over and over. */
    @Test
    void a_long_run_of_digits_is_read_in_one_pass() {
        String zeros = "0".repeat(1 << 20);
        assertThat(CardNumbers.containsCardNumber(zeros)).isFalse();
        assertThat(CardNumbers.containsCardNumber(zeros + "4111111111111111")).isTrue();
        assertThat(CardNumbers.containsCardNumber("+" + zeros + "4111111111111111")).isTrue();
    }
}
