package io.hotelkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A row of {@code deposits}: a booking's deposit as its rate plan asked when it was made. */
@Entity
@Table(name = "deposits")
@IdClass(DepositEntity.Key.class)
class DepositEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String bookingId;
    String kind;
    @Nullable BigDecimal percent;
    @Nullable Integer daysBefore;
    String currency;
    BigDecimal due;
    LocalDate dueOn;
    @Nullable LocalDate settledOn;

    record Key(String propertyId, String bookingId) {}
}
