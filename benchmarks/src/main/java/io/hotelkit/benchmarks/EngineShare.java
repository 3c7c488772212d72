package io.hotelkit.benchmarks;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.jpa.JpaStore;
import java.lang.management.ManagementFactory;

/**
 * The availability engine's heap for the hotels a database holds (made for the whole replayed dataset by
 * {@code Replay ... jpa-h2-file}): the heap used after full collections with the store open, before and after a
 * hotel loads its engine from it, as the server does on start; the difference is the engine (and the few objects
 * of the hotel around it), to set beside the server's own heap after the same load ({@code jcmd <pid>
 * GC.heap_info} after {@code GC.run}).
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.hotelkit.benchmarks.EngineShare
 * jdbc:h2:file:/abs/path/hotelkit}
 */
public final class EngineShare {

    private EngineShare() {}

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        try (JpaStore store = JpaStore.builder().url(args[0]).user("sa").open()) {
            long before = usedAfterGc();
            long start = System.nanoTime();
            AvailabilityEngine engine = new AvailabilityEngine();
            Hotel hotel = Hotel.builder().storage(store).engine(engine).build();
            long loaded = System.nanoTime() - start;
            long after = usedAfterGc();
            System.out.printf("engine loaded from %s in %,d ms: %,d B (%.1f MB) on the heap after full collections "
                    + "(%,d B before, %,d B after); properties %d%n", args[0], loaded / 1_000_000, after - before,
                    (after - before) / 1048576.0, before, after, store.properties().list(null, 500).size());
            System.out.println(hotel.engine() != null); // keeps the hotel and its engine reachable until measured
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
