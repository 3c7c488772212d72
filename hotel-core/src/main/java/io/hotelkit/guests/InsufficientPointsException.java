package io.hotelkit.guests;

import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.GuestId;

/** A payment with loyalty points needs more points than the guest has. */
public final class InsufficientPointsException extends ConflictException {

    public InsufficientPointsException(GuestId guestId, long available, long needed) {
        super("guest " + guestId + " has " + available + " loyalty points, not the " + needed + " needed");
    }

    @Override
    public String code() {
        return "insufficient-points";
    }
}
