package io.hotelkit.guests;

import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.EventType;

/** What happens to guests and their loyalty points. Guest events carry no personal data. */
public sealed interface GuestEvent extends EventPayload {

    record GuestRegistered(boolean loyaltyOptIn) implements GuestEvent {
        public EventType type() {
            return EventType.GUEST_REGISTERED;
        }
    }

    record GuestUpdated() implements GuestEvent {
        public EventType type() {
            return EventType.GUEST_UPDATED;
        }
    }

    /** A guest's personal data was erased. */
    record GuestErased() implements GuestEvent {
        public EventType type() {
            return EventType.GUEST_ERASED;
        }
    }

    /** Points earned (positive) or spent (negative), with the stay, payment or refund they are for. */
    record LoyaltyPointsChanged(long points, String reference) implements GuestEvent {
        public EventType type() {
            return EventType.LOYALTY_POINTS_CHANGED;
        }
    }
}
