package io.hotelkit.inventory;

import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

/** The rooms of each property. See {@link Properties} for how {@code save} versions. */
public interface Rooms {

    Optional<Room> findBy(PropertyId propertyId, String number);

    /** A property's rooms in number order. */
    List<Room> list(PropertyId propertyId);

    Room save(Room room);
}
