package io.hotelkit.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Identity generation: time-ordered 26-character ids (the ULID layout: 48 bits of milliseconds, then 80
 * random bits, in Crockford base 32), so that ids sort by creation and index well in a B-tree. Ids made
 * in the same millisecond count up from the one before by a random step of up to 2^32, so they sort in
 * the order they were made too.
 *
 * <p>Who may read a booking is decided by API keys and property scope, never by knowing an id; still, an
 * id a client receives must tell it nothing of the ids other clients get (OWASP API1, broken object level
 * authorization, is worse where ids can be guessed). So the random bits come from {@link SecureRandom}
 * on every draw: a generator seeded once (the {@code SplittableRandom} used before) gives its whole state
 * away in one id, and with it every id after.
 */
public final class Ids implements IdGenerator {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int MAX_LENGTH = 64;
    private static final long FORTY_BITS = (1L << 40) - 1;
    /** The random part of the step from one id to the next within a millisecond. */
    private static final long STEP_BITS = (1L << 32) - 1;

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = Long.MIN_VALUE;
    private long lastHigh;
    private long lastLow;

    private Ids(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public static Ids timeOrdered(Clock clock) {
        return new Ids(clock, new SecureRandom());
    }

    /** Deterministic ids for tests and replays: the same seed and clock give the same ids, and are predictable. */
    public static Ids seeded(Clock clock, long seed) {
        return new Ids(clock, new SplittableRandom(seed));
    }

    @Override
    public String next() {
        long millis;
        long high;
        long low;
        synchronized (this) {
            millis = clock.millis();
            if (millis <= lastMillis) {
                // the same millisecond (or a clock that stands still or steps back): count up from the last id,
                // so that ids made one after another sort one after another
                millis = lastMillis;
                long next = lastLow + 1 + (random.nextLong() & STEP_BITS);
                lastLow = next & FORTY_BITS;
                if (next > FORTY_BITS) {
                    lastHigh = (lastHigh + 1) & FORTY_BITS;
                }
            } else {
                lastMillis = millis;
                lastHigh = random.nextLong() & FORTY_BITS;
                lastLow = random.nextLong() & FORTY_BITS;
            }
            high = lastHigh;
            low = lastLow;
        }
        char[] id = new char[26];
        for (int i = 9; i >= 0; i--) {
            id[i] = CROCKFORD[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = 17; i >= 10; i--) {
            id[i] = CROCKFORD[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            id[i] = CROCKFORD[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(id);
    }

    @Override
    public String confirmationCode() {
        long bits;
        synchronized (this) {
            bits = random.nextLong(); // 40 of its bits, 5 a character
        }
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CROCKFORD[(int) ((bits >>> (i * 5)) & 31)];
        }
        return new String(code);
    }

    static void requireWellFormed(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
        }
    }
}
