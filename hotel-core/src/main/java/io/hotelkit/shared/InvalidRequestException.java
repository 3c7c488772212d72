package io.hotelkit.shared;

import java.util.Objects;

/**
 * A request is malformed for the domain: a date in the past of the business date, a stay longer than the
 * property sells, a room that is not of the requested type. Names the request field at fault.
 */
public final class InvalidRequestException extends IllegalArgumentException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The request field at fault, in the API's snake_case ({@code checkin_date}). */
    public String field() {
        return field;
    }
}
