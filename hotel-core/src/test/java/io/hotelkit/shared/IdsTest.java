package io.hotelkit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.testing.MutableClock;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ids sort by creation, and one id tells nothing of the next. */
class IdsTest {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final long FORTY_BITS = (1L << 40) - 1;

    /**
     * The attack the issue describes, run: a client takes one id, recovers the state of a generator seeded
     * once ({@code SplittableRandom}: 24 unknown bits beside the 40 the id shows, tried in turn, each
     * checked against the id's other 40), and computes the next id the server will hand out to anyone.
     */
    @Test
    void one_id_does_not_give_away_the_next() {
        MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
        Ids ids = Ids.timeOrdered(clock);
        String seen = ids.next();
        clock.advance(Duration.ofMillis(1));
        String next = ids.next();

        String predicted = predictNext(seen, Instant.parse("2026-12-01T10:00:00.001Z").toEpochMilli());

        assertThat(predicted).as("the id after %s", seen).isNotEqualTo(next);
    }

    /** The next id of a once-seeded SplittableRandom, from one id, if its state can be recovered; else null. */
    private static String predictNext(String id, long nextMillis) {
        long high = bits(id.substring(10, 18));
        long low = bits(id.substring(18, 26));
        long gamma = 0x9e3779b97f4a7c15L; // SplittableRandom(seed)'s
        for (long unknown = 0; unknown < 1L << 24; unknown++) {
            long seed = unmix64((unknown << 40) | high); // the state that gave the high bits
            if ((mix64(seed + gamma) & FORTY_BITS) == low) {
                return id(nextMillis, mix64(seed + 2 * gamma) & FORTY_BITS, mix64(seed + 3 * gamma) & FORTY_BITS);
            }
        }
        return null;
    }

    /** Within a millisecond, across milliseconds and when the clock steps back, ids sort as they were made. */
    @Test
    void ids_sort_as_made_and_never_count_up_by_one() {
        MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
        Ids ids = Ids.timeOrdered(clock);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
            if (i >= 5_000) { // first 5,000 in one millisecond, then a clock that moves on and back
                clock.advance(Duration.ofMillis(i % 3 == 0 ? 1 : i % 7 == 0 ? -2 : 0));
            }
        }

        assertThat(made).isSorted().doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).hasSize(26));
        var steps = new HashSet<BigInteger>();
        for (int i = 1; i < 5_000; i++) {
            steps.add(random(made.get(i)).subtract(random(made.get(i - 1))));
        }
        assertThat(steps).as("steps from one id to the next in a millisecond").doesNotContain(BigInteger.ONE)
                .hasSizeGreaterThan(4_990);
    }

    private static BigInteger random(String id) {
        return BigInteger.valueOf(bits(id.substring(10, 18))).shiftLeft(40).or(BigInteger.valueOf(bits(id.substring(18, 26))));
    }

    private static long bits(String crockford) {
        long value = 0;
        for (char c : crockford.toCharArray()) {
            value = value << 5 | CROCKFORD.indexOf(c);
        }
        return value;
    }

    private static String id(long millis, long high, long low) {
        char[] id = new char[26];
        for (int i = 9; i >= 0; i--, millis >>>= 5) {
            id[i] = CROCKFORD.charAt((int) (millis & 31));
        }
        for (int i = 17; i >= 10; i--, high >>>= 5) {
            id[i] = CROCKFORD.charAt((int) (high & 31));
        }
        for (int i = 25; i >= 18; i--, low >>>= 5) {
            id[i] = CROCKFORD.charAt((int) (low & 31));
        }
        return new String(id);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long unmix64(long z) {
        z = z ^ (z >>> 31) ^ (z >>> 62);
        z *= inverse(0x94d049bb133111ebL);
        z = z ^ (z >>> 27) ^ (z >>> 54);
        z *= inverse(0xbf58476d1ce4e5b9L);
        return z ^ (z >>> 30) ^ (z >>> 60);
    }

    /** The multiplicative inverse of an odd number modulo 2^64 (Newton's iteration). */
    private static long inverse(long odd) {
        long inverse = odd;
        for (int i = 0; i < 6; i++) {
            inverse *= 2 - odd * inverse;
        }
        return inverse;
    }
}
