package io.hotelkit.guests;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What registering a guest takes. */
public record NewGuest(
        String name,
        String email,
        @Nullable String phone,
        @Nullable String nationality,
        @Nullable Map<String, Object> preferences,
        boolean loyaltyOptIn) {

    public static NewGuest of(String name, String email) {
        return new NewGuest(name, email, null, null, null, false);
    }
}
