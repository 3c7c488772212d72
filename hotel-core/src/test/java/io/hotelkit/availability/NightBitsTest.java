package io.hotelkit.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NightBitsTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void is_clear_answers_as_a_night_by_night_check_does(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long base = 20_000 + random.nextInt(200); // around 2024, days not aligned to words
        NightBits bits = new NightBits();
        BitSet model = new BitSet();
        for (int step = 0; step < 2_000; step++) {
            int day = random.nextInt(400);
            if (random.nextBoolean()) {
                bits.set(base + day);
                model.set(day);
            } else {
                bits.clear(base + day);
                model.clear(day);
            }
            int from = random.nextInt(-50, 420);
            int nights = 1 + random.nextInt(150);
            boolean expected = from + nights <= 0 || model.get(Math.max(from, 0), Math.max(from + nights, 0)).isEmpty();
            assertThat(bits.isClear(base + from, nights)).as("seed %d step %d: [%d, +%d)", seed, step, from, nights)
                    .isEqualTo(expected);
        }
    }
}
