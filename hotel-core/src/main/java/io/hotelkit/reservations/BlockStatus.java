package io.hotelkit.reservations;

/**
 * A block's state. Tentative and definite blocks both hold their rooms and take pick-ups (the difference
 * is the sales team's confidence); released and cancelled ones keep only what was picked up.
 */
public enum BlockStatus {
    TENTATIVE,
    DEFINITE,
    RELEASED,
    CANCELLED;

    public boolean isOpen() {
        return this == TENTATIVE || this == DEFINITE;
    }
}
