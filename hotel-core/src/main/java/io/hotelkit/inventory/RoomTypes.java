package io.hotelkit.inventory;

import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

/** The room types of each property. See {@link Properties} for how {@code save} versions. */
public interface RoomTypes {

    Optional<RoomType> findBy(PropertyId propertyId, String code);

    /** A property's room types in code order. */
    List<RoomType> list(PropertyId propertyId);

    RoomType save(RoomType roomType);
}
