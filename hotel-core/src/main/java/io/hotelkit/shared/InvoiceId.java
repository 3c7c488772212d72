package io.hotelkit.shared;

/** The opaque, server-generated identity of a invoice. */
public record InvoiceId(String value) {

    public InvoiceId {
        Ids.requireWellFormed(value, "invoice id");
    }

    public static InvoiceId of(String value) {
        return new InvoiceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
