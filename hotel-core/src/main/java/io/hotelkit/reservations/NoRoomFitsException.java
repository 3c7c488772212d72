package io.hotelkit.reservations;

import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.Stay;

/** No room of the type can take the stay, even after moving bookings that have not arrived yet. */
public final class NoRoomFitsException extends ConflictException {

    private final String roomType;
    private final Stay stay;

    public NoRoomFitsException(String roomType, Stay stay, String why) {
        super("no room of type " + roomType + " can take the stay " + stay + ": " + why);
        this.roomType = roomType;
        this.stay = stay;
    }

    public String roomType() {
        return roomType;
    }

    public Stay stay() {
        return stay;
    }

    @Override
    public String code() {
        return "no-room-fits";
    }
}
