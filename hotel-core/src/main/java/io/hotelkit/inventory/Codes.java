package io.hotelkit.inventory;

import java.util.regex.Pattern;

/** The rules for codes and numbers that address things within a property (room types, rooms, rate plans). */
public final class Codes {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final int MAX_NAME = 200;

    private Codes() {}

    /** A code of 1 to 32 letters, digits, {@code _ . -}, starting with a letter or digit. */
    public static String require(String code, String what) {
        if (code == null) {
            throw new NullPointerException(what);
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    what + " must be 1 to 32 letters, digits, '_', '.' or '-', starting with a letter or digit, not '" + code + "'");
        }
        return code;
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
