package io.hotelkit.rates;

import io.hotelkit.internal.Decimals;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Rounding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a rate plan asks to be paid before arrival, and when: nothing, the first night, a share of the stay
 * or all of it, of the room prices frozen in the booking (taxes aside, as the cancellation policy's fees);
 * due when booked or a number of days before arrival.
 *
 * @param percent the share of the stay's room price, for {@link Kind#PERCENT} only
 * @param daysBeforeArrival the deposit is due this many days before arrival (never before the booking was
 *     made); {@code null}: due on the day of booking
 */
public record DepositPolicy(Kind kind, @Nullable BigDecimal percent, @Nullable Integer daysBeforeArrival) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The furthest ahead a deposit can be due: two years, as far as the cancellation policy's free period. */
    public static final int MAX_DAYS_BEFORE_ARRIVAL = 730;

    public enum Kind {
        NONE,
        FIRST_NIGHT,
        PERCENT,
        FULL_STAY
    }

    public DepositPolicy {
        Objects.requireNonNull(kind, "deposit kind");
        if (kind == Kind.PERCENT) {
            if (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("a percent deposit needs a percent above 0 and at most 100, not " + percent);
            }
        } else if (percent != null) {
            throw new IllegalArgumentException("percent is only for the percent deposit, not for " + kind);
        }
        if (daysBeforeArrival != null && (daysBeforeArrival < 0 || daysBeforeArrival > MAX_DAYS_BEFORE_ARRIVAL)) {
            throw new IllegalArgumentException("days before arrival must be between 0 and " + MAX_DAYS_BEFORE_ARRIVAL
                    + ", not " + daysBeforeArrival);
        }
        if (kind == Kind.NONE && daysBeforeArrival != null) {
            throw new IllegalArgumentException("a plan without a deposit has no due date");
        }
        percent = percent == null ? null : Decimals.normalized(percent);
    }

    /** No deposit: every plan's policy until it is given one. */
    public static DepositPolicy none() {
        return new DepositPolicy(Kind.NONE, null, null);
    }

    /** A deposit due on the day of booking. */
    public static DepositPolicy atBooking(Kind kind, @Nullable BigDecimal percent) {
        return new DepositPolicy(kind, percent, null);
    }

    /** A deposit due {@code days} days before arrival. */
    public static DepositPolicy daysBefore(Kind kind, @Nullable BigDecimal percent, int days) {
        return new DepositPolicy(kind, percent, days);
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** The deposit for a stay at these nightly room prices, rounded once with the property's rounding. */
    public Money amount(List<Money> nightly, Rounding rounding) {
        Money stay = nightly.stream().reduce(Money::plus).orElseThrow(() -> new IllegalArgumentException("a stay has nights"));
        return switch (kind) {
            case NONE -> Money.zero(stay.currency());
            case FIRST_NIGHT -> nightly.getFirst();
            case FULL_STAY -> stay;
            case PERCENT -> rounding.percentOf(stay, Objects.requireNonNull(percent));
        };
    }

    /**
     * The business date the deposit is due on for a booking made on {@code bookedOn} arriving on
     * {@code checkin}: the booking date, or {@link #daysBeforeArrival} before arrival but never before
     * the booking was made.
     */
    public LocalDate dueOn(LocalDate bookedOn, LocalDate checkin) {
        if (daysBeforeArrival == null) {
            return bookedOn;
        }
        LocalDate due = checkin.minusDays(daysBeforeArrival);
        return due.isBefore(bookedOn) ? bookedOn : due;
    }
}
