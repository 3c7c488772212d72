package io.hotelkit.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Identity generation: time-ordered 26-character ids (the ULID layout: 48 bits of milliseconds, then 80
 * random bits, in Crockford base 32), so that ids sort by creation and index well in a B-tree.
 */
public final class Ids implements IdGenerator {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int MAX_LENGTH = 64;

    private final Clock clock;
    private final RandomGenerator random;

    private Ids(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public static Ids timeOrdered(Clock clock) {
        return new Ids(clock, new SecureRandom());
    }

    /** Deterministic ids for tests and replays: the same seed and clock give the same ids. */
    public static Ids seeded(Clock clock, long seed) {
        return new Ids(clock, new java.util.SplittableRandom(seed));
    }

    @Override
    public String next() {
        char[] id = new char[26];
        long millis = clock.millis();
        for (int i = 9; i >= 0; i--) {
            id[i] = CROCKFORD[(int) (millis & 31)];
            millis >>>= 5;
        }
        long high;
        long low;
        synchronized (this) {
            high = random.nextLong();
            low = random.nextLong();
        }
        for (int i = 10; i < 26; i++) {
            long source = i < 18 ? high : low;
            id[i] = CROCKFORD[(int) ((source >>> ((i % 8) * 5)) & 31)];
        }
        return new String(id);
    }

    @Override
    public String confirmationCode() {
        long bits;
        synchronized (this) {
            bits = random.nextLong(); // 40 of its bits, 5 a character: one draw, not eight from a SecureRandom
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
