package io.hotelkit.shared;

/** A well-formed request that the current state refuses: taken, already done, not allowed now. */
public abstract class ConflictException extends HotelException {

    protected ConflictException(String message) {
        super(message);
    }

    protected ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
