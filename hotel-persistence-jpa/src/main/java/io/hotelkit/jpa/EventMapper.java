package io.hotelkit.jpa;

import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.wire.EventWire;

/**
 * Maps domain events to outbox rows and back. An event's typed payload is stored as its wire format's data
 * object ({@link EventWire}) in JSON (see {@link Json}), and read back into the typed record.
 */
final class EventMapper {

    private EventMapper() {}

    /** A row for {@code event}, without a position yet (see {@link JpaOutbox}). */
    static OutboxEventEntity toEntity(DomainEvent event) {
        OutboxEventEntity row = new OutboxEventEntity();
        row.eventId = event.id();
        row.type = event.type().code();
        row.entity = event.type().entity();
        row.propertyId = event.propertyId() == null ? null : event.propertyId().value();
        row.entityId = event.entityId();
        row.actor = event.actor();
        row.occurredAt = event.occurredAt();
        row.data = Json.write(EventWire.data(event.payload()));
        return row;
    }

    /** A row that has its position. */
    static Outbox.StoredEvent toDomain(OutboxEventEntity row) {
        if (row.position == null) {
            throw new IllegalStateException("outbox event " + row.eventId + " has no position yet");
        }
        return new Outbox.StoredEvent(
                row.position,
                new DomainEvent(
                        row.eventId,
                        row.propertyId == null ? null : PropertyId.of(row.propertyId),
                        row.entityId,
                        row.actor,
                        row.occurredAt,
                        EventWire.payload(EventType.ofCode(row.type), Json.readObject(row.data))));
    }

}
