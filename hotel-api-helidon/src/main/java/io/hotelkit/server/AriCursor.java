package io.hotelkit.server;

import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.PropertyId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a client of the ARI feed is: a property and an outbox position, the feed having sent every change of
 * the property up to it. Opaque to clients (base64url of {@code ari1:<property>:<position>}), so that its form
 * may change; outbox positions become visible in order and without gaps, so a client resuming after a position
 * misses no change.
 */
record AriCursor(PropertyId property, long position) {

    private static final String PREFIX = "ari1:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    AriCursor {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, not " + position);
        }
    }

    /** The cursor of a property's feed at {@code position}, encoded. */
    static String of(String property, long position) {
        return new AriCursor(PropertyId.of(property), position).encode();
    }

    String encode() {
        return ENCODER.encodeToString((PREFIX + property.value() + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor {@code text} encodes, for {@code property}, at most at {@code last} (the newest position there is).
     *
     * @throws InvalidRequestException naming {@code field} if the text is no cursor this feed gave, or one of
     *     another property
     */
    static AriCursor decode(String text, PropertyId property, long last, String field) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw notACursor(field);
        }
        int colon = decoded.lastIndexOf(':');
        if (!decoded.startsWith(PREFIX) || colon <= PREFIX.length()) {
            throw notACursor(field);
        }
        long position;
        try {
            position = Long.parseLong(decoded.substring(colon + 1));
        } catch (NumberFormatException notANumber) {
            throw notACursor(field);
        }
        if (position < 0 || position > last) {
            throw notACursor(field);
        }
        if (!decoded.substring(PREFIX.length(), colon).equals(property.value())) {
            throw new InvalidRequestException(field, "is a cursor of another property's feed; start this one with a"
                    + " full resync (no " + field + ")");
        }
        return new AriCursor(property, position);
    }

    private static InvalidRequestException notACursor(String field) {
        return new InvalidRequestException(field, "must be a cursor this feed gave (its next_cursor); without one the"
                + " feed is a full resync");
    }
}
