package io.hotelkit.spi;

import io.hotelkit.inventory.OutOfOrder;
import io.hotelkit.inventory.Room;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The net effect of inventory changes, night by night: how many more (or, negative, fewer) of each room
 * type's nights are taken from general inventory, of each block's rooms are picked up, and whether each
 * room is held. The availability engine applies a delta in memory; a database adapter applies the same
 * delta as guarded updates, so that the two decide a sale by the same counts.
 *
 * <p>A room type's taken nights are: sold to bookings without a block, held by blocks, and out of order;
 * a sale must keep them at most the type's rooms plus its overbooking limit. A block's pick-ups must stay
 * at most its rooms while it is open. A room is held once at most a night.
 */
public record InventoryDelta(
        Map<TypeNight, Integer> typeNights, Map<BlockNight, Integer> blockNights, Map<RoomNight, Integer> roomNights) {

    public InventoryDelta {
        typeNights = withoutZeros(typeNights);
        blockNights = withoutZeros(blockNights);
        roomNights = withoutZeros(roomNights);
    }

    /** A night of a room type. */
    public record TypeNight(String roomType, LocalDate night) {}

    /** A night of a block. */
    public record BlockNight(String block, LocalDate night) {}

    /** A night of a room. */
    public record RoomNight(String room, LocalDate night) {}

    /** What changing bookings' claims from {@code befores} to {@code afters} takes and gives back, net. */
    public static InventoryDelta between(List<Claim> befores, List<Claim> afters) {
        InventoryDelta.Builder delta = new Builder();
        befores.forEach(claim -> delta.add(claim, -1));
        afters.forEach(claim -> delta.add(claim, 1));
        return delta.build();
    }

    public static InventoryDelta between(@Nullable Claim before, @Nullable Claim after) {
        return between(before == null ? List.of() : List.of(before), after == null ? List.of() : List.of(after));
    }

    /** What changing a room's out-of-order periods takes (the room, and a night of its type) and gives back. */
    public static InventoryDelta outOfOrder(@Nullable Room before, Room after) {
        InventoryDelta.Builder delta = new Builder();
        if (before != null) {
            delta.addOutOfOrder(before, -1);
        }
        delta.addOutOfOrder(after, 1);
        return delta.build();
    }

    public boolean isEmpty() {
        return typeNights.isEmpty() && blockNights.isEmpty() && roomNights.isEmpty();
    }

    private static <K> Map<K, Integer> withoutZeros(Map<K, Integer> counts) {
        Map<K, Integer> kept = new HashMap<>();
        counts.forEach((key, count) -> {
            if (count != 0) {
                kept.put(key, count);
            }
        });
        return Map.copyOf(kept);
    }

    private static final class Builder {
        private final Map<TypeNight, Integer> typeNights = new HashMap<>();
        private final Map<BlockNight, Integer> blockNights = new HashMap<>();
        private final Map<RoomNight, Integer> roomNights = new HashMap<>();

        void add(Claim claim, int sign) {
            claim.nights().dates().forEach(night -> {
                if (claim.block() == null) {
                    typeNights.merge(new TypeNight(claim.roomType(), night), sign, Integer::sum);
                } else {
                    blockNights.merge(new BlockNight(claim.block(), night), sign, Integer::sum);
                }
                if (claim.room() != null) {
                    roomNights.merge(new RoomNight(claim.room(), night), sign, Integer::sum);
                }
            });
        }

        void addOutOfOrder(Room room, int sign) {
            for (OutOfOrder period : room.outOfOrder()) {
                period.period().dates().forEach(night -> {
                    typeNights.merge(new TypeNight(room.roomType(), night), sign, Integer::sum);
                    roomNights.merge(new RoomNight(room.number(), night), sign, Integer::sum);
                });
            }
        }

        InventoryDelta build() {
            return new InventoryDelta(typeNights, blockNights, roomNights);
        }
    }
}
