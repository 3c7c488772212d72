package io.hotelkit.inventory;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.util.Objects;

/**
 * A kind of room that is sold as one product. Its rate-plan prices cover {@code baseOccupancy} persons;
 * {@code overbookingLimit} is how many bookings a night past its rooms the hotel deliberately takes.
 */
public record RoomType(
        PropertyId propertyId,
        String code,
        String name,
        int maxAdults,
        int maxChildren,
        int maxOccupancy,
        int baseOccupancy,
        int overbookingLimit,
        long version) implements Versioned<RoomType> {

    public static final int DEFAULT_BASE_OCCUPANCY = 2;

    public RoomType {
        Objects.requireNonNull(propertyId, "property id");
        code = Codes.require(code, "room type code");
        name = Codes.requireName(name, "room type name");
        if (maxAdults < 1) {
            throw new IllegalArgumentException("max adults must be at least 1, not " + maxAdults);
        }
        if (maxChildren < 0) {
            throw new IllegalArgumentException("max children must not be negative, not " + maxChildren);
        }
        if (maxOccupancy < 1 || maxOccupancy > maxAdults + maxChildren) {
            throw new IllegalArgumentException("max occupancy must be between 1 and max adults + max children ("
                    + (maxAdults + maxChildren) + "), not " + maxOccupancy);
        }
        if (baseOccupancy < 1 || baseOccupancy > maxOccupancy) {
            throw new IllegalArgumentException(
                    "base occupancy must be between 1 and max occupancy (" + maxOccupancy + "), not " + baseOccupancy);
        }
        if (overbookingLimit < 0) {
            throw new IllegalArgumentException("overbooking limit must not be negative, not " + overbookingLimit);
        }
    }

    /** Whether guests of this occupancy may stay in a room of this type. */
    public boolean fits(Occupancy occupancy) {
        return occupancy.adults() <= maxAdults
                && occupancy.children() <= maxChildren
                && occupancy.persons() <= maxOccupancy;
    }

    @Override
    public RoomType withVersion(long version) {
        return new RoomType(propertyId, code, name, maxAdults, maxChildren, maxOccupancy, baseOccupancy, overbookingLimit, version);
    }
}
