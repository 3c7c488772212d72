package io.hotelkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/** A row of {@code properties}; {@link InventoryMapper} maps it to and from {@link io.hotelkit.inventory.Property}. */
@Entity
@Table(name = "properties")
class PropertyEntity extends VersionedEntity {
    @Id
    String id;
    String code;
    String name;
    String timezone;
    String currency;
    LocalTime checkInTime;
    LocalTime checkOutTime;
    int maxStayNights;
    BigDecimal vatPercent;
    boolean vatIncluded;
    BigDecimal cityTaxPerPersonNight;
    String rounding;
    LocalDate businessDate;
    String language;
    @Nullable String address;
    @Nullable String vatId;
}
