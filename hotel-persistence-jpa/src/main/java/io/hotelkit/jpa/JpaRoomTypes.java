package io.hotelkit.jpa;

import io.hotelkit.spi.InventoryDelta;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Room types in table {@code room_types}. Its {@code capacity} column (rooms plus overbooking limit, the
 * guard of every sale) is not mapped: it is changed only by {@link InventoryRows}, here by the change of
 * the limit and by {@link JpaRooms} as rooms are added.
 */
final class JpaRoomTypes implements RoomTypes {

    private final JpaUnitOfWork transactions;
    private final InventoryRows inventory;

    JpaRoomTypes(JpaUnitOfWork transactions, InventoryRows inventory) {
        this.transactions = transactions;
        this.inventory = inventory;
    }

    @Override
    public Optional<RoomType> findBy(PropertyId propertyId, String code) {
        return transactions.call(em -> load(em, propertyId.value(), code).map(InventoryMapper::toDomain));
    }

    @Override
    public List<RoomType> list(PropertyId propertyId) {
        return transactions.call(em -> em.createQuery(
                        "from RoomTypeEntity where propertyId = :property order by code", RoomTypeEntity.class)
                .setParameter("property", propertyId.value())
                .getResultList().stream()
                .map(InventoryMapper::toDomain)
                .toList());
    }

    @Override
    public RoomType save(RoomType roomType) {
        Objects.requireNonNull(roomType, "room type");
        return transactions.call(em -> {
            int[] limitBefore = {0};
            RoomTypeEntity row = VersionedEntity.save(em, load(em, roomType.propertyId().value(), roomType.code()).orElse(null),
                    roomType.version(), new VersionedEntity.Spec<>("room type", roomType.code(), roomType.code(),
                            () -> new NotFoundException("property", roomType.propertyId()),
                            RoomTypeEntity::new, to -> InventoryMapper.copy(roomType, to)),
                    stored -> limitBefore[0] = stored == null ? 0 : stored.overbookingLimit);
            // after the row is written, so that a new type's row is there to take its limit
            inventory.apply(roomType.propertyId(), roomType.code(), roomType.overbookingLimit() - limitBefore[0],
                    new InventoryDelta(Map.of(), Map.of(), Map.of()), null);
            return InventoryMapper.toDomain(row);
        });
    }

    static Optional<RoomTypeEntity> load(EntityManager em, String propertyId, String code) {
        return em.createQuery("from RoomTypeEntity where propertyId = :property and code = :code", RoomTypeEntity.class)
                .setParameter("property", propertyId)
                .setParameter("code", code)
                .getResultList().stream()
                .findFirst();
    }
}
