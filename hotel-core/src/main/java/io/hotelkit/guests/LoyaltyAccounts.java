package io.hotelkit.guests;

import io.hotelkit.shared.GuestId;
import java.util.Optional;

/** Guests' loyalty accounts. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions. */
public interface LoyaltyAccounts {

    Optional<LoyaltyAccount> findBy(GuestId guestId);

    LoyaltyAccount save(LoyaltyAccount account);
}
