package io.hotelkit.availability;

import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.spi.SaleRules;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;

/**
 * One night of something a property index counts: a room type's, a block's, a room's. Each refuses what it
 * cannot take, by the {@link SaleRules}.
 */
sealed interface Unit {

    LocalDate night();

    default long day() {
        return night().toEpochDay();
    }

    /** Refuses unless {@code count} more can be taken. */
    void check(int count);

    /** Takes {@code count} more, or gives back when negative. */
    void add(int count);

    /** Refuses unless every unit can take its count more; nights are checked in order, so the first full one is named. */
    static void check(Map<Unit, Integer> takes) {
        takes.entrySet().stream()
                .sorted(Comparator.comparingLong(entry -> entry.getKey().day()))
                .forEach(entry -> entry.getKey().check(entry.getValue()));
    }

    /** Adds each unit's count: a positive count takes nights, a negative one (a give-back) returns them. */
    static void add(Map<Unit, Integer> counts) {
        counts.forEach((unit, count) -> unit.add(count));
    }

    /** Undoes {@link #add(Map)}: what a rolled-back change took is returned. */
    static void undo(Map<Unit, Integer> counts) {
        counts.forEach((unit, count) -> unit.add(-count));
    }

    record TypeNight(TypeIndex type, LocalDate night) implements Unit {
        @Override
        public void check(int count) {
            int free = type.free(day(), 1);
            if (free < count) {
                throw SaleRules.soldOut(type.roomType.propertyId(), type.roomType.code(), night, count, free);
            }
        }

        @Override
        public void add(int count) {
            type.taken.add(day(), count);
        }
    }

    record BlockNight(BlockIndex block, LocalDate night) implements Unit {
        @Override
        public void check(int count) {
            NotAvailableException refused = SaleRules.pickUpRefusal(block.hold, block.open, night);
            if (refused != null) {
                throw refused;
            }
            if (!SaleRules.blockTakes(block.hold, block.picked.get(day()), count)) {
                throw SaleRules.allPickedUp(block.hold, night);
            }
        }

        @Override
        public void add(int count) {
            block.picked.add(day(), count);
            int toType = SaleRules.typeChangeOfPickUp(block.open, count);
            if (toType != 0) {
                block.type.taken.add(day(), toType);
            }
        }
    }

    record RoomNight(RoomIndex room, LocalDate night) implements Unit {
        @Override
        public void check(int count) {
            if (count > 1 || room.occupied.get(day())) {
                throw SaleRules.roomTaken(room.type.roomType.propertyId(), room.type.roomType.code(), room.number, night);
            }
        }

        @Override
        public void add(int count) {
            if (count > 0) {
                room.occupied.set(day());
            } else {
                room.occupied.clear(day());
            }
        }
    }
}
