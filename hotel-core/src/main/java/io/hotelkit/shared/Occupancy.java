package io.hotelkit.shared;

import java.util.List;
import java.util.Objects;

/**
 * Who stays: at least one adult, and any number of children, with their ages when the booker gives them
 * (a room type's age bands price children by age, a city tax may exempt them).
 *
 * @param childrenAges empty, or one age (0 to 17) per child
 */
public record Occupancy(int adults, int children, List<Integer> childrenAges) {

    /** The oldest a child can be: from 18 a guest is an adult. */
    public static final int MAX_CHILD_AGE = 17;

    public Occupancy {
        if (adults < 1) {
            throw new IllegalArgumentException("adults must be at least 1, not " + adults);
        }
        if (children < 0) {
            throw new IllegalArgumentException("children must not be negative, not " + children);
        }
        childrenAges = List.copyOf(Objects.requireNonNull(childrenAges, "children's ages"));
        if (!childrenAges.isEmpty() && childrenAges.size() != children) {
            throw new IllegalArgumentException("children's ages must be given for each of the " + children + " children, not for "
                    + childrenAges.size());
        }
        for (int age : childrenAges) {
            if (age < 0 || age > MAX_CHILD_AGE) {
                throw new IllegalArgumentException("a child's age is from 0 to " + MAX_CHILD_AGE + ", not " + age);
            }
        }
    }

    /** Guests whose children's ages are not given. */
    public Occupancy(int adults, int children) {
        this(adults, children, List.of());
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

    /** Adults and children of these ages. */
    public static Occupancy of(int adults, List<Integer> childrenAges) {
        return childrenAges.isEmpty() ? adults(adults) : new Occupancy(adults, childrenAges.size(), childrenAges);
    }

    public static Occupancy adults(int adults) {
        return of(adults, 0);
    }

    public int persons() {
        return adults + children;
    }

    /** Whether the children's ages are given. */
    public boolean agesKnown() {
        return children == 0 || !childrenAges.isEmpty();
    }

    /** The persons who are not known to be younger than {@code age}: every adult, and children of that age or older or of no given age. */
    public int personsAged(int age) {
        if (childrenAges.isEmpty()) {
            return persons();
        }
        int count = adults;
        for (int childAge : childrenAges) {
            if (childAge >= age) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return adults + " adults, " + children + " children" + (childrenAges.isEmpty() ? "" : " aged " + childrenAges);
    }
}
