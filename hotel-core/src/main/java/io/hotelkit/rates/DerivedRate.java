package io.hotelkit.rates;

import io.hotelkit.internal.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A rate plan priced from another: every amount of the parent's grid changed by {@code adjustmentPercent}
 * (-10 for a non-refundable rate 10 % below the flexible one) and rounded by the property's rounding;
 * restrictions are the parent's.
 */
public record DerivedRate(String parentRatePlan, BigDecimal adjustmentPercent) {

    public DerivedRate {
        Objects.requireNonNull(parentRatePlan, "parent rate plan");
        Objects.requireNonNull(adjustmentPercent, "adjustment percent");
        if (adjustmentPercent.compareTo(BigDecimal.valueOf(-100)) <= 0 || adjustmentPercent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException(
                    "adjustment percent must be above -100 and at most 1000, not " + adjustmentPercent.toPlainString());
        }
        if (adjustmentPercent.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("adjustment percent has at most 4 decimals, not " + adjustmentPercent.toPlainString());
        }
        adjustmentPercent = Decimals.normalized(adjustmentPercent);
    }
}
