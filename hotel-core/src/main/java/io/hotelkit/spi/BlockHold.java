package io.hotelkit.spi;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import java.util.Objects;

/**
 * What a block holds of a room type: {@code rooms} rooms each night of {@code nights} while it is
 * {@code open} for pick-up; once released or cancelled, only the rooms its bookings picked up.
 */
public record BlockHold(PropertyId propertyId, String code, String roomType, DateRange nights, int rooms, boolean open) {

    public BlockHold {
        Objects.requireNonNull(propertyId, "property id");
        Codes.require(code, "block code");
        Codes.require(roomType, "room type code");
        Objects.requireNonNull(nights, "nights");
        if (rooms < 1) {
            throw new IllegalArgumentException("a block holds at least 1 room a night, not " + rooms);
        }
    }
}
