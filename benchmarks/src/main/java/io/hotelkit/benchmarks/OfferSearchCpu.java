package io.hotelkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The CPU an offer search costs, measured as the searching thread's own CPU time ({@code ThreadMXBean}) rather
 * than wall-clock time: on a shared 2-core machine the wall clock of a JMH run moves 3× with the neighbours'
 * load, while the thread's CPU time moves far less. Runs {@link OfferSearchBenchmark}'s own set-up and
 * {@code search()} (the {@code ENGINE} implementation: every offer computed), {@code rounds} rounds of
 * {@code searches} searches after two warm-up rounds, and prints per round the thread's CPU per search and per
 * offer returned, the bytes it allocated per search, and the process's CPU per search (the collectors and the
 * JIT included).
 *
 * <p>Run:
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.hotelkit.benchmarks.OfferSearchCpu [rounds] [searches]
 * }</pre>
 */
public final class OfferSearchCpu {

    private OfferSearchCpu() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        OfferSearchBenchmark benchmark = new OfferSearchBenchmark();
        benchmark.implementation = OfferSearchBenchmark.Implementation.ENGINE;
        benchmark.setUp();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long threadId = Thread.currentThread().threadId();
        System.out.printf(Locale.ROOT, "offer search CPU, %s, nproc %d, load average %.2f; %d rounds of %,d searches after 2 warm-up rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(), rounds, searches);
        long sink = 0;
        for (int round = -2; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getThreadAllocatedBytes(threadId);
            long process = os.getProcessCpuTime();
            long wall = System.nanoTime();
            long offers = 0;
            for (int i = 0; i < searches; i++) {
                offers += benchmark.search().offers().size();
            }
            wall = System.nanoTime() - wall;
            process = os.getProcessCpuTime() - process;
            allocated = threads.getThreadAllocatedBytes(threadId) - allocated;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            sink += offers;
            if (round >= 0) {
                System.out.printf(Locale.ROOT,
                        "round %d: thread CPU %,6d ns/search (%,4d ns/offer, %.1f offers/search), %,6d B/search; "
                                + "process CPU %,6d ns/search; wall %,6d ns/search; load average %.2f%n",
                        round + 1, cpu / searches, offers == 0 ? 0 : cpu / offers, (double) offers / searches,
                        allocated / searches, process / searches, wall / searches, os.getSystemLoadAverage());
            }
        }
        if (sink == 0) {
            throw new IllegalStateException("no offers at all");
        }
    }
}
