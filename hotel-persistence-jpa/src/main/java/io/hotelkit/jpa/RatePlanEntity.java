package io.hotelkit.jpa;

import org.hibernate.type.SqlTypes;

import org.hibernate.annotations.JdbcTypeCode;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A row of {@code rate_plans}: the plan, its cancellation policy and, for a derived plan, its derivation. */
@Entity
@Table(name = "rate_plans")
@IdClass(RatePlanEntity.Key.class)
class RatePlanEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String code;
    String name;
    String mealPlan;
    int freeUntilDaysBefore;
    String penalty;
    @Nullable BigDecimal penaltyPercent;
    @Nullable String parentRatePlan;
    @Nullable BigDecimal adjustmentPercent;
    @Nullable BigDecimal channelPriceTolerance;
    String depositKind;
    @Nullable BigDecimal depositPercent;
    @Nullable Integer depositDaysBefore;
    /** The plan's packages (V15), a JSON array; null for a plan made before them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Nullable String packages;

    record Key(String propertyId, String code) {}
}
