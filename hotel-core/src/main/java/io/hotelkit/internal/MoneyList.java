package io.hotelkit.internal;

import io.hotelkit.shared.Money;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of amounts of one currency, kept as minor units and made into {@link Money} when
 * read. A booking keeps the price of each of its nights for good, and a store keeps every booking: as
 * {@code Money} a night weighs two objects (64 bytes) that the garbage collector copies and scans; here it
 * is one {@code long}.
 */
public final class MoneyList extends AbstractList<Money> implements RandomAccess {

    private final long[] minor;
    private final Currency currency;

    private MoneyList(long[] minor, Currency currency) {
        this.minor = minor;
        this.currency = currency;
    }

    /**
     * The amounts, which must all be in {@code currency}; {@code amounts} itself if it is such a list
     * already.
     *
     * @throws CurrencyMismatchException if an amount is in another currency
     * @throws ArithmeticException if an amount has more minor units than a {@code long} holds
     */
    public static MoneyList copyOf(List<Money> amounts, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (amounts instanceof MoneyList list && list.currency.equals(currency)) {
            return list;
        }
        long[] minor = new long[amounts.size()];
        int i = 0;
        for (Money amount : amounts) {
            minor[i++] = amount.requireCurrency(currency).minorUnits();
        }
        return new MoneyList(minor, currency);
    }

    /** Amounts of {@code minor} units each; the array is copied. */
    public static MoneyList ofMinor(long[] minor, Currency currency) {
        return new MoneyList(minor.clone(), Objects.requireNonNull(currency, "currency"));
    }

    /** Throws {@link IllegalArgumentException} naming {@code what} unless every amount is zero or more. */
    public MoneyList requireNotNegative(String what) {
        for (int i = 0; i < minor.length; i++) {
            if (minor[i] < 0) {
                get(i).requireNotNegative(what);
            }
        }
        return this;
    }

    public Currency currency() {
        return currency;
    }

    @Override
    public Money get(int index) {
        return Money.ofMinor(minor[index], currency);
    }

    @Override
    public int size() {
        return minor.length;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof MoneyList other) {
            return currency.equals(other.currency) && Arrays.equals(minor, other.minor);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
