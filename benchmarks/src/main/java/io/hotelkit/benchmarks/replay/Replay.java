package io.hotelkit.benchmarks.replay;

import io.hotelkit.reporting.OccupancyReport;
import io.hotelkit.shared.DateRange;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Replays real bookings ({@link BookingCsv}) into a {@link Target}: every booking on the day it was made
 * (arrival less lead time), every cancellation on its day, in time order, on a hotel planned from the data
 * ({@link #plan}). Reports bookings a second and refusals, then occupancy, ADR and RevPAR per month from
 * the target's own reports, and draws a month × day occupancy heat map per hotel ({@link HeatMap}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.hotelkit.benchmarks.replay.Replay
 * [data zip, default benchmarks/data/hotel_bookings.csv.zip] [rows, default all] [output folder, default target/replay]
 * [runs, default 2: the first warms the JVM up] [target: in-memory (default), jpa, http or http-postgres]
 * [window: events in flight at once, default 1, see {@link #run(List, List, Target, int)}]}.
 * {@code jpa} books
 * through {@link JpaTarget} on a PostgreSQL database made per run, on {@code HOTEL_TEST_POSTGRES_URL}'s
 * server or an embedded one; {@code http} and {@code http-postgres} through the reference server's v1 API
 * over loopback ({@link HttpTarget}), on an H2 file or on PostgreSQL.
 */
public final class Replay {

    /** The data set kept in the repository: found from the working directory or any folder above it. */
    public static final Path DEFAULT_DATA = findUpwards(Path.of("benchmarks", "data", "hotel_bookings.csv.zip"));

    private Replay() {}

    /** How a run went: what was sent, what the target refused and why, and how long it took. */
    public record Result(String target, int bookings, int booked, int cancellations, Map<String, Integer> refusals,
            long elapsedNanos) {

        public int refused() {
            return refusals.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Bookings sent a second, cancellations' time included. */
        public double bookingsPerSecond() {
            return bookings * 1e9 / elapsedNanos;
        }
    }

    /** One thing that happens on a day: a booking made or cancelled. */
    private record Event(LocalDate date, boolean cancel, RecordedBooking booking) {}

    private static final Comparator<Event> TIME_ORDER = Comparator.comparing(Event::date)
            .thenComparing(Event::cancel) // a day's bookings before its cancellations, so a booking exists when it is cancelled
            .thenComparingInt(event -> event.booking().row());

    /** The bookings and cancellations in the order they happened. */
    static List<Event> events(List<RecordedBooking> bookings) {
        List<Event> events = new ArrayList<>(bookings.size() * 3 / 2);
        for (RecordedBooking booking : bookings) {
            events.add(new Event(booking.booked(), false, booking));
            if (booking.isCancelled()) {
                events.add(new Event(booking.cancelled(), true, booking));
            }
        }
        events.sort(TIME_ORDER);
        return events;
    }

    /**
     * The hotels the bookings need. Rooms: per room type, the most stays kept (not cancelled) on one night.
     * Overbooking: what the most bookings on the books for one night at any time of the replay (cancelled
     * ones hold inventory until they are cancelled) need past those rooms, as the real hotels overbook
     * against cancellations; so nothing is refused for want of rooms. Prices: per
     * room type and month, the median of the data's positive ADRs, else the type's median, else 100.00.
     */
    public static List<HotelPlan> plan(List<RecordedBooking> bookings) {
        Map<String, List<RecordedBooking>> byHotel = new TreeMap<>();
        bookings.forEach(booking -> byHotel.computeIfAbsent(booking.hotel(), h -> new ArrayList<>()).add(booking));
        List<HotelPlan> plans = new ArrayList<>();
        byHotel.forEach((name, ofHotel) -> plans.add(planOne(name, ofHotel)));
        return plans;
    }

    private static HotelPlan planOne(String name, List<RecordedBooking> bookings) {
        LocalDate first = bookings.stream().map(b -> b.stay().checkin()).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate end = bookings.stream().map(b -> b.stay().checkout()).max(Comparator.naturalOrder()).orElseThrow();
        int days = (int) (end.toEpochDay() - first.toEpochDay());
        Map<String, int[]> held = new TreeMap<>();
        Map<String, Integer> peak = new HashMap<>();
        Map<String, int[]> kept = new HashMap<>();
        for (RecordedBooking booking : bookings) {
            if (!booking.isCancelled()) {
                int[] perNight = kept.computeIfAbsent(booking.roomType(), type -> new int[days]);
                int from = (int) (booking.stay().checkin().toEpochDay() - first.toEpochDay());
                for (int n = from; n < from + booking.stay().nights(); n++) {
                    perNight[n]++;
                }
            }
        }
        for (Event event : events(bookings)) {
            RecordedBooking booking = event.booking();
            int[] perNight = held.computeIfAbsent(booking.roomType(), type -> new int[days]);
            int from = (int) (booking.stay().checkin().toEpochDay() - first.toEpochDay());
            for (int n = from; n < from + booking.stay().nights(); n++) {
                perNight[n] += event.cancel() ? -1 : 1;
                peak.merge(booking.roomType(), perNight[n], Math::max);
            }
        }
        List<HotelPlan.RoomTypePlan> types = new ArrayList<>();
        Map<String, Map<YearMonth, Long>> prices = new LinkedHashMap<>();
        for (String type : held.keySet()) {
            List<RecordedBooking> ofType = bookings.stream().filter(b -> b.roomType().equals(type)).toList();
            int maxAdults = ofType.stream().mapToInt(b -> b.occupancy().adults()).max().orElse(1);
            int maxChildren = ofType.stream().mapToInt(b -> b.occupancy().children()).max().orElse(0);
            int maxOccupancy = ofType.stream().mapToInt(b -> b.occupancy().persons()).max().orElse(1);
            int rooms = Math.max(1, Arrays.stream(kept.getOrDefault(type, new int[1])).max().orElse(0));
            types.add(new HotelPlan.RoomTypePlan(type, rooms, Math.max(0, peak.get(type) - rooms), maxAdults, maxChildren,
                    maxOccupancy));
            long typeMedian = median(ofType.stream().mapToDouble(RecordedBooking::adr).toArray(), 100_00);
            Map<YearMonth, Long> byMonth = new TreeMap<>();
            for (YearMonth month = YearMonth.from(first); !month.atDay(1).isAfter(end); month = month.plusMonths(1)) {
                YearMonth m = month;
                byMonth.put(month, median(ofType.stream().filter(b -> YearMonth.from(b.stay().checkin()).equals(m))
                        .mapToDouble(RecordedBooking::adr).toArray(), typeMedian));
            }
            prices.put(type, byMonth);
        }
        int longest = bookings.stream().mapToInt(b -> b.stay().nights()).max().orElse(1);
        String code = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
        return new HotelPlan(code, name, first, end, Math.max(30, longest), types, prices);
    }

    /** The median of the positive amounts, in cents; {@code otherwise} if there are none. */
    private static long median(double[] euros, long otherwise) {
        double[] positive = Arrays.stream(euros).filter(adr -> adr > 0).sorted().toArray();
        return positive.length == 0 ? otherwise : Math.round(positive[positive.length / 2] * 100);
    }

    /** Opens the plans' hotels in the target, then replays every booking and cancellation in time order. */
    public static Result run(List<RecordedBooking> bookings, List<HotelPlan> plans, Target target) {
        return run(bookings, plans, target, 1);
    }

    /**
     * Opens the plans' hotels in the target, then replays every booking and cancellation in time order,
     * with at most {@code window} of them in flight at once (1: one after another, as they happened).
     *
     * <p>With a window of {@code w > 1} (a target whose {@link Target#concurrentCalls()} is true), the events
     * are still started one by one in time order, and event {@code k} starts only once every event before
     * {@code k - w + 1} has finished: at most {@code w} consecutive events run at once, so the replay's order
     * is kept up to {@code w} events (a few minutes of the hotels' day, whose ~150 events span a day). A
     * cancellation waits for its booking's answer (it needs its reference), so it never overtakes it. What
     * may change is only the order of neighbours in the window: a booking may meet a room-night that an
     * earlier cancellation in flight has not given back yet; every refusal is counted as before.
     */
    public static Result run(List<RecordedBooking> bookings, List<HotelPlan> plans, Target target, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
        if (window > 1 && !target.concurrentCalls()) {
            throw new IllegalArgumentException("target " + target.name() + " takes calls from one thread only");
        }
        plans.forEach(target::open);
        List<Event> events = events(bookings);
        Map<Integer, CompletableFuture<Target.Outcome>> booked = new HashMap<>();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        AtomicInteger cancellations = new AtomicInteger();
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[window];
        ExecutorService clients = window == 1 ? null : Executors.newFixedThreadPool(window,
                Thread.ofPlatform().name("replay-client-", 0).daemon().factory());
        long start = System.nanoTime();
        try {
            for (int k = 0; k < events.size(); k++) {
                Event event = events.get(k);
                RecordedBooking booking = event.booking();
                CompletableFuture<?> slot = inFlight[k % window];
                if (slot != null) {
                    slot.join(); // event k - window has finished, and with it every event before it
                }
                if (!event.cancel()) {
                    CompletableFuture<Target.Outcome> outcome = call(clients, () -> {
                        Target.Outcome answer = target.book(booking);
                        if (!answer.isBooked()) {
                            refusals.merge(answer.refusal(), 1, Integer::sum);
                        }
                        return answer;
                    });
                    booked.put(booking.row(), outcome);
                    inFlight[k % window] = outcome;
                } else {
                    CompletableFuture<Target.Outcome> made = booked.remove(booking.row());
                    inFlight[k % window] = made == null ? CompletableFuture.completedFuture(null)
                            : made.thenCompose(outcome -> !outcome.isBooked() ? CompletableFuture.completedFuture(null)
                                    : call(clients, () -> {
                                        target.cancel(booking, outcome.reference());
                                        cancellations.incrementAndGet();
                                        return null;
                                    }));
                }
            }
            CompletableFuture.allOf(Arrays.stream(inFlight).filter(Objects::nonNull).toArray(CompletableFuture[]::new)).join();
        } finally {
            if (clients != null) {
                clients.shutdownNow();
            }
        }
        long elapsed = System.nanoTime() - start;
        int made = (int) booked.values().stream().filter(outcome -> outcome.join().isBooked()).count() + cancellations.get();
        return new Result(target.name(), bookings.size(), made, cancellations.get(), new TreeMap<>(refusals), elapsed);
    }

    /** {@code work} on this thread (no executor), or on one of {@code clients}. */
    private static <T> CompletableFuture<T> call(ExecutorService clients, Supplier<T> work) {
        if (clients == null) {
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(work, clients);
    }

    /** Occupancy, ADR and RevPAR per month of a hotel, from the target's reports. */
    public static Map<YearMonth, OccupancyReport> monthly(Target target, HotelPlan plan) {
        Map<YearMonth, OccupancyReport> months = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(plan.businessDate()); month.atDay(1).isBefore(plan.end()); month = month.plusMonths(1)) {
            LocalDate from = month.atDay(1).isBefore(plan.businessDate()) ? plan.businessDate() : month.atDay(1);
            LocalDate to = month.atEndOfMonth().plusDays(1).isAfter(plan.end()) ? plan.end() : month.atEndOfMonth().plusDays(1);
            months.put(month, target.occupancy(plan.name(), DateRange.of(from, to)));
        }
        return months;
    }

    public static void printMonthly(PrintStream out, HotelPlan plan, Map<YearMonth, OccupancyReport> months) {
        out.printf("%n%s (%d rooms): occupancy, ADR and RevPAR per month, EUR, without taxes%n", plan.name(), plan.rooms());
        out.printf("%-8s %10s %10s %9s %9s%n", "month", "rooms sold", "occupancy", "ADR", "RevPAR");
        months.forEach((month, report) -> out.printf("%-8s %10d %9.1f%% %9s %9s%n", month, report.totals().roomsSold(),
                report.totals().occupancy().doubleValue() * 100, report.totals().adr().amount().toPlainString(),
                report.totals().revpar().amount().toPlainString()));
    }

    public static void main(String[] args) throws IOException {
        Path data = args.length > 0 ? Path.of(args[0]) : DEFAULT_DATA;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        Path output = args.length > 2 ? Path.of(args[2]) : Path.of("target", "replay");
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String target = args.length > 4 ? args[4] : "in-memory";
        int window = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        Supplier<Target> targets = switch (target) {
            case "in-memory" -> InMemoryTarget::new;
            case "jpa" -> JpaTarget::new;
            case "http" -> () -> new HttpTarget(false);
            case "http-postgres" -> () -> new HttpTarget(true);
            default -> throw new IllegalArgumentException("no target " + target + ": in-memory, jpa, http or http-postgres");
        };
        if (!target.equals("in-memory")) {
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING); // Hikari, Flyway, Hibernate, Helidon
        }
        replay(data, limit, output, targets, runs, window, System.out);
    }

    /**
     * Reads the data, replays it {@code runs} times, each into a new target (the first runs warm up the
     * JVM; the last is the one measured warm), prints every run and the last run's monthly figures, and
     * writes one heat map per hotel into {@code output}.
     *
     * @return the last run
     */
    public static Result replay(Path data, int limit, Path output, Supplier<? extends Target> targets, int runs, PrintStream out)
            throws IOException {
        return replay(data, limit, output, targets, runs, 1, out);
    }

    /** {@link #replay(Path, int, Path, Supplier, int, PrintStream)} with up to {@code window} events in flight ({@link #run}). */
    public static Result replay(Path data, int limit, Path output, Supplier<? extends Target> targets, int runs, int window,
                                PrintStream out) throws IOException {
        BookingCsv.Read read = BookingCsv.read(data, limit);
        out.println("Replaying " + read.bookings().size() + " bookings of " + data);
        out.println(BookingCsv.CREDIT);
        read.rules().forEach((rule, count) -> out.printf("  %-75s %6d rows%n", rule, count));
        List<HotelPlan> plans = plan(read.bookings());
        plans.forEach(plan -> out.printf("  %s: %d rooms (type rooms+overbooking: %s), business date %s, nights to %s, longest stay %d%n", plan.name(),
                plan.rooms(), plan.roomTypes().stream().map(t -> t.code() + " " + t.rooms() + "+" + t.overbooking()).toList(), plan.businessDate(),
                plan.end(), plan.maxStayNights()));
        Result result = null;
        Files.createDirectories(output);
        for (int run = 1; run <= runs; run++) {
            try (Target target = targets.get()) {
                result = run(read.bookings(), plans, target, window);
                out.printf("run %d of %d (%s%s): %d bookings (%d booked, %d refused %s), %d cancellations in %.3f s: %,.0f bookings/s%s%n",
                        run, runs, result.target(), window == 1 ? "" : ", " + window + " in flight", result.bookings(), result.booked(), result.refused(), result.refusals(),
                        result.cancellations(), result.elapsedNanos() / 1e9, result.bookingsPerSecond(),
                        run == runs && runs > 1 ? " (warm)" : run == 1 ? " (cold)" : "");
                if (run == runs) {
                    for (HotelPlan plan : plans) {
                        Map<YearMonth, OccupancyReport> months = monthly(target, plan);
                        printMonthly(out, plan, months);
                        Path svg = output.resolve("occupancy-" + plan.code().toLowerCase(Locale.ROOT) + ".svg");
                        Files.writeString(svg, HeatMap.svg(plan.name() + ": occupancy per night", months));
                        out.println("heat map: " + svg.toAbsolutePath().normalize());
                    }
                }
            }
        }
        return result;
    }

    private static Path findUpwards(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return relative;
    }
}
