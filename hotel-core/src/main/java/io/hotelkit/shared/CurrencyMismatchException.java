package io.hotelkit.shared;

import java.util.Currency;

/** Money of one currency met money of another, or a request named a currency that is not the property's. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    private final Currency expected;
    private final Currency actual;

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("expected an amount in %s, got %s".formatted(expected.getCurrencyCode(), actual.getCurrencyCode()));
        this.expected = expected;
        this.actual = actual;
    }

    public Currency expected() {
        return expected;
    }

    public Currency actual() {
        return actual;
    }
}
