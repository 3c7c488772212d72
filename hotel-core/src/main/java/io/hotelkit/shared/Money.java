package io.hotelkit.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, always at the currency's minor-unit scale (cents for EUR).
 *
 * <p>Arithmetic between different currencies throws {@link CurrencyMismatchException}; equality ignores
 * the scale of the amount ({@code 10.0 EUR} equals {@code 10.00 EUR}). Amounts that need rounding are
 * made through {@link Rounding}, the one place a property decides how to round.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * The amount in the currency, which must not have more decimals than the currency's minor unit.
     *
     * @throws IllegalArgumentException if the amount needs rounding to fit the currency
     */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = scaleOf(currency);
        try {
            return new Money(amount.setScale(scale, RoundingMode.UNNECESSARY), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "%s amounts have at most %d decimals, not %s".formatted(currency, scale, amount.toPlainString()));
        }
    }

    /** Parses a decimal string such as {@code "123.45"}; see {@link #of(BigDecimal, Currency)}. */
    public static Money of(String amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        try {
            return of(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal amount: '" + amount + "'");
        }
    }

    public static Money of(String amount, String currencyCode) {
        return of(amount, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /** Money from a count of minor units (cents), as the availability engine keeps prices. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
    }

    /** The ISO 4217 currency of that code. */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: '" + code + "'");
        }
    }

    static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    /** The amount in minor units (cents). */
    public long minorUnits() {
        return amount.unscaledValue().longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Throws {@link IllegalArgumentException} naming {@code what} unless this amount is zero or more. */
    public Money requireNotNegative(String what) {
        if (isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + this);
        }
        return this;
    }

    /** Throws {@link IllegalArgumentException} naming {@code what} unless this amount is more than zero. */
    public Money requirePositive(String what) {
        if (!isPositive()) {
            throw new IllegalArgumentException(what + " must be more than zero: " + this);
        }
        return this;
    }

    /** Throws {@link CurrencyMismatchException} unless this money is in {@code expected}. */
    public Money requireCurrency(Currency expected) {
        if (!currency.equals(expected)) {
            throw new CurrencyMismatchException(expected, currency);
        }
        return this;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    /** {@code 123.45 EUR}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
