package io.hotelkit.availability;

import io.hotelkit.rates.DailyRate;
import io.hotelkit.shared.Rounding;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * One plan's grid for one room type, as arrays indexed by night (epoch day minus {@code firstDay}),
 * amounts in minor units. A night without a price has amount {@code -1}. Grows as nights are set.
 *
 * <p>Copied on write: {@code RateGrid} sets nights only on a {@link #copy()} of the grid readers see, and
 * replaces it after, so that an offer can keep a slice of {@link #amounts()} as its nightly prices.
 * Not thread-safe: {@code RateGrid}'s owner guards the copy being written.
 */
final class NightRates {

    static final long NO_PRICE = -1;
    private static final long PPM = 1_000_000;
    static final byte CLOSED = 1;
    static final byte CLOSED_TO_ARRIVAL = 2;
    static final byte CLOSED_TO_DEPARTURE = 4;

    private long firstDay;
    private long[] amount = new long[0];
    private long[] extraAdult = new long[0];
    private long[] extraChild = new long[0];
    private short[] minStay = new short[0];
    private short[] maxStay = new short[0];
    private byte[] flags = new byte[0];

    /** A grid with the same nights, to write on while readers keep reading this one. */
    NightRates copy() {
        NightRates copy = new NightRates();
        copy.firstDay = firstDay;
        copy.amount = amount.clone();
        copy.extraAdult = extraAdult.clone();
        copy.extraChild = extraChild.clone();
        copy.minStay = minStay.clone();
        copy.maxStay = maxStay.clone();
        copy.flags = flags.clone();
        return copy;
    }

    /**
     * A derived plan's grid: each amount of this one multiplied by {@code factorPpm} parts per million and
     * rounded, nights without a price and the restrictions as they are.
     */
    NightRates derived(long factorPpm, Rounding rounding) {
        NightRates derived = new NightRates();
        derived.firstDay = firstDay;
        derived.amount = new long[amount.length];
        derived.extraAdult = new long[amount.length];
        derived.extraChild = new long[amount.length];
        for (int i = 0; i < amount.length; i++) {
            derived.amount[i] = amount[i] == NO_PRICE ? NO_PRICE : adjusted(amount[i], factorPpm, rounding);
            derived.extraAdult[i] = adjusted(extraAdult[i], factorPpm, rounding);
            derived.extraChild[i] = adjusted(extraChild[i], factorPpm, rounding);
        }
        derived.minStay = minStay.clone();
        derived.maxStay = maxStay.clone();
        derived.flags = flags.clone();
        return derived;
    }

    /** {@code minor × factorPpm / 1,000,000}, rounded; exact for any amount (in decimals past a {@code long}'s product). */
    static long adjusted(long minor, long factorPpm, Rounding rounding) {
        long high = Math.multiplyHigh(minor, factorPpm);
        long low = minor * factorPpm;
        if (high == (low >> 63)) {
            return rounding.divide(low, PPM);
        }
        return BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(factorPpm))
                .divide(BigDecimal.valueOf(PPM), 0, rounding.mode()).longValueExact();
    }

    void set(DailyRate rate) {
        int i = indexForWrite(rate.night().toEpochDay());
        amount[i] = rate.amount().minorUnits();
        extraAdult[i] = rate.extraAdult().minorUnits();
        extraChild[i] = rate.extraChild().minorUnits();
        minStay[i] = (short) (rate.minStay() == null ? 0 : rate.minStay());
        maxStay[i] = (short) (rate.maxStay() == null ? 0 : rate.maxStay());
        flags[i] = (byte) ((rate.closed() ? CLOSED : 0)
                | (rate.closedToArrival() ? CLOSED_TO_ARRIVAL : 0)
                | (rate.closedToDeparture() ? CLOSED_TO_DEPARTURE : 0));
    }

    /** The index of the night, or -1 when the grid has never had it. */
    int index(long day) {
        long i = day - firstDay;
        return i >= 0 && i < amount.length ? (int) i : -1;
    }

    /** The price of night {@code i}, or {@link #NO_PRICE} for a night outside the grid. */
    long amount(int i) {
        return i >= 0 && i < amount.length ? amount[i] : NO_PRICE;
    }

    /**
     * The amounts themselves, indexed as {@link #index} says: never written once this grid is read (a write
     * goes to a {@link #copy()}), so that nightly prices can be a slice of them.
     */
    long[] amounts() {
        return amount;
    }

    long extraAdult(int i) {
        return extraAdult[i];
    }

    long extraChild(int i) {
        return extraChild[i];
    }

    int minStay(int i) {
        return minStay[i];
    }

    int maxStay(int i) {
        return maxStay[i];
    }

    boolean has(int i, byte flag) {
        return i >= 0 && i < flags.length && (flags[i] & flag) != 0;
    }

    private int indexForWrite(long day) {
        if (amount.length == 0) {
            firstDay = day;
            grow(0, 64);
        } else if (day < firstDay) {
            int extra = (int) Math.max(firstDay - day, amount.length / 2);
            grow(extra, amount.length + extra);
            firstDay -= extra;
        } else if (day - firstDay >= amount.length) {
            grow(0, (int) Math.max(day - firstDay + 1, amount.length * 2L));
        }
        return (int) (day - firstDay);
    }

    /** Reallocates to {@code length} nights, shifting the existing ones {@code shift} places right. */
    private void grow(int shift, int length) {
        long[] newAmount = new long[length];
        Arrays.fill(newAmount, NO_PRICE);
        System.arraycopy(amount, 0, newAmount, shift, amount.length);
        amount = newAmount;
        extraAdult = shifted(extraAdult, shift, length);
        extraChild = shifted(extraChild, shift, length);
        short[] newMin = new short[length];
        System.arraycopy(minStay, 0, newMin, shift, minStay.length);
        minStay = newMin;
        short[] newMax = new short[length];
        System.arraycopy(maxStay, 0, newMax, shift, maxStay.length);
        maxStay = newMax;
        byte[] newFlags = new byte[length];
        System.arraycopy(flags, 0, newFlags, shift, flags.length);
        flags = newFlags;
    }

    private static long[] shifted(long[] values, int shift, int length) {
        long[] copy = new long[length];
        System.arraycopy(values, 0, copy, shift, values.length);
        return copy;
    }
}
