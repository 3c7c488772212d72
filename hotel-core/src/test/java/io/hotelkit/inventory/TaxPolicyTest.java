package io.hotelkit.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Rounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaxPolicyTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_stay_total_is_the_sum_of_its_night_totals(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TaxPolicy taxes = new TaxPolicy(BigDecimal.valueOf(random.nextInt(0, 250_000), 4), random.nextBoolean(),
                Money.ofMinor(random.nextInt(0, 500), Money.currency("EUR")));
        Rounding rounding = new Rounding(RoundingMode.values()[random.nextInt(RoundingMode.values().length - 1)]);
        Occupancy occupancy = Occupancy.of(1 + random.nextInt(4), random.nextInt(3));
        long[] nights = random.longs(1 + random.nextInt(30), 0, 100_000_00).toArray();

        long sum = 0;
        for (long night : nights) {
            sum += taxes.nightTotalMinor(night, occupancy, rounding);
        }
        assertThat(taxes.stayTotalMinor(nights, occupancy, rounding)).as("seed %d", seed).isEqualTo(sum);
    }
}
