package io.hotelkit.memory;

import io.hotelkit.guests.LoyaltyAccount;
import io.hotelkit.guests.LoyaltyAccounts;
import io.hotelkit.shared.GuestId;
import java.util.Optional;

final class MemoryLoyaltyAccounts implements LoyaltyAccounts {

    private final MemoryTable<LoyaltyAccount> table;

    MemoryLoyaltyAccounts(MemoryTransactions transactions) {
        this.table = MemoryTable.keyed(transactions);
    }

    @Override
    public Optional<LoyaltyAccount> findBy(GuestId guestId) {
        return table.get(guestId.value());
    }

    @Override
    public LoyaltyAccount save(LoyaltyAccount account) {
        return table.putVersioned(account.guestId().value(), account, "loyalty account");
    }
}
