package io.hotelkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code authorisations}: a card pre-authorisation and how it ended. */
@Entity
@Table(name = "authorisations")
@IdClass(AuthorisationEntity.Key.class)
class AuthorisationEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String id;
    String bookingId;
    String currency;
    BigDecimal amount;
    String status;
    BigDecimal captured;
    String gatewayReference;
    @Nullable String paymentId;
    @Nullable String cardHint;
    @Nullable String declineReason;
    Instant createdAt;

    record Key(String propertyId, String id) {}
}
