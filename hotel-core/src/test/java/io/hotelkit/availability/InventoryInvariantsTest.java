package io.hotelkit.availability;

import io.hotelkit.testing.InventoryInvariants;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of booking, changing, cancelling, out-of-order periods and blocks on a hotel in memory,
 * checked after every step against a brute-force count of what storage holds ({@link InventoryInvariants}):
 * no room is sold twice a night, no room type past its rooms plus overbooking, the engine agrees with the
 * count night by night, and the engine accepts exactly what the count says can be sold. A failure names its
 * seed and step, to replay. The JPA module runs the same contract on H2 and PostgreSQL with two engines.
 */
class InventoryInvariantsTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 24);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void random_operations_never_oversell_and_the_engine_matches_a_brute_force_count(long seed) {
        MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
        InventoryInvariants.run(seed, 250, clock, 1, i -> TestHotels.seeded(clock, seed));
    }
}
