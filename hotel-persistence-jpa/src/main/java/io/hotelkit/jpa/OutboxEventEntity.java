package io.hotelkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code outbox_events}. Its {@code seq} (the primary key, the order in which events were
 * appended) is the database's and not mapped; its position is {@code null} until a reader gives it one
 * (see {@link JpaOutbox}).
 */
@Entity
@Table(name = "outbox_events")
class OutboxEventEntity {
    @Nullable Long position;
    @Id
    String eventId;
    String type;
    String entity;
    @Nullable String propertyId;
    String entityId;
    String actor;
    Instant occurredAt;

    /** The event's data as JSON text; {@code jsonb} on PostgreSQL, {@code json} on H2. */
    @JdbcTypeCode(SqlTypes.JSON)
    String data;
}
