package io.hotelkit.reservations;

import java.util.Locale;

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

    /** The lower-case name, made once: every booking event carries it. */
    private final String code = name().toLowerCase(Locale.ROOT);

    /** {@code checked_in}: the name in lower case, as events and the API spell it. */
    public String code() {
        return code;
    }

    public boolean canBecome(BookingStatus next) {
        return switch (this) {
            case CONFIRMED -> next == CHECKED_IN || next == CANCELLED || next == NO_SHOW;
            case CHECKED_IN -> next == CHECKED_OUT;
            case CHECKED_OUT, CANCELLED, NO_SHOW -> false;
        };
    }

    /** Whether a booking in this status holds its nights of inventory. */
    public boolean holdsInventory() {
        return this == CONFIRMED || this == CHECKED_IN || this == CHECKED_OUT;
    }
}
