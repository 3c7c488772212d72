package io.hotelkit.inventory;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How many bookings past its rooms a room type takes on one night, where that is not the type's own
 * {@link RoomType#overbookingLimit()}: for example a forecast's recommendation, applied.
 */
public record NightAllowance(PropertyId propertyId, String roomType, LocalDate night, int allowance) {

    /** The most a night's allowance can be, as for a room type's limit in the API. */
    public static final int MAX = 10_000;

    public NightAllowance {
        Objects.requireNonNull(propertyId, "property id");
        roomType = Codes.require(roomType, "room type code");
        Objects.requireNonNull(night, "night");
        if (allowance < 0 || allowance > MAX) {
            throw new IllegalArgumentException("overbooking allowance must be between 0 and " + MAX + ", not " + allowance);
        }
    }
}
