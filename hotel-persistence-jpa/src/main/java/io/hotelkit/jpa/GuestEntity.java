package io.hotelkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A row of {@code guests}. */
@Entity
@Table(name = "guests")
class GuestEntity extends VersionedEntity {
    @Id
    String id;
    String name;
    @Nullable String email;
    @Nullable String phone;
    @Nullable String nationality;

    /** The preferences as a JSON object; {@code jsonb} on PostgreSQL, {@code json} on H2. */
    @JdbcTypeCode(SqlTypes.JSON)
    String preferences;

    boolean loyaltyOptIn;
    Instant createdAt;
    @Nullable Instant erasedAt;
}
