package io.hotelkit.jpa;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Percentages come back from the database in one canonical form, whatever scale they were written with. */
final class Decimals {

    private Decimals() {}

    /**
     * The value without trailing zeros and with a scale of at least 0: {@code 19.00} and {@code 19} both
     * read as {@code 19}, {@code 7.50} as {@code 7.5}. PostgreSQL's {@code numeric} keeps the scale it was
     * given and H2's {@code decfloat} drops it, so the mappers make both read alike.
     */
    static @Nullable BigDecimal canonical(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
