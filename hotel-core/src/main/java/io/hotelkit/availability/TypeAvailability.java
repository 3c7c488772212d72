package io.hotelkit.availability;

import java.util.Objects;

/** How many more bookings of a room type every night of a range would take. */
public record TypeAvailability(String roomType, int available) {

    public TypeAvailability {
        Objects.requireNonNull(roomType, "room type"); // a code the engine holds, checked when the type was made
    }
}
