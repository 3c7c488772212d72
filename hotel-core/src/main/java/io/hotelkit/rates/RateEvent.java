package io.hotelkit.rates;

import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.EventType;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What happens to rate plans and their prices. */
public sealed interface RateEvent extends EventPayload {

    /** A rate plan was created; a derived plan names its parent and its adjustment, others neither. */
    record RatePlanCreated(String name, @Nullable String derivedFrom, @Nullable BigDecimal adjustmentPercent)
            implements RateEvent {
        public EventType type() {
            return EventType.RATE_PLAN_CREATED;
        }
    }

    /** Prices were set: how many rows the update had, and how many nights they covered. */
    record RatesChanged(long rows, long nights) implements RateEvent {
        public EventType type() {
            return EventType.RATES_CHANGED;
        }
    }

    /**
     * A plan was given a deposit policy: its kind ({@code none}, {@code first_night}, {@code percent},
     * {@code full_stay}), the percent of a percent deposit, and the days before arrival it is due ({@code null}: at booking).
     */
    record DepositPolicySet(String kind, @Nullable BigDecimal percent, @Nullable Integer daysBeforeArrival) implements RateEvent {
        public EventType type() {
            return EventType.RATE_PLAN_DEPOSIT_POLICY_SET;
        }
    }
}
