package io.hotelkit.guests;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of a guest's profile: what is null stays as it is. Preferences are replaced whole.
 */
public record GuestChanges(
        @Nullable String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String nationality,
        @Nullable Map<String, Object> preferences,
        @Nullable Boolean loyaltyOptIn) {}
