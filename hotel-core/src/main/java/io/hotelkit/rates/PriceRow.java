package io.hotelkit.rates;

import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One row of a price update: the same price and restrictions for every night of {@code nights}.
 *
 * @param extraAdult defaults to zero
 * @param extraChild defaults to zero
 */
public record PriceRow(
        String roomType,
        DateRange nights,
        Money amount,
        @Nullable Money extraAdult,
        @Nullable Money extraChild,
        @Nullable Integer minStay,
        @Nullable Integer maxStay,
        boolean closed,
        boolean closedToArrival,
        boolean closedToDeparture) {

    public PriceRow {
        Objects.requireNonNull(roomType, "room type");
        Objects.requireNonNull(nights, "nights");
        Objects.requireNonNull(amount, "amount");
    }

    /** Each night of the row as a grid night. */
    public Stream<DailyRate> nightsAsRates() {
        Money zero = Money.zero(amount.currency());
        return nights.dates().map(night -> new DailyRate(roomType, night, amount,
                extraAdult == null ? zero : extraAdult, extraChild == null ? zero : extraChild,
                minStay, maxStay, closed, closedToArrival, closedToDeparture));
    }
}
