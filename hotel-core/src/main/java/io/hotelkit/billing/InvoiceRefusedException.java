package io.hotelkit.billing;

import io.hotelkit.shared.ConflictException;

/** An invoice or credit note that cannot be issued: nothing left to invoice, or credited already. */
public final class InvoiceRefusedException extends ConflictException {

    public InvoiceRefusedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invoice-refused";
    }
}
