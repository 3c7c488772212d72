package io.hotelkit.operations;

import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.EventType;
import java.time.LocalDate;

/** What the night audit does to a property's day. */
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
}
