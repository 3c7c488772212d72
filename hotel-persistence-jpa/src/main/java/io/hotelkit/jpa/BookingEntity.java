package io.hotelkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A row of {@code bookings}, keyed by property and id (V8: every key of a property's data starts with it). */
@Entity
@Table(name = "bookings")
@IdClass(BookingEntity.Key.class)
class BookingEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String id;
    String confirmationCode;
    String guestId;
    String roomType;
    @Nullable String roomNumber;
    boolean roomRequested;
    String ratePlan;
    @Nullable String blockCode;
    LocalDate checkin;
    LocalDate checkout;
    int adults;
    int children;
    /** The children's ages as {@code 4,11} (V15); null when not given. */
    @Nullable String childrenAges;
    String currency;

    /** The frozen price of each night, in order, as a JSON array of decimal strings. */
    @JdbcTypeCode(SqlTypes.JSON)
    String nightlyPrices;

    BigDecimal total;
    int freeUntilDaysBefore;
    String penalty;
    @Nullable BigDecimal penaltyPercent;
    String status;
    @Nullable String specialRequests;
    @Nullable String cardToken;
    String createdBy;
    Instant createdAt;
    Instant updatedAt;
    @Nullable String cancellationReason;
    @Nullable String reservationId;
    int reservationRoom;
    @Nullable String source;
    @Nullable String externalRef;
    @Nullable String guestName;

    record Key(String propertyId, String id) {}
}
