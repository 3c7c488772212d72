package io.hotelkit.benchmarks;

import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.availability.TypeAvailability;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import java.util.Arrays;
import java.util.List;

/** The implementations {@link AvailabilitySearchBenchmark} compares. */
final class TypeSearches {

    private TypeSearches() {}

    /**
     * What a search without an index does: read every booking. Counts, per type and night, the bookings
     * that cover the night; a type has its rooms less its busiest night free. O(bookings).
     */
    static final class NaiveScan implements TypeSearch {
        private final List<SyntheticInventory.BookedStay> bookings;
        private final int[] roomCount;
        private final int[][] sold;

        NaiveScan(SyntheticInventory inventory, int maxNights) {
            this.bookings = List.copyOf(inventory.stays);
            this.roomCount = inventory.roomCount.clone();
            this.sold = new int[inventory.types()][maxNights];
        }

        @Override
        public void freePerType(int from, int nights, int[] free) {
            int to = from + nights;
            for (int[] perNight : sold) {
                Arrays.fill(perNight, 0, nights, 0);
            }
            for (SyntheticInventory.BookedStay booking : bookings) {
                if (booking.start() < to && from < booking.end()) {
                    int[] perNight = sold[booking.type()];
                    for (int night = Math.max(from, booking.start()), end = Math.min(to, booking.end()); night < end; night++) {
                        perNight[night - from]++;
                    }
                }
            }
            for (int t = 0; t < roomCount.length; t++) {
                int busiest = 0;
                for (int n = 0; n < nights; n++) {
                    busiest = Math.max(busiest, sold[t][n]);
                }
                free[t] = roomCount[t] - busiest;
            }
        }
    }

    /**
     * Per room its stays sorted by arrival (they never overlap, so also by departure): a binary search
     * finds the first stay that leaves after the arrival, and the room is free if that one arrives no
     * earlier than the departure. O(rooms × log stays per room). Counts rooms free for the whole stay.
     */
    static final class SortedLists implements TypeSearch {
        private final int[][] starts;
        private final int[][] ends;
        private final int[] typeOfRoom;
        private final int types;

        SortedLists(SyntheticInventory inventory) {
            int rooms = inventory.rooms;
            int[] count = new int[rooms];
            inventory.stays.forEach(stay -> count[stay.room()]++);
            starts = new int[rooms][];
            ends = new int[rooms][];
            for (int r = 0; r < rooms; r++) {
                starts[r] = new int[count[r]];
                ends[r] = new int[count[r]];
            }
            int[] filled = new int[rooms];
            for (SyntheticInventory.BookedStay stay : inventory.stays) { // generated in arrival order per room
                int i = filled[stay.room()]++;
                starts[stay.room()][i] = stay.start();
                ends[stay.room()][i] = stay.end();
            }
            typeOfRoom = inventory.typeOfRoom.clone();
            types = inventory.types();
        }

        @Override
        public void freePerType(int from, int nights, int[] free) {
            Arrays.fill(free, 0, types, 0);
            int to = from + nights;
            for (int r = 0; r < starts.length; r++) {
                int[] roomEnds = ends[r];
                int i = Arrays.binarySearch(roomEnds, from + 1); // ends rise strictly: the first stay whose end > from
                i = i >= 0 ? i : -i - 1;
                if (i == roomEnds.length || starts[r][i] >= to) {
                    free[typeOfRoom[r]]++;
                }
            }
        }
    }

    /**
     * The least any per-room search must do: read rooms × nights bits. Night-major bitsets over rooms
     * (rooms in type order), OR-reduced over the stay's nights, then counted per type's run of rooms.
     */
    static final class MemoryBound implements TypeSearch {
        private final long[][] occupiedByNight;
        private final long[] union;
        private final int[] firstRoom;
        private final int[] roomCount;

        MemoryBound(SyntheticInventory inventory) {
            int words = (inventory.rooms + 63) >>> 6;
            occupiedByNight = new long[inventory.horizon][words];
            for (SyntheticInventory.BookedStay stay : inventory.stays) {
                for (int night = stay.start(); night < stay.end(); night++) {
                    occupiedByNight[night][stay.room() >>> 6] |= 1L << stay.room();
                }
            }
            union = new long[words];
            firstRoom = inventory.firstRoom.clone();
            roomCount = inventory.roomCount.clone();
        }

        @Override
        public void freePerType(int from, int nights, int[] free) {
            long[] acc = union;
            System.arraycopy(occupiedByNight[from], 0, acc, 0, acc.length);
            for (int n = 1; n < nights; n++) {
                long[] row = occupiedByNight[from + n];
                for (int w = 0; w < acc.length; w++) {
                    acc[w] |= row[w];
                }
            }
            for (int t = 0; t < firstRoom.length; t++) {
                free[t] = roomCount[t] - countBits(acc, firstRoom[t], firstRoom[t] + roomCount[t]);
            }
        }

        /** The set bits of {@code [fromBit, toBit)}. */
        private static int countBits(long[] words, int fromBit, int toBit) {
            if (fromBit >= toBit) {
                return 0;
            }
            int first = fromBit >>> 6;
            int last = (toBit - 1) >>> 6;
            long firstMask = -1L << fromBit;
            long lastMask = -1L >>> (63 - ((toBit - 1) & 63));
            if (first == last) {
                return Long.bitCount(words[first] & firstMask & lastMask);
            }
            int count = Long.bitCount(words[first] & firstMask);
            for (int w = first + 1; w < last; w++) {
                count += Long.bitCount(words[w]);
            }
            return count + Long.bitCount(words[last] & lastMask);
        }
    }

    /** The engine's per-type counts, all types in one call: {@link AvailabilityEngine#available(PropertyId, DateRange)}. */
    static final class EngineCounts implements TypeSearch {
        private final AvailabilityEngine engine;
        private final PropertyId propertyId;
        private final DateRange[] stays;

        EngineCounts(SyntheticHotel hotel, AvailabilityEngine engine, int nights) {
            this.engine = engine;
            this.propertyId = hotel.property.id();
            this.stays = stays(hotel, nights);
        }

        @Override
        public void freePerType(int from, int nights, int[] free) {
            List<TypeAvailability> types = engine.available(propertyId, stays[from]);
            for (int t = 0; t < free.length; t++) {
                free[t] = types.get(t).available(); // types come in code order, T0 to T9
            }
        }
    }

    /** The engine's per-type counts asked type by type: {@link AvailabilityEngine#available(PropertyId, String, DateRange)}. */
    static final class EngineCountsPerType implements TypeSearch {
        private final AvailabilityEngine engine;
        private final PropertyId propertyId;
        private final String[] typeCodes;
        private final DateRange[] stays;

        EngineCountsPerType(SyntheticHotel hotel, AvailabilityEngine engine, int nights) {
            this.engine = engine;
            this.propertyId = hotel.property.id();
            this.typeCodes = hotel.roomTypes.stream().map(t -> t.code()).toArray(String[]::new);
            this.stays = stays(hotel, nights);
        }

        @Override
        public void freePerType(int from, int nights, int[] free) {
            DateRange stay = stays[from];
            for (int t = 0; t < typeCodes.length; t++) {
                free[t] = engine.available(propertyId, typeCodes[t], stay);
            }
        }
    }

    /** The engine's per-room bitsets: {@link AvailabilityEngine#freeRooms} once per room type. */
    static final class EngineFreeRooms implements TypeSearch {
        private final AvailabilityEngine engine;
        private final PropertyId propertyId;
        private final String[] typeCodes;
        private final DateRange[] stays;

        EngineFreeRooms(SyntheticHotel hotel, AvailabilityEngine engine, int nights) {
            this.engine = engine;
            this.propertyId = hotel.property.id();
            this.typeCodes = hotel.roomTypes.stream().map(t -> t.code()).toArray(String[]::new);
            this.stays = stays(hotel, nights);
        }

        @Override
        public void freePerType(int from, int nights, int[] free) {
            DateRange stay = stays[from];
            for (int t = 0; t < typeCodes.length; t++) {
                free[t] = engine.freeRooms(propertyId, stay, typeCodes[t]).size();
            }
        }
    }

    /** The stay of {@code nights} from every night of the horizon, made once so that searches only search. */
    private static DateRange[] stays(SyntheticHotel hotel, int nights) {
        int horizon = SyntheticHotel.FIRST_NIGHT.lengthOfYear();
        DateRange[] stays = new DateRange[horizon];
        for (int from = 0; from < horizon; from++) {
            stays[from] = SyntheticHotel.nights(from, from + nights);
        }
        return stays;
    }
}
