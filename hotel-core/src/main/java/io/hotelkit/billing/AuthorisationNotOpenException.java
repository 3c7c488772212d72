package io.hotelkit.billing;

import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.PaymentId;

/** An authorisation that was already captured, voided or declined, or a capture it cannot give. */
public final class AuthorisationNotOpenException extends ConflictException {

    public AuthorisationNotOpenException(PaymentId id, String why) {
        super("authorisation " + id + ": " + why);
    }

    @Override
    public String code() {
        return "authorisation-not-open";
    }
}
