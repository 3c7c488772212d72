package io.hotelkit.guests;

import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.GuestId;

/** An erased guest's profile cannot be changed or booked for again. */
public final class GuestErasedException extends ConflictException {

    public GuestErasedException(GuestId id) {
        super("guest " + id + " has been erased");
    }

    @Override
    public String code() {
        return "guest-erased";
    }
}
