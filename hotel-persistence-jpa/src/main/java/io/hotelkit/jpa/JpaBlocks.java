package io.hotelkit.jpa;

import io.hotelkit.spi.BlockHold;
import io.hotelkit.spi.InventoryDelta;
import io.hotelkit.spi.InventoryDelta.TypeNight;
import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.Blocks;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Blocks in table {@code blocks}. Saving a new open block takes its rooms each night from its room type
 * ({@code type_nights}, guarded by capacity); closing it gives back what its bookings did not pick up.
 */
final class JpaBlocks implements Blocks {

    private final JpaUnitOfWork transactions;
    private final InventoryRows inventory;

    JpaBlocks(JpaUnitOfWork transactions, InventoryRows inventory) {
        this.transactions = transactions;
        this.inventory = inventory;
    }

    @Override
    public Optional<Block> findBy(PropertyId propertyId, String code) {
        return transactions.call(em -> load(em, propertyId.value(), code).map(ReservationMapper::toDomain));
    }

    @Override
    public List<Block> list(PropertyId propertyId) {
        return transactions.call(em -> em.createQuery("from BlockEntity where propertyId = :property order by code", BlockEntity.class)
                .setParameter("property", propertyId.value())
                .getResultList().stream()
                .map(ReservationMapper::toDomain)
                .toList());
    }

    @Override
    public Block save(Block block) {
        Objects.requireNonNull(block, "block");
        return transactions.call(em -> ReservationMapper.toDomain(VersionedEntity.save(em,
                load(em, block.propertyId().value(), block.code()).orElse(null), block.version(),
                new VersionedEntity.Spec<>("block", block.code(), block.code(),
                        () -> new NotFoundException("room type or rate plan", block.roomType() + "/" + block.ratePlan()),
                        BlockEntity::new, to -> ReservationMapper.copy(block, to)),
                stored -> take(stored == null ? null : ReservationMapper.toDomain(stored).hold(), block.hold()))));
    }

    /** What going from {@code before} to {@code after} takes from or gives back to the block's room type. */
    private void take(@Nullable BlockHold before, BlockHold after) {
        Map<TypeNight, Integer> nights = new HashMap<>();
        if (before == null) {
            if (after.open()) {
                after.nights().dates().forEach(night -> nights.put(new TypeNight(after.roomType(), night), after.rooms()));
            }
        } else if (before.open() && !after.open() && sameRooms(before, after)) {
            Map<LocalDate, Integer> picked = inventory.pickedUp(after.propertyId(), after.code());
            after.nights().dates().forEach(night -> nights.put(new TypeNight(after.roomType(), night),
                    picked.getOrDefault(night, 0) - after.rooms()));
        } else if (!before.equals(after)) {
            throw new IllegalArgumentException("a block can only be closed once it is made; its room type, nights and rooms"
                    + " stay as they are: " + before + " -> " + after);
        }
        inventory.apply(after.propertyId(), after.roomType(), 0, new InventoryDelta(nights, Map.of(), Map.of()), null);
    }

    private static boolean sameRooms(BlockHold before, BlockHold after) {
        return before.roomType().equals(after.roomType()) && before.nights().equals(after.nights()) && before.rooms() == after.rooms();
    }

    private static Optional<BlockEntity> load(EntityManager em, String propertyId, String code) {
        return em.createQuery("from BlockEntity where propertyId = :property and code = :code", BlockEntity.class)
                .setParameter("property", propertyId)
                .setParameter("code", code)
                .getResultList().stream()
                .findFirst();
    }
}
