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
 * <p>What else is written with digits and separators is told apart, so that ordinary text is not refused:
 * <ul>
 *   <li>a letter ends a run, so ids and references ({@code 01JDQ3C9T7W0A5N8M2K4P6R8S0}) are never cards;
 *       neither is a UUID or a hex digest (SHA-256) with a letter in it, whatever runs of digits it has;</li>
 *   <li>a date with its year ({@code 2026-12-01}, {@code 01.12.2026}, {@code 12/01/2026}) or a time of day
 *       ({@code 23:30}) is a word of its own: the two dates of a stay are 16 digits;</li>
 *   <li>an international telephone number, {@code +} or {@code 00} and at most 15 digits (E.164), is not
 *       checked. A card written that way, with nothing after it but its own digits, is let through if it
 *       has 13 to 15 digits; with more digits in the run it is found.</li>
 * </ul>
 *
 * <p>The check takes time linear in the text's length: each digit ends at most seven windows, each
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
        int separator = Run.NONE;
        for (int i = 0; i < text.length(); ) {
            int generated = generatedTokenAt(text, i);
            if (generated > 0) {
                if (run.end()) {
                    return true;
                }
                separator = Run.NONE;
                i += generated;
                continue;
            }
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            int digit = Character.digit(c, 10);
            if (digit >= 0) {
                run.add(digit, separator);
                separator = Run.NONE;
            } else if (Character.isLetter(c) || c == '+' || c == '\uFF0B') {
                if (run.end()) {
                    return true;
                }
                run.afterPlus = c == '+' || c == '\uFF0B';
                separator = Run.NONE;
            } else if (run.length > 0) {
                // between digits: remember it if it is the only character there, for dates and times
                separator = separator == Run.NONE ? c : Run.SEVERAL;
            }
        }
        return run.end();
    }

    /**
     * The length of the UUID ({@code 8-4-4-4-12} hex digits) or hex digest (32, 40 or 64 hex digits) that
     * starts at {@code i} as a word of its own, with at least one letter in it; 0 if none does. A random
     * UUID has 13 decimal digits in a row about one time in 200, and as many of those pass the Luhn check
     * as of any digits: such tokens are made by machines, never typed from a card.
     */
    private static int generatedTokenAt(CharSequence text, int i) {
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            return 0;
        }
        int end = i;
        boolean letter = false;
        while (end < text.length() && end - i <= 64 && (hex(text.charAt(end)) || text.charAt(end) == '-')) {
            letter |= Character.isLetter(text.charAt(end));
            end++;
        }
        if (!letter || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) {
            return 0;
        }
        int length = end - i;
        boolean uuid = length == 36 && text.charAt(i + 8) == '-' && text.charAt(i + 13) == '-'
                && text.charAt(i + 18) == '-' && text.charAt(i + 23) == '-'
                && text.subSequence(i, end).chars().filter(c -> c == '-').count() == 4;
        boolean digest = (length == 32 || length == 40 || length == 64)
                && text.subSequence(i, end).chars().noneMatch(c -> c == '-');
        return uuid || digest ? length : 0;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Whether {@code digits}, decimal digits only, pass the Luhn check. */
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
     * The digits of one run, in groups (the digits between two separators), judged when the run ends.
     * Two running sums give the Luhn sum of any window by a subtraction: {@code evenDoubled[i]} sums the
     * first {@code i} digits doubling those at odd indexes, {@code oddDoubled[i]} doubling those at even
     * ones. A window's last digit is never doubled, the one before it is, and so on, so a window ending
     * at an even index takes its sum from {@code evenDoubled}.
     */
    private static final class Run {

        static final int NONE = -1;
        static final int SEVERAL = -2;

        int length;
        boolean afterPlus;
        private int[] digits = new int[32];
        private int[] evenDoubled = new int[33];
        private int[] oddDoubled = new int[33];
        /** Where each group starts, and the separator before it (a character, or {@link #SEVERAL}). */
        private int[] groupStart = new int[8];
        private int[] separatorBefore = new int[8];
        private int groups;

        void add(int digit, int separator) {
            if (length == 0 || separator != NONE) {
                if (groups == groupStart.length) {
                    groupStart = Arrays.copyOf(groupStart, groups * 2);
                    separatorBefore = Arrays.copyOf(separatorBefore, groups * 2);
                }
                groupStart[groups] = length;
                separatorBefore[groups] = separator;
                groups++;
            }
            if (length == digits.length) {
                digits = Arrays.copyOf(digits, length * 2);
                evenDoubled = Arrays.copyOf(evenDoubled, length * 2 + 1);
                oddDoubled = Arrays.copyOf(oddDoubled, length * 2 + 1);
            }
            digits[length] = digit;
            evenDoubled[length + 1] = evenDoubled[length] + (length % 2 == 1 ? doubled(digit) : digit);
            oddDoubled[length + 1] = oddDoubled[length] + (length % 2 == 0 ? doubled(digit) : digit);
            length++;
        }

        /** Ends the run; true if a card number is in it. The next digit starts another run. */
        boolean end() {
            boolean found = false;
            // the parts of the run between its dates and times, each judged on its own
            int partStart = 0;
            int g = 0;
            while (g < groups && !found) {
                int word = dateOrTime(g);
                if (word == 0) {
                    g++;
                    continue;
                }
                found = partHoldsACard(partStart, groupStart[g], partStart == 0);
                g += word;
                partStart = g < groups ? groupStart[g] : length;
            }
            found = found || partHoldsACard(partStart, length, partStart == 0);
            length = 0;
            groups = 0;
            afterPlus = false;
            return found;
        }

        private boolean partHoldsACard(int from, int to, boolean startsTheRun) {
            int size = to - from;
            if (size < MIN_DIGITS) {
                return false;
            }
            if (startsTheRun && afterPlus && size <= MAX_PHONE_DIGITS) {
                return false; // + and a telephone number
            }
            if (size >= 3 && size <= MAX_PHONE_DIGITS + 2 && digits[from] == 0 && digits[from + 1] == 0 && digits[from + 2] != 0) {
                return false; // 00 and a telephone number
            }
            for (int end = from + MIN_DIGITS; end <= to; end++) {
                int[] sums = (end - 1) % 2 == 0 ? evenDoubled : oddDoubled;
                for (int start = end - MIN_DIGITS; start >= Math.max(from, end - MAX_DIGITS); start--) {
                    if (digits[start] != 0 && (sums[end] - sums[start]) % 10 == 0) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** How many groups from {@code g} on are a date with its year or a time of day; 0 if they are not. */
        private int dateOrTime(int g) {
            if (g + 1 < groups && separatorBefore[g + 1] == ':' && time(g)) {
                return g + 2 < groups && separatorBefore[g + 2] == ':' && size(g + 2) == 2 && value(g + 2) < 60 ? 3 : 2;
            }
            if (g + 2 >= groups) {
                return 0;
            }
            int separator = separatorBefore[g + 1];
            if ((separator != '-' && separator != '/' && separator != '.') || separatorBefore[g + 2] != separator) {
                return 0;
            }
            boolean yearFirst = year(g) && between(g + 1, 1, 12) && between(g + 2, 1, 31);
            boolean yearLast = between(g, 1, 31) && between(g + 1, 1, 31) && year(g + 2);
            return yearFirst || yearLast ? 3 : 0;
        }

        private boolean time(int g) {
            return size(g) <= 2 && value(g) < 24 && size(g + 1) == 2 && value(g + 1) < 60;
        }

        private boolean year(int g) {
            return size(g) == 4 && value(g) >= 1900 && value(g) < 2100;
        }

        private boolean between(int g, int low, int high) {
            return size(g) <= 2 && value(g) >= low && value(g) <= high;
        }

        private int size(int g) {
            return (g + 1 < groups ? groupStart[g + 1] : length) - groupStart[g];
        }

        /** The group's digits as a number; groups of more than 4 digits are not looked at. */
        private int value(int g) {
            if (size(g) > 4) {
                return Integer.MAX_VALUE;
            }
            int value = 0;
            for (int i = groupStart[g]; i < groupStart[g] + size(g); i++) {
                value = value * 10 + digits[i];
            }
            return value;
        }
    }
}
