package io.hotelkit.spi;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a booking holds of the inventory: nights of a room type, taken from general inventory or from a
 * block, and the same nights of one room once one is assigned.
 */
public record Claim(PropertyId propertyId, String roomType, DateRange nights, @Nullable String block, @Nullable String room) {

    public Claim {
        Objects.requireNonNull(propertyId, "property id");
        Codes.require(roomType, "room type code");
        Objects.requireNonNull(nights, "nights");
    }
}
