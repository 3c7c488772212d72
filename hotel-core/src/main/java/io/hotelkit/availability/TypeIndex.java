package io.hotelkit.availability;

import io.hotelkit.inventory.RoomType;
import java.util.Map;

/** A room type's part of a property index: its rooms, and per night how much of it is taken. */
final class TypeIndex {
    volatile RoomType roomType;
    /** Where the rate grid keeps this type's nights in each plan ({@link RateGrid#slot}). */
    final int rateSlot;
    volatile int roomCount;
    volatile RoomIndex[] rooms = new RoomIndex[0];
    /** Per night: sold without a block, held by blocks, out of order. */
    final NightCounts taken = new NightCounts();
    /** Nights whose overbooking allowance is not the type's, by epoch day; replaced whole on a change. */
    volatile Map<Long, Integer> allowances = Map.of();

    TypeIndex(RoomType roomType, int rateSlot) {
        this.roomType = roomType;
        this.rateSlot = rateSlot;
    }

    int capacity() {
        return roomCount + roomType.overbookingLimit();
    }

    /** How many more can be taken on every one of the nights. */
    int free(long fromDay, int nights) {
        Map<Long, Integer> perNight = allowances;
        if (perNight.isEmpty()) {
            return capacity() - taken.max(fromDay, nights);
        }
        int limit = roomType.overbookingLimit();
        int free = Integer.MAX_VALUE;
        for (long day = fromDay; day < fromDay + nights; day++) {
            free = Math.min(free, roomCount + perNight.getOrDefault(day, limit) - taken.get(day));
        }
        return free;
    }
}
