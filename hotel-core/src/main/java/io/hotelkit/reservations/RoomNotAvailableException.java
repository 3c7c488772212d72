package io.hotelkit.reservations;

import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.NotAvailableException;

/**
 * One room of a reservation cannot be had, so none was booked: which room (its place in the request and its
 * room type), and why ({@link #reason()}; the engine's refusal is the cause).
 */
public final class RoomNotAvailableException extends ConflictException {

    private final int room;
    private final String roomType;
    private final NotAvailableException cause;

    public RoomNotAvailableException(int room, String roomType, NotAvailableException cause) {
        super("room " + room + " (" + roomType + ") is not available, so no room was booked: " + cause.getMessage(), cause);
        this.room = room;
        this.roomType = roomType;
        this.cause = cause;
    }

    /** The room's place in the request, from 0. */
    public int room() {
        return room;
    }

    public String roomType() {
        return roomType;
    }

    /** Why the room was refused: sold out, a restriction, the room taken. */
    public NotAvailableException.Reason reason() {
        return cause.reason();
    }

    @Override
    public String code() {
        return "not-available";
    }
}
