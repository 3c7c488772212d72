package io.hotelkit.shared;

/** The opaque, server-generated identity of a booking. */
public record BookingId(String value) {

    public BookingId {
        Ids.requireWellFormed(value, "booking id");
    }

    public static BookingId of(String value) {
        return new BookingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
