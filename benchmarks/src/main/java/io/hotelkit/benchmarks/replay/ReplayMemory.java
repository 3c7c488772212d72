package io.hotelkit.benchmarks.replay;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityEngine;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The availability engine's heap for the whole replayed dataset: every booking replayed into an in-memory hotel,
 * then a second hotel on the same store loads an engine of its own from it, as a server does on start; the heap
 * used after full collections before and after that load is the engine's. Also prints the whole heap after full
 * collections (the in-memory store holds every booking, folio and event, so it is not a server's heap).
 *
 * <p>Run: {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.hotelkit.benchmarks.replay.ReplayMemory [zip]}
 */
public final class ReplayMemory {

    private ReplayMemory() {}

    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 ? Path.of(args[0]) : Replay.DEFAULT_DATA;
        BookingCsv.Read read = BookingCsv.read(data, Integer.MAX_VALUE);
        try (InMemoryTarget target = new InMemoryTarget()) {
            Replay.Result result = Replay.run(read.bookings(), Replay.plan(read.bookings()), target);
            long before = usedAfterGc();
            long start = System.nanoTime();
            Hotel second = Hotel.builder().storage(target.hotel().storage()).engine(new AvailabilityEngine()).build();
            long loading = System.nanoTime() - start;
            long after = usedAfterGc();
            System.out.printf("%,d bookings replayed (%,d booked, %,d cancellations); heap after full collections %.1f MB "
                            + "(store, first hotel and its engine); a second engine loaded from the store in %,d ms: %.1f MB%n",
                    result.bookings(), result.booked(), result.cancellations(), before / 1048576.0, loading / 1_000_000,
                    (after - before) / 1048576.0);
            System.out.println(second.engine() != null); // keeps the second hotel reachable until measured
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
