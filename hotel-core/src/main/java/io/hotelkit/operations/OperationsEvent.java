package io.hotelkit.operations;

import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** What the night audit does to a property's day, and what the property's integrations report of themselves. */
public sealed interface OperationsEvent extends EventPayload {

    /** The audit closed {@code closedDate}; the property's business date is now {@code businessDate}. */
    record BusinessDateChanged(LocalDate closedDate, LocalDate businessDate) implements OperationsEvent {
        public EventType type() {
            return EventType.PROPERTY_BUSINESS_DATE_CHANGED;
        }
    }

    /** An audit's outcome: the date it closed, the next one, the room nights it charged and the no-shows. */
    record NightAuditCompleted(LocalDate closedDate, LocalDate businessDate, long nightsCharged, long noShows)
            implements OperationsEvent {
        public EventType type() {
            return EventType.NIGHT_AUDIT_COMPLETED;
        }
    }

    /**
     * A webhook subscription of the property failed every delivery from {@code failingSince} on, for so long
     * ({@code attempts} tries) that it was disabled; the event's entity id is the subscription's id.
     */
    record WebhookDisabled(String url, Instant failingSince, long attempts) implements OperationsEvent {
        public WebhookDisabled {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(failingSince, "failing since");
        }

        public EventType type() {
            return EventType.WEBHOOK_DISABLED;
        }
    }
}
