package io.hotelkit.server;

import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.Outbox;
import io.hotelkit.wire.EventWire;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A domain event as the event stream and the audit trail show it: who ({@code actor}, an API key's id or
 * {@code system}) did what ({@code type}) to which thing ({@code entity}, {@code entity_id}) and when. The typed
 * payload is written in the wire format by {@link EventWire}.
 *
 * @param position the event's place in the outbox: the stream's {@code id:}, and the audit trail's cursor
 */
record EventView(
        long position,
        String id,
        String type,
        @Nullable String propertyId,
        String entity,
        String entityId,
        String actor,
        Instant occurredAt,
        Map<String, Object> data) {

    static EventView of(Outbox.StoredEvent stored) {
        DomainEvent event = stored.event();
        return new EventView(stored.position(), event.id(), event.type().code(),
                event.propertyId() == null ? null : event.propertyId().value(), event.type().entity(), event.entityId(),
                event.actor(), event.occurredAt(), EventWire.data(event.payload()));
    }
}
