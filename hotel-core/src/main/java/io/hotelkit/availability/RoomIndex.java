package io.hotelkit.availability;

/** A room's part of a property index: the nights it is occupied, by a booking or an out-of-order period. */
final class RoomIndex {
    final String number;
    final TypeIndex type;
    final NightBits occupied = new NightBits();

    RoomIndex(String number, TypeIndex type) {
        this.number = number;
        this.type = type;
    }
}
