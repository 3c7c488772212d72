package io.hotelkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A row of {@code outbox_events}. */
@Entity
@Table(name = "outbox_events")
class OutboxEventEntity {
    @Id
    long position;
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
