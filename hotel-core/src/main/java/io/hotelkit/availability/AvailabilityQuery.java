package io.hotelkit.availability;

import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A search: a stay for these guests, optionally of one room type and one rate plan. */
public record AvailabilityQuery(
        PropertyId propertyId, Stay stay, Occupancy occupancy, @Nullable String roomType, @Nullable String ratePlan) {

    public AvailabilityQuery {
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(stay, "stay");
        Objects.requireNonNull(occupancy, "occupancy");
    }

    public static AvailabilityQuery of(PropertyId propertyId, Stay stay, Occupancy occupancy) {
        return new AvailabilityQuery(propertyId, stay, occupancy, null, null);
    }
}
