package io.hotelkit.rates;

/** Why a rate plan's grid does not sell a stay. */
public enum Restriction {
    /** A night of the stay has no price. */
    NO_PRICE,
    /** A night of the stay is closed. */
    CLOSED,
    /** The arrival night is closed to arrival. */
    CLOSED_TO_ARRIVAL,
    /** The checkout date is closed to departure. */
    CLOSED_TO_DEPARTURE,
    /** The stay is shorter than the arrival night's minimum. */
    MIN_STAY,
    /** The stay is longer than the arrival night's maximum. */
    MAX_STAY
}
