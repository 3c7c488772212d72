package io.hotelkit.guests;

/** Loyalty tiers, by points held; the thresholds are the {@link LoyaltyProgram}'s. */
public enum LoyaltyTier {
    BASIC,
    SILVER,
    GOLD,
    PLATINUM
}
