package io.hotelkit.shared;

import java.time.Instant;
import java.util.Map;
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
 * @param data the change's details: strings, numbers, booleans, lists and maps only, so that every
 *     adapter can store it as JSON; whole numbers are kept as {@code Long} and others as {@code BigDecimal},
 *     so that an event read back from JSON equals the one written
 */
public record DomainEvent(
        String id,
        EventType type,
        @Nullable PropertyId propertyId,
        String entityId,
        String actor,
        Instant occurredAt,
        Map<String, Object> data) {

    public DomainEvent {
        Objects.requireNonNull(id, "event id");
        Objects.requireNonNull(type, "event type");
        Objects.requireNonNull(entityId, "entity id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurred at");
        data = EventData.copyOf(data);
    }
}
