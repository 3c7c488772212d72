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

    public static Occupancy of(int adults, int children) {
        return new Occupancy(adults, children);
    }

    public static Occupancy adults(int adults) {
        return new Occupancy(adults, 0);
    }

    public int persons() {
        return adults + children;
    }

    @Override
    public String toString() {
        return adults + " adults, " + children + " children";
    }
}
