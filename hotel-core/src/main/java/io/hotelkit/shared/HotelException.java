package io.hotelkit.shared;

/**
 * A business rule refused an operation. Nothing was changed: every service applies an operation whole
 * or not at all. Subtypes say which rule; {@link ConflictException}s are refusals of a well-formed request
 * in the current state, {@link NotFoundException}s name what is missing.
 */
public abstract class HotelException extends RuntimeException {

    protected HotelException(String message) {
        super(message);
    }

    protected HotelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable, kebab-case name of the refusal ({@code not-available}), for problem types and logs. */
    public abstract String code();
}
