package io.hotelkit.guests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How loyalty works: points earned per unit of money spent (taxes and city tax excluded), what a point
 * is worth when it pays, and the points each tier starts at. Immutable; checked when built.
 *
 * @param pointsPerUnit points per whole unit of the property's currency spent: 1 point per euro
 * @param pointValue what one point pays, in the property's currency: 0.01
 */
public record LoyaltyProgram(BigDecimal pointsPerUnit, BigDecimal pointValue, long silverFrom, long goldFrom, long platinumFrom) {

    public static final LoyaltyProgram DEFAULT = new LoyaltyProgram(BigDecimal.ONE, new BigDecimal("0.01"), 1_000, 5_000, 20_000);

    public LoyaltyProgram {
        Objects.requireNonNull(pointsPerUnit, "points per unit");
        Objects.requireNonNull(pointValue, "point value");
        if (pointsPerUnit.signum() < 0) {
            throw new IllegalArgumentException("points per unit must not be negative, not " + pointsPerUnit);
        }
        if (pointValue.signum() <= 0) {
            throw new IllegalArgumentException("point value must be more than zero, not " + pointValue);
        }
        if (silverFrom < 1 || goldFrom <= silverFrom || platinumFrom <= goldFrom) {
            throw new IllegalArgumentException("tier thresholds must rise: silver " + silverFrom + ", gold " + goldFrom
                    + ", platinum " + platinumFrom);
        }
    }

    /** Points earned for spending {@code amount}, rounded down. */
    public long pointsFor(BigDecimal amount) {
        return amount.signum() <= 0 ? 0 : amount.multiply(pointsPerUnit).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** The points that pay {@code amount}, rounded up so that points never pay more than they are worth. */
    public long pointsToPay(BigDecimal amount) {
        return amount.divide(pointValue, 0, RoundingMode.CEILING).longValueExact();
    }

    public LoyaltyTier tierOf(long points) {
        return points >= platinumFrom ? LoyaltyTier.PLATINUM
                : points >= goldFrom ? LoyaltyTier.GOLD
                : points >= silverFrom ? LoyaltyTier.SILVER
                : LoyaltyTier.BASIC;
    }
}
