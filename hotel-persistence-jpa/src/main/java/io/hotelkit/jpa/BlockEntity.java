package io.hotelkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A row of {@code blocks}. */
@Entity
@Table(name = "blocks")
@IdClass(BlockEntity.Key.class)
class BlockEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String code;
    String name;
    String roomType;
    String ratePlan;
    LocalDate firstNight;
    LocalDate endDate;
    int rooms;
    LocalDate releaseDate;
    String status;

    record Key(String propertyId, String code) {}
}
