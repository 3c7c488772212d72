package io.hotelkit.billing;

import io.hotelkit.shared.PropertyId;

/**
 * Invoice number series, one per property and year. A number is taken inside the transaction that issues
 * the invoice, so a rolled-back issue gives its number back: numbers have no gaps and no duplicates, which
 * a database sequence cannot promise.
 */
public interface InvoiceNumbers {

    /** The next number of the series, 1 for its first invoice; taken in the current transaction. */
    long next(PropertyId propertyId, int year);
}
