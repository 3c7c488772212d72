package io.hotelkit.shared;

/** The store (a database) cannot be reached; the operation was not applied. Retrying later may succeed. */
public final class StoreUnavailableException extends HotelException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "store-unavailable";
    }
}
