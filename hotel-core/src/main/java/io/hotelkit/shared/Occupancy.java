package io.hotelkit.shared;

/** Who stays: at least one adult, and any number of children. */
public record Occupancy(int adults, int children) {

    public Occupancy {
        if (adults < 1) {
            throw new IllegalArgumentException("adults must be at least 1, not " + adults);
        }
        if (children < 0) {
            throw new IllegalArgumentException("children must not be negative, not " + children);
        }
    }

    /** The everyday occupancies, made once: every booking keeps one. */
    private static final Occupancy[][] COMMON = new Occupancy[5][4];

    static {
        for (int adults = 1; adults < COMMON.length; adults++) {
            for (int children = 0; children < COMMON[adults].length; children++) {
                COMMON[adults][children] = new Occupancy(adults, children);
            }
        }
    }

    public static Occupancy of(int adults, int children) {
        boolean common = adults >= 1 && adults < COMMON.length && children >= 0 && children < COMMON[adults].length;
        return common ? COMMON[adults][children] : new Occupancy(adults, children);
    }

    public static Occupancy adults(int adults) {
        return of(adults, 0);
    }

    public int persons() {
        return adults + children;
    }

    @Override
    public String toString() {
        return adults + " adults, " + children + " children";
    }
}
