package io.hotelkit.jpa;

import org.jspecify.annotations.Nullable;

import org.hibernate.type.SqlTypes;

import org.hibernate.annotations.JdbcTypeCode;

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
    /** VAT rates per category and the category of each charge (V15); null: one rate, {@code vatPercent}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Nullable String vatRates;
    /** The city tax rule (V15); null: a flat {@code cityTaxPerPersonNight}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Nullable String cityTaxRule;
    String rounding;
    LocalDate businessDate;
    String language;
    @Nullable String address;
    @Nullable String vatId;
}
