package io.hotelkit.guests;

import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A guest's loyalty points and how they came and went. The balance is the sum of the history, and never
 * below zero.
 */
public record LoyaltyAccount(GuestId guestId, long points, List<Entry> history, long version) implements Versioned<LoyaltyAccount> {

    public LoyaltyAccount {
        Objects.requireNonNull(guestId, "guest id");
        history = List.copyOf(history);
        long sum = history.stream().mapToLong(Entry::points).sum();
        if (sum != points) {
            throw new IllegalArgumentException("loyalty points " + points + " are not the sum of the history, " + sum);
        }
        if (points < 0) {
            throw new IllegalArgumentException("loyalty points must not go below zero: " + points);
        }
    }

    public static LoyaltyAccount open(GuestId guestId) {
        return new LoyaltyAccount(guestId, 0, List.of(), 0);
    }

    /**
     * This account with an entry added.
     *
     * @throws InsufficientPointsException if a redemption takes more points than the account has
     */
    public LoyaltyAccount with(Entry entry) {
        if (points + entry.points() < 0) {
            throw new InsufficientPointsException(guestId, points, -entry.points());
        }
        List<Entry> entries = new ArrayList<>(history);
        entries.add(entry);
        return new LoyaltyAccount(guestId, points + entry.points(), entries, version);
    }

    public boolean has(String reference) {
        return history.stream().anyMatch(entry -> entry.reference().equals(reference));
    }

    @Override
    public LoyaltyAccount withVersion(long newVersion) {
        return new LoyaltyAccount(guestId, points, history, newVersion);
    }

    /**
     * Points earned (positive) or spent (negative).
     *
     * @param reference what earned or spent them (a booking's or a payment's id); an account takes each once
     */
    public record Entry(Instant at, long points, String reason, String reference) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(reference, "reference");
        }
    }
}
