package io.hotelkit.billing;

import io.hotelkit.rates.DepositPolicy;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a booking owes before arrival, frozen from its rate plan's {@link DepositPolicy} when it was made: how
 * much and by when. What is paid towards it is the booking's {@linkplain Payment#deposit() deposit payments}
 * less their refunds, read from the payments, never kept twice. A deposit is held until it is settled: at
 * check-out, or by a cancellation or a no-show, which refunds it or keeps the policy's fee from it.
 *
 * @param due the deposit asked for; zero for a booking whose plan asks none but which was paid a deposit anyway
 * @param dueOn the business date it is due on
 * @param settledOn the business date the booking was checked out, cancelled or marked a no-show; {@code null}
 *     while the deposit is held
 */
public record Deposit(
        BookingId bookingId,
        PropertyId propertyId,
        DepositPolicy policy,
        Money due,
        LocalDate dueOn,
        @Nullable LocalDate settledOn,
        long version) implements Versioned<Deposit> {

    public Deposit {
        Objects.requireNonNull(bookingId, "booking id");
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(policy, "deposit policy");
        Objects.requireNonNull(due, "due").requireNotNegative("a deposit");
        Objects.requireNonNull(dueOn, "due on");
    }

    /** A booking's deposit as its policy asks, not yet paid nor settled. */
    public static Deposit of(BookingId bookingId, PropertyId propertyId, DepositPolicy policy, Money due, LocalDate dueOn) {
        return new Deposit(bookingId, propertyId, policy, due, dueOn, null, 0);
    }

    public boolean isHeld() {
        return settledOn == null;
    }

    /** Whether the deposit is held on the evening of {@code date}: not settled on or before it. */
    public boolean isHeldOn(LocalDate date) {
        return settledOn == null || settledOn.isAfter(date);
    }

    public Deposit settled(LocalDate on) {
        return new Deposit(bookingId, propertyId, policy, due, dueOn, Objects.requireNonNull(on, "settled on"), version);
    }

    @Override
    public Deposit withVersion(long newVersion) {
        return new Deposit(bookingId, propertyId, policy, due, dueOn, settledOn, newVersion);
    }
}
