package io.hotelkit.reservations;

import io.hotelkit.internal.Codes;
import java.util.Objects;

/**
 * Where a channel's booking came from: the channel's code ({@code source}) and its own confirmation
 * ({@code externalRef}). Per property, a reference names one reservation: the database keeps it unique.
 *
 * @param source a code (1 to 32 letters, digits, {@code _ . -})
 * @param externalRef 1 to 64 letters, digits, {@code _ . - :}, starting with a letter or digit: it travels in a path
 */
public record ChannelRef(String source, String externalRef) {

    public static final int MAX_EXTERNAL_REF = 64;

    public ChannelRef {
        Codes.require(source, "source");
        Objects.requireNonNull(externalRef, "external ref");
        if (!isRef(externalRef)) {
            throw new IllegalArgumentException("external ref must be 1 to " + MAX_EXTERNAL_REF
                    + " letters, digits, '_', '.', '-' or ':', starting with a letter or digit, not '" + externalRef + "'");
        }
    }

    public static ChannelRef of(String source, String externalRef) {
        return new ChannelRef(source, externalRef);
    }

    static boolean isRef(String ref) {
        if (ref.isEmpty() || ref.length() > MAX_EXTERNAL_REF || !Character.isLetterOrDigit(ref.charAt(0)) || ref.charAt(0) > 'z') {
            return false;
        }
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '.' || c == '-' || c == ':';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return source + "/" + externalRef;
    }
}
