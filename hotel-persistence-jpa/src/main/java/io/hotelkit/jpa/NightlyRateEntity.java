package io.hotelkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A row of {@code nightly_rates}: one night of a plan's grid for one room type. */
@Entity
@Table(name = "nightly_rates")
@IdClass(NightlyRateEntity.Key.class)
class NightlyRateEntity {
    @Id
    String propertyId;
    @Id
    String ratePlan;
    @Id
    String roomType;
    @Id
    LocalDate night;
    String currency;
    BigDecimal amount;
    BigDecimal extraAdult;
    BigDecimal extraChild;
    @Nullable Short minStay;
    @Nullable Short maxStay;
    boolean closed;
    boolean closedToArrival;
    boolean closedToDeparture;

    record Key(String propertyId, String ratePlan, String roomType, LocalDate night) {}
}
