package io.hotelkit.shared;

/** The opaque, server-generated identity of a reservation: the bookings made together under one confirmation code. */
public record ReservationId(String value) {

    public ReservationId {
        Ids.requireWellFormed(value, "reservation id");
    }

    public static ReservationId of(String value) {
        return new ReservationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
