package io.hotelkit.jpa;

import org.jspecify.annotations.Nullable;

import org.hibernate.type.SqlTypes;

import org.hibernate.annotations.JdbcTypeCode;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of {@code room_types}. */
@Entity
@Table(name = "room_types")
@IdClass(RoomTypeEntity.Key.class)
class RoomTypeEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String code;
    String name;
    int maxAdults;
    int maxChildren;
    int maxOccupancy;
    int baseOccupancy;
    int overbookingLimit;
    /** Children's age bands (V15), a JSON array; null for a type made before them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Nullable String ageBands;

    record Key(String propertyId, String code) {}
}
