package io.hotelkit.reservations;

import java.util.Set;

/**
 * Where a booking is in its life: {@code confirmed → checked_in → checked_out}, or
 * {@code confirmed → cancelled | no_show}. Nothing else.
 */
public enum BookingStatus {
    CONFIRMED,
    CHECKED_IN,
    CHECKED_OUT,
    CANCELLED,
    NO_SHOW;

    public boolean canBecome(BookingStatus next) {
        return switch (this) {
            case CONFIRMED -> Set.of(CHECKED_IN, CANCELLED, NO_SHOW).contains(next);
            case CHECKED_IN -> next == CHECKED_OUT;
            case CHECKED_OUT, CANCELLED, NO_SHOW -> false;
        };
    }

    /** Whether a booking in this status holds its nights of inventory. */
    public boolean holdsInventory() {
        return this == CONFIRMED || this == CHECKED_IN || this == CHECKED_OUT;
    }
}
