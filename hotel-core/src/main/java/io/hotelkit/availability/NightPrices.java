package io.hotelkit.availability;

import io.hotelkit.shared.Money;
import io.hotelkit.internal.MoneyList;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Currency;
import java.util.RandomAccess;

/**
 * An offer's nightly prices, kept as minor units and made into {@link Offer.NightPrice}s when read: a
 * search returns dozens of offers and most callers read only their totals, so a search makes no
 * {@code Money} per night. Immutable; the arrays are never written after construction, and the dates are
 * shared by every offer of one search.
 */
final class NightPrices extends AbstractList<Offer.NightPrice> implements RandomAccess {

    private final LocalDate[] dates;
    private final long[] minor;
    private final Currency currency;

    NightPrices(LocalDate[] dates, long[] minor, Currency currency) {
        if (dates.length != minor.length) {
            throw new IllegalArgumentException(dates.length + " dates for " + minor.length + " prices");
        }
        this.dates = dates;
        this.minor = minor;
        this.currency = currency;
    }

    /** The amounts alone, as a booking keeps them. */
    MoneyList amounts() {
        return MoneyList.ofMinor(minor, currency);
    }

    @Override
    public Offer.NightPrice get(int index) {
        return new Offer.NightPrice(dates[index], Money.ofMinor(minor[index], currency));
    }

    @Override
    public int size() {
        return minor.length;
    }
}
