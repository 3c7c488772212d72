package io.hotelkit.billing;

/** An invoice, or a credit note that reverses one. */
public enum InvoiceKind {
    INVOICE,
    CREDIT_NOTE
}
