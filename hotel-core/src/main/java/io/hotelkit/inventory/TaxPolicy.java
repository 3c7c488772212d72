package io.hotelkit.inventory;

import io.hotelkit.internal.Decimals;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Rounding;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A property's taxes: VAT, either included in rate-plan prices or added on top of them, and a city tax
 * of a fixed amount per person and night that is never discounted.
 *
 * <p>Every amount a guest sees is computed here, per night and per line, in minor units and rounded by
 * the property's {@link Rounding}: an offer's total and the folio of the same stay are sums of the same
 * lines, so they never differ by a cent.
 *
 * @param vatPercent between 0 and 100, with at most 4 decimals
 */
public record TaxPolicy(BigDecimal vatPercent, boolean vatIncluded, Money cityTaxPerPersonNight) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final long PPM_PER_PERCENT = 10_000;

    public TaxPolicy {
        Objects.requireNonNull(vatPercent, "vat percent");
        Objects.requireNonNull(cityTaxPerPersonNight, "city tax per person and night");
        if (vatPercent.signum() < 0 || vatPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("vat percent must be between 0 and 100, not " + vatPercent.toPlainString());
        }
        if (vatPercent.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("vat percent has at most 4 decimals, not " + vatPercent.toPlainString());
        }
        vatPercent = Decimals.normalized(vatPercent);
        cityTaxPerPersonNight.requireNotNegative("city tax per person and night");
    }

    /** No VAT and no city tax. */
    public static TaxPolicy none(Currency currency) {
        return new TaxPolicy(BigDecimal.ZERO, true, Money.zero(currency));
    }

    /** VAT in parts per million of the net price: 7.5 % is 75,000. */
    long vatPpm() {
        return vatPercent.movePointRight(4).longValueExact();
    }

    /** The VAT added on top of a night's room price, in minor units; zero when VAT is included in prices. */
    public long vatOnTopMinor(long roomMinor, Rounding rounding) {
        if (vatIncluded) {
            return 0;
        }
        return rounding.divide(Math.multiplyExact(roomMinor, vatPpm()), 100 * PPM_PER_PERCENT);
    }

    /** The city tax of one night for these guests, in minor units. */
    public long cityTaxMinor(Occupancy occupancy) {
        return Math.multiplyExact(cityTaxPerPersonNight.minorUnits(), occupancy.persons());
    }

    /** What the guest pays for one night at this room price: the price, VAT on top if any, city tax. */
    public long nightTotalMinor(long roomMinor, Occupancy occupancy, Rounding rounding) {
        return roomMinor + vatOnTopMinor(roomMinor, rounding) + cityTaxMinor(occupancy);
    }

    /**
     * What the guest pays for a stay at these nightly room prices: the sum of {@link #nightTotalMinor} of
     * each night, with the VAT rate and the city tax worked out once rather than once a night.
     */
    public long stayTotalMinor(long[] roomMinor, Occupancy occupancy, Rounding rounding) {
        return forGuests(occupancy, rounding).stayTotalMinor(roomMinor);
    }

    /**
     * These taxes worked out for these guests, to total many stays at once (a search's offers): the VAT
     * rate and the city tax are read from their decimals once, not once an offer.
     */
    public GuestTaxes forGuests(Occupancy occupancy, Rounding rounding) {
        return new GuestTaxes(vatIncluded ? 0 : vatPpm(), cityTaxMinor(occupancy), rounding);
    }

    /**
     * {@link TaxPolicy} for one set of guests, in minor units.
     *
     * @param vatOnTopPpm the VAT added on top of prices, in parts per million; zero when prices include it
     */
    public record GuestTaxes(long vatOnTopPpm, long cityTaxMinor, Rounding rounding) {

        /** The sum of {@link TaxPolicy#nightTotalMinor} of each night. */
        public long stayTotalMinor(long[] roomMinor) {
            return stayTotalMinor(roomMinor, 0, roomMinor.length);
        }

        /** The sum of {@link TaxPolicy#nightTotalMinor} of the nights {@code roomMinor[from]} to {@code roomMinor[to - 1]}. */
        public long stayTotalMinor(long[] roomMinor, int from, int to) {
            Objects.checkFromToIndex(from, to, roomMinor.length);
            long total = 0;
            long vat = 0;
            for (int n = from; n < to; n++) {
                long room = roomMinor[n];
                if (n == from || room != roomMinor[n - 1]) { // nights in a row often cost the same: their VAT is divided out once
                    vat = vatOnTopPpm == 0 ? 0 : rounding.divide(Math.multiplyExact(room, vatOnTopPpm), 100 * PPM_PER_PERCENT);
                }
                total += room + vat + cityTaxMinor;
            }
            return total;
        }
    }

    /** The lines a night posts to a folio: room, VAT on top (zero when included), city tax. */
    public NightCharges nightCharges(Money room, Occupancy occupancy, Rounding rounding) {
        Currency currency = room.currency();
        cityTaxPerPersonNight.requireCurrency(currency);
        return new NightCharges(
                room,
                Money.ofMinor(vatOnTopMinor(room.minorUnits(), rounding), currency),
                Money.ofMinor(cityTaxMinor(occupancy), currency));
    }

    /** The VAT contained in an amount that includes it, for an invoice's breakdown. */
    public Money vatContainedIn(Money gross, Rounding rounding) {
        return rounding.includedVat(gross, vatPercent);
    }

    /** One night's charges. {@code vat} is zero when VAT is included in the room price. */
    public record NightCharges(Money room, Money vat, Money cityTax) {
        public Money total() {
            return room.plus(vat).plus(cityTax);
        }
    }
}
