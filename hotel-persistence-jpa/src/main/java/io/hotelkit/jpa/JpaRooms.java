package io.hotelkit.jpa;

import io.hotelkit.spi.InventoryDelta;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Rooms in table {@code rooms}, their out-of-order periods in {@code room_out_of_order}. A new room adds
 * one to its type's capacity; out-of-order nights hold the room and take a night of its type, as a
 * booking does ({@link InventoryRows}), so a period over a booked night is refused.
 */
final class JpaRooms implements Rooms {

    private final JpaUnitOfWork transactions;
    private final InventoryRows inventory;

    JpaRooms(JpaUnitOfWork transactions, InventoryRows inventory) {
        this.transactions = transactions;
        this.inventory = inventory;
    }

    @Override
    public Optional<Room> findBy(PropertyId propertyId, String number) {
        return transactions.call(em -> load(em, propertyId.value(), number).map(InventoryMapper::toDomain));
    }

    @Override
    public List<Room> list(PropertyId propertyId) {
        return transactions.call(em -> em.createQuery("""
                        from RoomEntity r left join fetch r.outOfOrder
                        where r.propertyId = :property order by r.number""", RoomEntity.class)
                .setParameter("property", propertyId.value())
                .getResultList().stream()
                .map(InventoryMapper::toDomain)
                .toList());
    }

    @Override
    public Room save(Room room) {
        Objects.requireNonNull(room, "room");
        return transactions.call(em -> InventoryMapper.toDomain(VersionedEntity.save(em,
                load(em, room.propertyId().value(), room.number()).orElse(null), room.version(),
                new VersionedEntity.Spec<>("room", room.number(), room.number(),
                        () -> new NotFoundException("room type", room.roomType()),
                        RoomEntity::new, to -> InventoryMapper.copy(room, to)),
                stored -> take(stored == null ? null : InventoryMapper.toDomain(stored), room))));
    }

    private void take(@Nullable Room stored, Room room) {
        if (stored != null && !stored.roomType().equals(room.roomType())) {
            throw new IllegalArgumentException("room " + room.number() + " is of room type " + stored.roomType()
                    + " and stays so, not " + room.roomType());
        }
        inventory.apply(room.propertyId(), room.roomType(), stored == null ? 1 : 0, InventoryDelta.outOfOrder(stored, room), null);
    }

    private static Optional<RoomEntity> load(EntityManager em, String propertyId, String number) {
        return em.createQuery("""
                        from RoomEntity r left join fetch r.outOfOrder
                        where r.propertyId = :property and r.number = :number""", RoomEntity.class)
                .setParameter("property", propertyId)
                .setParameter("number", number)
                .getResultList().stream()
                .findFirst();
    }
}
