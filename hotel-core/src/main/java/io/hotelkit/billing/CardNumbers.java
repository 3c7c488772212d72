package io.hotelkit.billing;

import java.util.Arrays;
import java.util.Objects;

/**
 * Finds a primary account number (PAN) written anywhere in a text, so that it can be refused before it is
 * stored or logged (PCI DSS 3.3, 3.4): 13 to 19 digits that pass the Luhn check and do not start with 0
 * (ISO/IEC 7812 gives no card issuer a number starting with 0), however they are written:
 *
 * <ul>
 *   <li>any characters that are neither letters nor digits may stand between the digits: spaces, double
 *       spaces, tabs, line breaks, {@code . - / _ ,}, their full-width forms, zero-width spaces;</li>
 *   <li>any Unicode decimal digits count ({@link Character#digit(int, int)}): full-width {@code ４１１１},
 *       Arabic-Indic, Devanagari;</li>
 *   <li>the card may sit inside a longer run of digits: followed by its expiry ({@code 4111 1111 1111 1111
 *       12/29}), its security code ({@code 4111111111111111 123}), or preceded by other digits. Every window
 *       of 13 to 19 digits of a run is checked, not the run as a whole.</li>
 * </ul>
 *
 * <p>A letter ends a run, so ids and references ({@code 01JDQ3C9T7W0A5N8M2K4P6R8S0}) are never read as
 * cards. One exception keeps telephone numbers usable: a run that follows a {@code +} and has at most 15
 * digits is an international (E.164) telephone number, and is not checked. A card written after a
 * {@code +} with nothing after it but its own digits is therefore let through if it has 13 to 15 digits;
 * with 16 or more digits in the run it is found.
 *
 * <p>The check costs time linear in the text's length: each digit ends at most seven windows, each
 * judged in constant time from running sums.
 */
public final class CardNumbers {

    /** The shortest and the longest primary account number (ISO/IEC 7812). */
    public static final int MIN_DIGITS = 13;
    public static final int MAX_DIGITS = 19;
    /** The most digits of an E.164 telephone number, country code included. */
    private static final int MAX_PHONE_DIGITS = 15;

    private CardNumbers() {}

    /** Whether {@code text} holds a card number anywhere in it, as the class describes. */
    public static boolean containsCardNumber(CharSequence text) {
        Objects.requireNonNull(text, "text");
        Run run = new Run();
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            int digit = Character.digit(c, 10);
            if (digit >= 0) {
                if (run.add(digit)) {
                    return true;
                }
            } else if (c == '+' || c == '\uFF0B') {
                run.end();
                run.startAfterPlus();
            } else if (Character.isLetter(c)) {
                run.end();
            }
            // anything else stands between digits and leaves the run open
        }
        return false;
    }

    /** Whether the 13 to 19 {@code digits} (no separators) pass the Luhn check. */
    public static boolean passesLuhn(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(digits.length() - 1 - i), 10);
            if (digit < 0) {
                throw new IllegalArgumentException("not a digit at " + (digits.length() - 1 - i));
            }
            sum += i % 2 == 1 ? doubled(digit) : digit;
        }
        return sum % 10 == 0;
    }

    private static int doubled(int digit) {
        return digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    }

    /**
     * The digits of one run, with two running sums from which the Luhn sum of any window is a subtraction:
     * {@code evenDoubled[i]} sums the first {@code i} digits doubling those at odd indexes,
     * {@code oddDoubled[i]} doubling those at even ones. A window's last digit is never doubled, the one
     * before it is, and so on, so a window ending at an even index takes its sum from {@code evenDoubled}.
     */
    private static final class Run {

        private int[] digits = new int[32];
        private int[] evenDoubled = new int[33];
        private int[] oddDoubled = new int[33];
        private int length;
        private boolean afterPlus;

        /** Adds a digit; true if a window ending with it is a card number (never while it may be a phone number). */
        boolean add(int digit) {
            if (length == digits.length) {
                digits = Arrays.copyOf(digits, length * 2);
                evenDoubled = Arrays.copyOf(evenDoubled, length * 2 + 1);
                oddDoubled = Arrays.copyOf(oddDoubled, length * 2 + 1);
            }
            digits[length] = digit;
            evenDoubled[length + 1] = evenDoubled[length] + (length % 2 == 1 ? doubled(digit) : digit);
            oddDoubled[length + 1] = oddDoubled[length] + (length % 2 == 0 ? doubled(digit) : digit);
            length++;
            if (afterPlus && length <= MAX_PHONE_DIGITS) {
                return false; // a telephone number, until it has more digits than one may have
            }
            if (afterPlus && length == MAX_PHONE_DIGITS + 1) {
                return anyWindowEndingUpTo(length); // not one after all: the windows passed over too
            }
            return cardEndsAt(length);
        }

        /** Ends the run: the next digit starts another. */
        void end() {
            length = 0;
            afterPlus = false;
        }

        void startAfterPlus() {
            afterPlus = true;
        }

        private boolean anyWindowEndingUpTo(int end) {
            for (int e = MIN_DIGITS; e <= end; e++) {
                if (cardEndsAt(e)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a window of 13 to 19 digits ending before index {@code end} is a card number. */
        private boolean cardEndsAt(int end) {
            int[] sums = (end - 1) % 2 == 0 ? evenDoubled : oddDoubled;
            for (int size = MIN_DIGITS; size <= MAX_DIGITS && size <= end; size++) {
                int start = end - size;
                if (digits[start] != 0 && (sums[end] - sums[start]) % 10 == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
