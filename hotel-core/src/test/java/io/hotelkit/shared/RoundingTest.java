package io.hotelkit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundingTest {

    @ParameterizedTest
    @EnumSource(value = RoundingMode.class, names = "UNNECESSARY", mode = EnumSource.Mode.EXCLUDE)
    void integer_division_rounds_as_big_decimal_does(RoundingMode mode) {
        Rounding rounding = new Rounding(mode);
        SplittableRandom random = new SplittableRandom(mode.ordinal());
        for (int i = 0; i < 20_000; i++) {
            long numerator = random.nextLong(-10_000_000L, 10_000_000L);
            long denominator = 1 + random.nextLong(1_000_000L);
            long expected = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, mode).longValueExact();
            assertThat(rounding.divide(numerator, denominator)).as("%d / %d", numerator, denominator).isEqualTo(expected);
        }
    }
}
