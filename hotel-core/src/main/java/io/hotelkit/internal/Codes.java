package io.hotelkit.internal;

/** The rules for codes and numbers that address things within a property (room types, rooms, rate plans). */
public final class Codes {

    private static final int MAX_NAME = 200;

    private Codes() {}

    /** A code of 1 to 32 letters, digits, {@code _ . -}, starting with a letter or digit. */
    public static String require(String code, String what) {
        if (code == null) {
            throw new NullPointerException(what);
        }
        if (!isCode(code)) {
            throw new IllegalArgumentException(
                    what + " must be 1 to 32 letters, digits, '_', '.' or '-', starting with a letter or digit, not '" + code + "'");
        }
        return code;
    }

    /**
     * {@code [A-Za-z0-9][A-Za-z0-9_.-]{0,31}}, checked by hand: every booking, room and rate copy checks its
     * codes, and a regular expression made that a measurable share of booking.
     */
    private static boolean isCode(String code) {
        int length = code.length();
        if (length == 0 || length > 32 || !isLetterOrDigit(code.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = code.charAt(i);
            if (!isLetterOrDigit(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** A non-blank display name of at most 200 characters, trimmed. */
    public static String requireName(String name, String what) {
        if (name == null) {
            throw new NullPointerException(what);
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException(what + " must have 1 to " + MAX_NAME + " characters");
        }
        return trimmed;
    }
}
