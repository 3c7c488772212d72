package io.hotelkit.internal;

import java.math.BigDecimal;

/** Percentages and other exact decimals in one form, so that {@code 7.50} and {@code 7.5} are the same value. */
public final class Decimals {

    private Decimals() {}

    /** The value without trailing zeros, and never in exponent form: {@code 7.50} is {@code 7.5}, {@code 100} is {@code 100}. */
    public static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
