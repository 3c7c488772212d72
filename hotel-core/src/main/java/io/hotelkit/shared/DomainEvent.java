package io.hotelkit.shared;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change that happened, written to the {@link Outbox} in the transaction that made it. Events are the
 * audit trail (who did what and when) and the feed that other contexts, dashboards and other server
 * instances follow.
 *
 * @param propertyId the property the change belongs to; {@code null} for guests, who belong to none
 * @param entityId the id (or code) of the changed thing, whose kind is {@code type.entity()}
 * @param actor who made the change (an API key's id, a user, {@code "system"} for the night audit)
 * @param payload what happened, a typed record of its context's sealed event interface; the adapters
 *     write it in the wire format (see {@code io.hotelkit.wire.EventWire})
 */
public record DomainEvent(
        String id,
        @Nullable PropertyId propertyId,
        String entityId,
        String actor,
        Instant occurredAt,
        EventPayload payload) {

    public DomainEvent {
        Objects.requireNonNull(id, "event id");
        Objects.requireNonNull(entityId, "entity id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurred at");
        Objects.requireNonNull(payload, "payload");
    }

    /** The kind of change: the payload's type. */
    public EventType type() {
        return payload.type();
    }
}
