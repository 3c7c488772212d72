package io.hotelkit.rates;

import io.hotelkit.internal.Decimals;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Rounding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What cancelling costs: nothing while at least {@code freeUntilDaysBefore} days remain before arrival,
 * then the penalty. A no-show always pays the penalty. Fees are of the room prices frozen in the booking, taxes
 * aside.
 *
 * @param percent the share of the stay's room price charged, for {@link Penalty#PERCENT} only
 */
public record CancellationPolicy(int freeUntilDaysBefore, Penalty penalty, @Nullable BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Penalty {
        NONE,
        FIRST_NIGHT,
        FULL_STAY,
        PERCENT
    }

    public CancellationPolicy {
        if (freeUntilDaysBefore < 0 || freeUntilDaysBefore > 730) {
            throw new IllegalArgumentException(
                    "free until days before must be between 0 and 730, not " + freeUntilDaysBefore);
        }
        Objects.requireNonNull(penalty, "penalty");
        if (penalty == Penalty.PERCENT) {
            if (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("a percent penalty needs a percent above 0 and at most 100, not " + percent);
            }
        } else if (percent != null) {
            throw new IllegalArgumentException("percent is only for the percent penalty, not for " + penalty);
        }
        percent = percent == null ? null : Decimals.normalized(percent);
    }

    /** Free whenever cancelled; a no-show pays nothing either. */
    public static CancellationPolicy freeCancellation() {
        return new CancellationPolicy(0, Penalty.NONE, null);
    }

    public static CancellationPolicy nonRefundable() {
        return new CancellationPolicy(0, Penalty.FULL_STAY, null);
    }

    /**
     * Whether cancelling on business date {@code on} a stay arriving on {@code checkin} costs nothing: with
     * no penalty always, else while at least {@code freeUntilDaysBefore} days remain before arrival. A
     * policy with {@code freeUntilDaysBefore} 0 has no free period.
     */
    public boolean isFree(LocalDate checkin, LocalDate on) {
        return penalty == Penalty.NONE
                || freeUntilDaysBefore > 0 && ChronoUnit.DAYS.between(on, checkin) >= freeUntilDaysBefore;
    }

    /** The fee for cancelling on business date {@code on}; zero while cancellation is free. */
    public Money cancellationFee(List<Money> nightly, LocalDate checkin, LocalDate on, Rounding rounding) {
        return isFree(checkin, on) ? Money.zero(nightly.getFirst().currency()) : penalty(nightly, rounding);
    }

    /** The fee for not arriving: the penalty, whatever the free period was. */
    public Money noShowFee(List<Money> nightly, Rounding rounding) {
        return penalty(nightly, rounding);
    }

    private Money penalty(List<Money> nightly, Rounding rounding) {
        Money stay = nightly.stream().reduce(Money::plus).orElseThrow();
        return switch (penalty) {
            case NONE -> Money.zero(stay.currency());
            case FIRST_NIGHT -> nightly.getFirst();
            case FULL_STAY -> stay;
            case PERCENT -> rounding.percentOf(stay, Objects.requireNonNull(percent));
        };
    }
}
