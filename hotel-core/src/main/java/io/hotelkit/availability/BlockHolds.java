package io.hotelkit.availability;

import io.hotelkit.shared.NotFoundException;
import io.hotelkit.spi.BlockHold;
import io.hotelkit.spi.PendingChange;
import io.hotelkit.spi.SaleRules;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A property index's blocks: what each holds of its room type, made and closed under the index's lock.
 * An open block holds its rooms every night; a closed one only what its bookings picked up.
 */
final class BlockHolds {

    private final IndexLock lock;
    private final Function<String, TypeIndex> types;
    private volatile Map<String, BlockIndex> blocks = Map.of();

    BlockHolds(IndexLock lock, Function<String, TypeIndex> types) {
        this.lock = lock;
        this.types = types;
    }

    int pickedUp(String block, LocalDate night) {
        BlockIndex index = blocks.get(block);
        return index == null ? 0 : index.picked.get(night.toEpochDay());
    }

    /** Holds an open block's rooms, unchecked, while the index is being loaded. */
    void restore(BlockHold hold) {
        TypeIndex type = types.apply(hold.roomType());
        lock.write(() -> {
            hold.nights().dates().forEach(night -> type.taken.add(night.toEpochDay(), hold.rooms()));
            set(hold.code(), new BlockIndex(new BlockHold(hold.propertyId(), hold.code(), hold.roomType(),
                    hold.nights(), hold.rooms(), true), type));
        });
    }

    /** Creates a block's hold, or closes it so that its unpicked rooms go back to general inventory. */
    PendingChange change(@Nullable BlockHold before, @Nullable BlockHold after) {
        if (before == null && after != null && after.open()) {
            TypeIndex type = types.apply(after.roomType());
            Map<Unit, Integer> delta = new HashMap<>();
            after.nights().dates().forEach(night -> delta.put(new Unit.TypeNight(type, night), after.rooms()));
            return lock.take(() -> {
                if (blocks.containsKey(after.code())) {
                    throw new IllegalArgumentException("block " + after.code() + " exists already");
                }
                Unit.check(delta);
                Unit.add(delta);
                set(after.code(), new BlockIndex(after, type));
            }, () -> {}, () -> {
                Unit.undo(delta);
                set(after.code(), null);
            });
        }
        if (before != null && after != null && before.open() && !after.open()) {
            BlockIndex block = block(before.code(), before.roomType());
            return lock.pending(() -> {
                block.hold.nights().dates().forEach(night -> block.type.taken.add(night.toEpochDay(),
                        SaleRules.typeChangeOnClose(block.hold, block.picked.get(night.toEpochDay()))));
                block.open = false;
            }, () -> {});
        }
        if (before != null && before.equals(after)) {
            return PendingChange.NONE;
        }
        throw new IllegalArgumentException("a block can only be created open, or closed: " + before + " -> " + after);
    }

    BlockIndex block(String code) {
        BlockIndex block = blocks.get(code);
        if (block == null) {
            throw new NotFoundException("block", code);
        }
        return block;
    }

    BlockIndex block(String code, String roomType) {
        BlockIndex block = block(code);
        if (!block.hold.roomType().equals(roomType)) {
            throw new IllegalArgumentException("block " + code + " holds room type " + block.hold.roomType() + ", not " + roomType);
        }
        return block;
    }

    private void set(String code, @Nullable BlockIndex block) {
        Map<String, BlockIndex> changed = new HashMap<>(blocks);
        if (block == null) {
            changed.remove(code);
        } else {
            changed.put(code, block);
        }
        blocks = Map.copyOf(changed);
    }
}
