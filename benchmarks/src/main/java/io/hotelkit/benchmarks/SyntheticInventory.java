package io.hotelkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded hotel's bookings, with no clash: ten room types of skewed sizes (30 % of the rooms in the
 * largest, 1 % in the smallest), and per room a run of stays and gaps over {@code horizon} nights whose
 * booked share is {@code density} on average. Stays last 1 + a geometric number of nights (mean 3.5,
 * about the mean of the real Portuguese bookings in the replay); gaps are geometric with the mean that
 * gives the density. Rooms are numbered in type order, so each type's rooms are one run of indexes.
 */
final class SyntheticInventory {

    static final int[] TYPE_PERCENT = {30, 20, 15, 10, 8, 6, 5, 3, 2, 1};
    static final double MEAN_STAY = 3.5;

    /** A booked stay of one room: nights {@code [start, end)} counted from the horizon's first night. */
    record BookedStay(int type, int room, int start, int end) {}

    final int rooms;
    final int horizon;
    /** Per room its type; per type its first room and its room count. */
    final int[] typeOfRoom;
    final int[] firstRoom;
    final int[] roomCount;
    final List<BookedStay> stays = new ArrayList<>();

    SyntheticInventory(int rooms, int horizon, double density, long seed) {
        this.rooms = rooms;
        this.horizon = horizon;
        int types = TYPE_PERCENT.length;
        typeOfRoom = new int[rooms];
        firstRoom = new int[types];
        roomCount = new int[types];
        int room = 0;
        for (int t = 0; t < types; t++) {
            firstRoom[t] = room;
            roomCount[t] = t == types - 1 ? rooms - room : Math.max(1, rooms * TYPE_PERCENT[t] / 100);
            for (int r = 0; r < roomCount[t]; r++) {
                typeOfRoom[room++] = t;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double meanGap = MEAN_STAY * (1 - density) / density;
        for (int r = 0; r < rooms; r++) {
            int day = -geometric(random, MEAN_STAY); // a room may start the horizon with a guest in the house
            while (day < horizon) {
                day += geometric(random, meanGap);
                int length = 1 + geometric(random, MEAN_STAY - 1);
                int start = Math.max(day, 0);
                int end = Math.min(day + length, horizon);
                if (end > start) {
                    stays.add(new BookedStay(typeOfRoom[r], r, start, end));
                }
                day += length;
            }
        }
    }

    int types() {
        return roomCount.length;
    }

    /** A geometric number of failures before a success, with the given mean (zero allowed). */
    static int geometric(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double p = 1 / (1 + mean);
        return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }

    static String roomNumber(int room) {
        return String.format("R%05d", room);
    }

    static String typeCode(int type) {
        return "T" + type;
    }
}
