package io.hotelkit.jpa;

import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JpaRoomTypes implements RoomTypes {

    private final JpaUnitOfWork transactions;

    JpaRoomTypes(JpaUnitOfWork transactions) {
        this.transactions = transactions;
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
        return transactions.call(em -> InventoryMapper.toDomain(VersionedEntity.save(em,
                load(em, roomType.propertyId().value(), roomType.code()).orElse(null), roomType.version(),
                new VersionedEntity.Spec<>("room type", roomType.code(), roomType.code(),
                        () -> new NotFoundException("property", roomType.propertyId()),
                        RoomTypeEntity::new, to -> InventoryMapper.copy(roomType, to)))));
    }

    static Optional<RoomTypeEntity> load(EntityManager em, String propertyId, String code) {
        return em.createQuery("from RoomTypeEntity where propertyId = :property and code = :code", RoomTypeEntity.class)
                .setParameter("property", propertyId)
                .setParameter("code", code)
                .getResultList().stream()
                .findFirst();
    }
}
