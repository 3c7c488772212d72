package io.hotelkit.jpa;

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

    record Key(String propertyId, String code) {}
}
