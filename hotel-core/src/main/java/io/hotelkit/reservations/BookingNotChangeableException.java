package io.hotelkit.reservations;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.ConflictException;

/** A change a booking cannot take in its status: a new arrival date once checked in, anything once over. */
public final class BookingNotChangeableException extends ConflictException {

    private final BookingId bookingId;

    public BookingNotChangeableException(BookingId bookingId, String why) {
        super("booking " + bookingId + " cannot be changed: " + why);
        this.bookingId = bookingId;
    }

    public BookingId bookingId() {
        return bookingId;
    }

    @Override
    public String code() {
        return "booking-not-changeable";
    }
}
