package io.hotelkit.reservations;

import io.hotelkit.shared.ConflictException;

/** A guest cannot check in to a room that is dirty or out of order. */
public final class RoomNotReadyException extends ConflictException {

    private final String room;

    public RoomNotReadyException(String room, String why) {
        super("room " + room + " is not ready for a guest: " + why);
        this.room = room;
    }

    public String room() {
        return room;
    }

    @Override
    public String code() {
        return "room-not-ready";
    }
}
