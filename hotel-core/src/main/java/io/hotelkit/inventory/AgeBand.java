package io.hotelkit.inventory;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.Occupancy;
import java.util.Objects;

/**
 * Children of ages {@code minAge} to {@code maxAge} (inclusive) in a room type: free (an infant), or at the
 * rate plan's child price ({@code extra_child} of its grid). A child older than every band of its room type
 * pays as an adult; a child whose age is not given pays the child price, as before ages.
 */
public record AgeBand(String code, int minAge, int maxAge, Price price) {

    /** What a child of the band pays a night. */
    public enum Price {
        FREE,
        CHILD
    }

    public AgeBand {
        code = Codes.require(code, "age band code");
        if (minAge < 0 || maxAge > Occupancy.MAX_CHILD_AGE || minAge > maxAge) {
            throw new IllegalArgumentException("an age band is from 0 to " + Occupancy.MAX_CHILD_AGE
                    + ", its min age at most its max age, not " + minAge + "-" + maxAge);
        }
        Objects.requireNonNull(price, "age band price");
    }

    public boolean covers(int age) {
        return age >= minAge && age <= maxAge;
    }
}
