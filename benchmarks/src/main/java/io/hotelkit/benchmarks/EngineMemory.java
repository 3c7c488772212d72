package io.hotelkit.benchmarks;

import io.hotelkit.availability.AvailabilityEngine;
import java.lang.management.ManagementFactory;

/**
 * The availability engine's memory for a hotel of 10,000 rooms with a year of bookings (365 nights,
 * 90 % booked): what {@link AvailabilityEngine#memoryBytes} reports (the room bitsets), and the heap the
 * whole engine takes, measured as the heap used after a full GC with and without it (no JOL).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.hotelkit.benchmarks.EngineMemory}
 */
public final class EngineMemory {

    public static void main(String[] args) {
        int rooms = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        SyntheticHotel hotel = new SyntheticHotel(new SyntheticInventory(rooms, 365, 0.9, 1L));
        long before = usedAfterGc();
        AvailabilityEngine engine = hotel.newEngine();
        long after = usedAfterGc();
        long bitsets = engine.memoryBytes(hotel.property.id());
        System.out.printf("%,d rooms x 365 nights, %,d bookings: memoryBytes (room bitsets) %,d B (%.2f MB);"
                        + " whole engine on the heap %,d B (%.2f MB); floor rooms x nights / 8 = %,d B%n",
                rooms, hotel.claims.size(), bitsets, bitsets / 1048576.0, after - before, (after - before) / 1048576.0,
                rooms * 365L / 8);
        System.out.println(engine.has(hotel.property.id())); // keeps the engine reachable until measured
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
