package io.hotelkit.reservations;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.ConflictException;

/** A booking was asked to move to a status its life does not allow from where it is. */
public final class IllegalTransitionException extends ConflictException {

    private final BookingId bookingId;
    private final BookingStatus from;
    private final BookingStatus to;

    public IllegalTransitionException(BookingId bookingId, BookingStatus from, BookingStatus to) {
        super("booking %s is %s and cannot become %s".formatted(bookingId, label(from), label(to)));
        this.bookingId = bookingId;
        this.from = from;
        this.to = to;
    }

    private static String label(BookingStatus status) {
        return status.code();
    }

    public BookingId bookingId() {
        return bookingId;
    }

    public BookingStatus from() {
        return from;
    }

    public BookingStatus to() {
        return to;
    }

    @Override
    public String code() {
        return "illegal-transition";
    }
}
