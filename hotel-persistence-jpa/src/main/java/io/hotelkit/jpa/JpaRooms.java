package io.hotelkit.jpa;

import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JpaRooms implements Rooms {

    private final JpaUnitOfWork transactions;

    JpaRooms(JpaUnitOfWork transactions) {
        this.transactions = transactions;
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
                        RoomEntity::new, to -> InventoryMapper.copy(room, to)))));
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
