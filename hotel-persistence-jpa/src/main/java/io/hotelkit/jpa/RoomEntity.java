package io.hotelkit.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A row of {@code rooms}, with its rows of {@code room_out_of_order}. */
@Entity
@Table(name = "rooms")
@IdClass(RoomEntity.Key.class)
class RoomEntity extends VersionedEntity {
    @Id
    String propertyId;
    @Id
    String number;
    String roomType;
    @Nullable String floor;
    String housekeeping;

    @ElementCollection
    @CollectionTable(
            name = "room_out_of_order",
            joinColumns = {
                @JoinColumn(name = "property_id", referencedColumnName = "propertyId"),
                @JoinColumn(name = "room_number", referencedColumnName = "number")
            })
    @OrderBy("startDate")
    List<OutOfOrderRow> outOfOrder = new ArrayList<>();

    record Key(String propertyId, String number) {}

    @Embeddable
    static class OutOfOrderRow {
        LocalDate startDate;
        LocalDate endDate;
        String reason;
    }
}
