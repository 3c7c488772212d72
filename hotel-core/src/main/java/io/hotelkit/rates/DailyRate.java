package io.hotelkit.rates;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.Money;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One night of a rate plan's grid for one room type: the price for the type's base occupancy, what each
 * further adult and each child adds, and the restrictions. The meaning of the restrictions is
 * {@code RateGrid}'s.
 *
 * @param minStay the shortest stay arriving this night, or {@code null} for no minimum
 * @param maxStay the longest stay arriving this night, or {@code null} for no maximum
 */
public record DailyRate(
        String roomType,
        LocalDate night,
        Money amount,
        Money extraAdult,
        Money extraChild,
        @Nullable Integer minStay,
        @Nullable Integer maxStay,
        boolean closed,
        boolean closedToArrival,
        boolean closedToDeparture) {

    /** Restrictions are kept in a short; a longer stay than this is never sold anyway. */
    static final int LONGEST_RESTRICTION = 730;

    public DailyRate {
        Codes.require(roomType, "room type code");
        Objects.requireNonNull(night, "night");
        Objects.requireNonNull(amount, "amount").requireNotNegative("amount");
        Objects.requireNonNull(extraAdult, "extra adult").requireNotNegative("extra adult").requireCurrency(amount.currency());
        Objects.requireNonNull(extraChild, "extra child").requireNotNegative("extra child").requireCurrency(amount.currency());
        if (minStay != null && (minStay < 1 || minStay > LONGEST_RESTRICTION)) {
            throw new IllegalArgumentException("min stay must be between 1 and " + LONGEST_RESTRICTION + ", not " + minStay);
        }
        if (maxStay != null && (maxStay < 1 || maxStay > LONGEST_RESTRICTION)) {
            throw new IllegalArgumentException("max stay must be between 1 and " + LONGEST_RESTRICTION + ", not " + maxStay);
        }
        if (minStay != null && maxStay != null && minStay > maxStay) {
            throw new IllegalArgumentException("min stay " + minStay + " is more than max stay " + maxStay);
        }
    }
}
