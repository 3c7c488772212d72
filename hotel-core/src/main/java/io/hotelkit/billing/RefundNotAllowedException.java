package io.hotelkit.billing;

import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.PaymentId;

/** A refund that the payment cannot give: it was declined, or less of it is left than asked. */
public final class RefundNotAllowedException extends ConflictException {

    public RefundNotAllowedException(PaymentId id, String why) {
        super("payment " + id + " cannot be refunded: " + why);
    }

    @Override
    public String code() {
        return "refund-not-allowed";
    }
}
