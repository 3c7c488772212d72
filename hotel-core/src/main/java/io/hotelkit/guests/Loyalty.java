package io.hotelkit.guests;

import io.hotelkit.shared.Events;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.util.Objects;

/** Earning points for stays and paying with them. */
public final class Loyalty {

    private final LoyaltyAccounts accounts;
    private final Guests guests;
    private final LoyaltyProgram program;
    private final UnitOfWork transactions;
    private final Events events;
    private final Clock clock;

    public Loyalty(LoyaltyAccounts accounts, Guests guests, LoyaltyProgram program, UnitOfWork transactions, Events events,
            Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "loyalty accounts");
        this.guests = Objects.requireNonNull(guests, "guests");
        this.program = Objects.requireNonNull(program, "loyalty program");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LoyaltyProgram program() {
        return program;
    }

    /** The guest's account; a guest who never earned has an empty one. */
    public LoyaltyAccount account(GuestId guestId) {
        return accounts.findBy(guestId).orElseGet(() -> LoyaltyAccount.open(guestId));
    }

    /**
     * Credits the points a stay earned, once per {@code reference}, to a guest who opted in; inside the
     * caller's transaction.
     */
    public void earn(GuestId guestId, Money spent, String reference) {
        Guest guest = guests.findBy(guestId).orElse(null);
        long points = program.pointsFor(spent.amount());
        if (guest == null || !guest.loyaltyOptIn() || guest.isErased() || points == 0) {
            return;
        }
        transactions.run(() -> {
            LoyaltyAccount account = account(guestId);
            if (account.has(reference)) {
                return;
            }
            accounts.save(account.with(new LoyaltyAccount.Entry(clock.instant(), points, "stay", reference)));
            record(guestId, points, reference);
        });
    }

    /**
     * Takes the points that pay {@code amount}, inside the caller's transaction.
     *
     * @return the points taken
     * @throws InsufficientPointsException if the guest has not enough
     */
    public long redeem(GuestId guestId, Money amount, String reference) {
        long points = program.pointsToPay(amount.amount());
        LoyaltyAccount account = account(guestId);
        accounts.save(account.with(new LoyaltyAccount.Entry(clock.instant(), -points, "payment", reference)));
        record(guestId, -points, reference);
        return points;
    }

    /** Gives back points a refund of a points payment returns, inside the caller's transaction. */
    public void restore(GuestId guestId, long points, String reference) {
        LoyaltyAccount account = account(guestId);
        accounts.save(account.with(new LoyaltyAccount.Entry(clock.instant(), points, "refund", reference)));
        record(guestId, points, reference);
    }

    private void record(GuestId guestId, long points, String reference) {
        events.record(null, guestId.value(), new GuestEvent.LoyaltyPointsChanged(points, reference));
    }
}
