package io.hotelkit.billing;

import io.hotelkit.shared.ConflictException;

/** The gateway declined to move money that a step needed (a capture at check-out, say); nothing was recorded. */
public final class PaymentDeclinedException extends ConflictException {

    public PaymentDeclinedException(String what, String reason) {
        super("the payment gateway declined " + what + ": " + reason);
    }

    @Override
    public String code() {
        return "payment-declined";
    }
}
