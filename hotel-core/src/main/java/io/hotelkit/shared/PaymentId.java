package io.hotelkit.shared;

/** The opaque, server-generated identity of a payment. */
public record PaymentId(String value) {

    public PaymentId {
        Ids.requireWellFormed(value, "payment id");
    }

    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
