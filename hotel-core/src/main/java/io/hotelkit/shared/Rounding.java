package io.hotelkit.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * How a property rounds computed amounts (taxes, percentages, derived prices) to its currency's minor
 * unit. Defined once per property and applied per line, so that a total is always the exact sum of the
 * lines a guest sees. The default is half-up to the cent.
 */
public record Rounding(RoundingMode mode) {

    public static final Rounding HALF_UP = new Rounding(RoundingMode.HALF_UP);

    public Rounding {
        Objects.requireNonNull(mode, "rounding mode");
        if (mode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding mode UNNECESSARY cannot round computed amounts");
        }
    }

    public Money round(BigDecimal amount, Currency currency) {
        return Money.of(amount.setScale(Money.scaleOf(currency), mode), currency);
    }

    /** {@code percent} % of {@code base}, rounded: {@code percentOf(100.00 EUR, 7)} is {@code 7.00 EUR}. */
    public Money percentOf(Money base, BigDecimal percent) {
        return round(base.amount().multiply(percent).movePointLeft(2), base.currency());
    }

    /** {@code base} changed by {@code percent} %, rounded: {@code adjust(100.00 EUR, -10)} is {@code 90.00 EUR}. */
    public Money adjust(Money base, BigDecimal percent) {
        return round(base.amount().multiply(BigDecimal.valueOf(100).add(percent)).movePointLeft(2), base.currency());
    }

    /**
     * The VAT contained in a gross amount that includes {@code percent} % VAT:
     * {@code gross - gross / (1 + percent / 100)}, rounded.
     */
    public Money includedVat(Money gross, BigDecimal percent) {
        if (percent.signum() == 0) {
            return Money.zero(gross.currency());
        }
        BigDecimal divisor = BigDecimal.valueOf(100).add(percent);
        BigDecimal net = gross.amount().multiply(BigDecimal.valueOf(100))
                .divide(divisor, Money.scaleOf(gross.currency()) + 6, RoundingMode.HALF_EVEN);
        return round(gross.amount().subtract(net), gross.currency());
    }

    /**
     * {@code numerator / denominator} rounded to a whole number by this rounding's mode, in exact integer
     * arithmetic: the same result as {@link #round} of the exact quotient. The availability engine prices
     * in minor units with it, the folio in money; both meet here.
     */
    public long divide(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, not " + denominator);
        }
        long quotient = Math.floorDiv(numerator, denominator);
        long remainder = numerator - quotient * denominator; // floorMod without a second division: 0 <= remainder < denominator
        if (remainder == 0) {
            return quotient;
        }
        long twice = 2 * remainder;
        boolean positive = numerator > 0;
        return switch (mode) {
            case FLOOR -> quotient;
            case CEILING -> quotient + 1;
            case DOWN -> positive ? quotient : quotient + 1;
            case UP -> positive ? quotient + 1 : quotient;
            case HALF_UP -> twice > denominator || (twice == denominator && positive) ? quotient + 1 : quotient;
            case HALF_DOWN -> twice > denominator || (twice == denominator && !positive) ? quotient + 1 : quotient;
            case HALF_EVEN -> twice > denominator || (twice == denominator && (quotient & 1) == 1) ? quotient + 1 : quotient;
            case UNNECESSARY -> throw new AssertionError("refused in the constructor");
        };
    }
}
