package io.hotelkit.shared;

/** An idempotency key came again with a different request than the one it was first used for. */
public final class IdempotencyKeyReusedException extends HotelException {

    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super("idempotency key '" + key.key() + "' was used before for a different request");
    }

    @Override
    public String code() {
        return "idempotency-key-reused";
    }
}
