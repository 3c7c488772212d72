package io.hotelkit.availability;

import io.hotelkit.internal.MoneyList;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.shared.Money;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An offer's nightly prices, kept as minor units and made into {@link Offer.NightPrice}s when read: a
 * search returns dozens of offers and most callers read only their totals, so a search makes no
 * {@code Money} and no date per night. The prices are a slice of an array that is never written after it
 * is handed here: often the rate grid's own nights (a guest who pays no extra pays exactly them).
 */
final class NightPrices extends AbstractList<Offer.NightPrice> implements RandomAccess {

    private final LocalDate checkin;
    private final long[] minor;
    private final int offset;
    private final int nights;
    private final Currency currency;

    /** Nights {@code minor[offset]} to {@code minor[offset + nights - 1]}, the first of them {@code checkin}'s. */
    NightPrices(LocalDate checkin, long[] minor, int offset, int nights, Currency currency) {
        if (offset < 0 || nights < 0 || offset + nights > minor.length) {
            throw new IllegalArgumentException(nights + " nights from " + offset + " of " + minor.length + " prices");
        }
        this.checkin = checkin;
        this.minor = minor;
        this.offset = offset;
        this.nights = nights;
        this.currency = currency;
    }

    /** The amounts alone, as a booking keeps them. */
    MoneyList amounts() {
        return MoneyList.ofMinor(minor(), currency);
    }

    /** The amounts in minor units, a copy. */
    long[] minor() {
        return Arrays.copyOfRange(minor, offset, offset + nights);
    }

    /** What the guest pays for these nights, taxes worked out by {@code taxes}. */
    long totalMinor(TaxPolicy.StayTaxes taxes) {
        return taxes.stayTotalMinor(minor, offset, offset + nights);
    }

    @Override
    public Offer.NightPrice get(int index) {
        return new Offer.NightPrice(checkin.plusDays(index), Money.ofMinor(minor[offset + Objects.checkIndex(index, nights)], currency));
    }

    @Override
    public int size() {
        return nights;
    }
}
