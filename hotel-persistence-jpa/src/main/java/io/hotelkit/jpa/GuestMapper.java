package io.hotelkit.jpa;

import io.hotelkit.guests.Guest;
import io.hotelkit.guests.LoyaltyAccount;
import io.hotelkit.shared.GuestId;

/** Maps guests and loyalty accounts to their rows and back; {@code copy} writes every field but the version. */
final class GuestMapper {

    private GuestMapper() {}

    static void copy(Guest from, GuestEntity to) {
        to.id = from.id().value();
        to.name = from.name();
        to.email = from.email();
        to.phone = from.phone();
        to.nationality = from.nationality();
        to.preferences = Json.write(from.preferences());
        to.loyaltyOptIn = from.loyaltyOptIn();
        to.createdAt = from.createdAt();
        to.erasedAt = from.erasedAt();
    }

    static Guest toDomain(GuestEntity row) {
        return new Guest(GuestId.of(row.id), row.name, row.email, row.phone, row.nationality, Json.readObject(row.preferences),
                row.loyaltyOptIn, row.createdAt, row.erasedAt, row.version);
    }

    static void copy(LoyaltyAccount from, LoyaltyAccountEntity to) {
        to.guestId = from.guestId().value();
        to.points = from.points();
        AppendOnly.copy(from.history(), to.history, LoyaltyAccount.Entry::reference, row -> row.reference, entry -> {
            LoyaltyAccountEntity.EntryRow row = new LoyaltyAccountEntity.EntryRow();
            row.earnedAt = entry.at();
            row.points = entry.points();
            row.reason = entry.reason();
            row.reference = entry.reference();
            return row;
        }, "loyalty entries");
    }

    static LoyaltyAccount toDomain(LoyaltyAccountEntity row) {
        return new LoyaltyAccount(GuestId.of(row.guestId), row.points, row.history.stream()
                .map(entry -> new LoyaltyAccount.Entry(entry.earnedAt, entry.points, entry.reason, entry.reference))
                .toList(), row.version);
    }
}
