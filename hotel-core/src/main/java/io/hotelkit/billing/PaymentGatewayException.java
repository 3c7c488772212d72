package io.hotelkit.billing;

import io.hotelkit.shared.HotelException;

/**
 * The payment gateway failed, timed out, or is not being called because it has been failing (its circuit
 * is open). Nothing was recorded; retrying the request with the same idempotency key is safe.
 */
public final class PaymentGatewayException extends HotelException {

    private final boolean circuitOpen;

    public PaymentGatewayException(String message, boolean circuitOpen, Throwable cause) {
        super(message, cause);
        this.circuitOpen = circuitOpen;
    }

    public PaymentGatewayException(String message) {
        super(message);
        this.circuitOpen = false;
    }

    /** Whether the gateway was not called at all because its circuit breaker is open. */
    public boolean circuitOpen() {
        return circuitOpen;
    }

    @Override
    public String code() {
        return circuitOpen ? "payment-gateway-unavailable" : "payment-gateway-failed";
    }
}
