package io.hotelkit.benchmarks.forecast;

import io.hotelkit.forecast.BookingSnapshot;
import io.hotelkit.forecast.CancellationModel;
import io.hotelkit.forecast.CancellationTrainer;
import io.hotelkit.forecast.LabelledBooking;
import io.hotelkit.forecast.OverbookingRule;
import io.hotelkit.forecast.TrainingConfig;
import io.hotelkit.shared.Money;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Cancellation forecasts and overbooking advice of hotel-forecast, proven on the hotel booking demand data
 * (Antonio, Almeida and Nunes, Data in Brief 22 (2019) 41-49, doi:10.1016/j.dib.2018.11.126, CC BY 4.0),
 * each hotel on its own. A main program, not a test:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
 * cd benchmarks &amp;&amp; java -Xmx3g -cp target/benchmarks.jar io.hotelkit.benchmarks.forecast.ForecastBenchmark [zip] [out] [cut-off] [seed] [rounds] [depth] [eta]
 * </pre>
 *
 * <p>Train on the bookings whose outcome was known at the cut-off (arriving before it), test on those
 * made on or after it; never the reverse. Prints, per hotel: AUC, accuracy, precision and recall at 0.5,
 * a calibration table by decile, the net demand's error 30, 14 and 7 days ahead beside a naive forecast,
 * and a replay of the held-out nights with recommended, flat and no overbooking. Writes
 * {@code forecast.svg} into {@code out}.
 */
public final class ForecastBenchmark {

    private static final int[] HORIZONS = {30, 14, 7};
    private static TrainingConfig config = TrainingConfig.defaults();

    private ForecastBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path zip = Path.of(args.length > 0 ? args[0] : "data/hotel_bookings.csv.zip");
        Path out = Path.of(args.length > 1 ? args[1] : "target/forecast");
        LocalDate cutoff = LocalDate.parse(args.length > 2 ? args[2] : "2017-01-01");
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 17;
        TrainingConfig defaults = TrainingConfig.defaults();
        config = new TrainingConfig(args.length > 4 ? Integer.parseInt(args[4]) : defaults.rounds(),
                args.length > 5 ? Integer.parseInt(args[5]) : defaults.maxDepth(),
                args.length > 6 ? Double.parseDouble(args[6]) : defaults.learningRate(), seed, defaults.minBookings());
        Files.createDirectories(out);
        List<ForecastRow> rows = ForecastRow.read(zip);
        Map<String, List<ForecastRow>> byHotel = new TreeMap<>();
        rows.forEach(r -> byHotel.computeIfAbsent(r.hotel(), h -> new ArrayList<>()).add(r));
        PrintStream o = System.out;
        o.printf(Locale.ROOT, "%d bookings (0-night stays skipped); cut-off %s; %s; %s%n", rows.size(), cutoff, config,
                "data: Antonio, Almeida and Nunes 2019, CC BY 4.0");
        List<HotelResult> results = new ArrayList<>();
        for (Map.Entry<String, List<ForecastRow>> e : byHotel.entrySet()) {
            results.add(hotel(e.getKey(), e.getValue(), cutoff, seed, o));
        }
        Svg.write(out.resolve("forecast.svg"), results);
        o.println("wrote " + out.resolve("forecast.svg"));
    }

    record Calibration(double predicted, double observed, int count) {}

    /** @param net revenue less the walks, at the rule's walk cost */
    record Replayed(String policy, long roomNights, double revenue, long walked, long walkNights, long refused, long refusedKept,
            double net) {}

    record HotelResult(String hotel, double auc, List<Calibration> deciles, List<Replayed> replays) {}

    private static HotelResult hotel(String hotel, List<ForecastRow> rows, LocalDate cutoff, long seed, PrintStream o) {
        rows = new ArrayList<>(rows);
        rows.sort(Comparator.comparing(ForecastRow::booked).thenComparingInt(ForecastRow::row));
        LocalDate first = rows.get(0).booked();
        LocalDate last = rows.stream().map(r -> r.stay().checkout()).max(Comparator.naturalOrder()).orElseThrow();
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        Map<String, Integer> rooms = rooms(rows, first, days);
        double[] occupancy = occupancyAtBooking(rows, rooms, first, days);
        List<BookingSnapshot> snapshots = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            snapshots.add(rows.get(i).snapshot(occupancy[i]));
        }
        List<LabelledBooking> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ForecastRow r = rows.get(i);
            if (r.stay().checkin().isBefore(cutoff)) {
                train.add(new LabelledBooking(snapshots.get(i), r.cancelled()));
            } else if (!r.booked().isBefore(cutoff)) {
                test.add(i);
            }
        }
        long started = System.nanoTime();
        CancellationModel model = new CancellationTrainer(config)
                .train(train, 1, Instant.parse(cutoff + "T00:00:00Z"));
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        double[] p = model.probabilities(snapshots);

        o.printf(Locale.ROOT, "%n== %s: %d rooms %s; trained on %d bookings arriving before %s (%.1f%% cancelled) in %.1f s; "
                        + "tested on %d made from %s%n", hotel, rooms.values().stream().mapToInt(Integer::intValue).sum(), rooms,
                train.size(), cutoff, 100.0 * train.stream().filter(LabelledBooking::cancelled).count() / train.size(), trainSeconds,
                test.size(), cutoff);

        // ---- classification --------------------------------------------------------------------------
        double[] tp = new double[test.size()];
        boolean[] ty = new boolean[test.size()];
        for (int k = 0; k < test.size(); k++) {
            tp[k] = p[test.get(k)];
            ty[k] = rows.get(test.get(k)).cancelled();
        }
        double auc = auc(tp, ty);
        int truePos = 0, falsePos = 0, falseNeg = 0, trueNeg = 0;
        for (int k = 0; k < tp.length; k++) {
            boolean said = tp[k] >= 0.5;
            if (said && ty[k]) truePos++;
            else if (said) falsePos++;
            else if (ty[k]) falseNeg++;
            else trueNeg++;
        }
        o.printf(Locale.ROOT, "held out: %d bookings, %.1f%% cancelled or no-show%n", tp.length, 100.0 * (truePos + falseNeg) / tp.length);
        o.printf(Locale.ROOT, "| hotel | AUC | accuracy | precision | recall |%n| %s | %.3f | %.1f%% | %.1f%% | %.1f%% |%n", hotel, auc,
                100.0 * (truePos + trueNeg) / tp.length, 100.0 * truePos / Math.max(1, truePos + falsePos),
                100.0 * truePos / Math.max(1, truePos + falseNeg));
        List<Calibration> deciles = calibration(tp, ty);
        o.println("| decile | predicted | observed | bookings |");
        for (int d = 0; d < deciles.size(); d++) {
            Calibration c = deciles.get(d);
            o.printf(Locale.ROOT, "| %d | %.3f | %.3f | %d |%n", d + 1, c.predicted(), c.observed(), c.count());
        }

        // ---- net demand ------------------------------------------------------------------------------
        netDemand(rows, p, cutoff, first, last, o);

        // ---- overbooking replay ----------------------------------------------------------------------
        double meanAdr = train.stream().mapToDouble(l -> l.snapshot().pricePerNight()).average().orElse(100);
        OverbookingRule rule = new OverbookingRule(Money.of(String.valueOf(Math.round(3 * meanAdr)), "EUR"),
                Money.of(String.valueOf(Math.round(meanAdr)), "EUR"), 0.10);
        o.printf(Locale.ROOT, "overbooking rule: walk cost EUR %s (3 x mean ADR), empty room EUR %s (mean ADR), critical ratio %.2f, "
                + "max walk risk %.0f%%%n", rule.walkCost().amount(), rule.emptyRoomValue().amount(), rule.criticalRatio(), rule.maxWalkRisk() * 100);
        Map<String, Double> baseRate = new HashMap<>();
        for (String type : rooms.keySet()) {
            baseRate.put(type, train.stream().filter(l -> l.snapshot().roomType().equals(type)).mapToDouble(l -> l.cancelled() ? 1 : 0)
                    .average().orElse(0.3));
        }
        List<Replayed> replays = new ArrayList<>();
        o.println("| rooms | policy | room-nights sold | revenue (EUR) | guests walked | nights with a walk | refused | refused that would have stayed | revenue less walks (EUR) |");
        for (double share : new double[] {1.0, 0.85}) {
            Map<String, Integer> scenario = new TreeMap<>();
            rooms.forEach((t, n) -> scenario.put(t, Math.max(1, (int) Math.round(n * share))));
            Map<String, Integer> flat = flatAllowance(rows, scenario, first, days);
            for (String policy : List.of("none", "flat", "recommended")) {
                Replayed r = replay(policy, rows, p, scenario, flat, baseRate, rule, cutoff, first, days);
                if (share != 1.0) {
                    replays.add(r); // the picture shows the tighter hotel, where the policies differ
                }
                o.printf(Locale.ROOT, "| %s | %s | %,d | %,.0f | %,d | %,d | %,d | %,d | %,.0f |%n", share == 1.0 ? "as planned" : "85%",
                        policy + (policy.equals("flat") ? " " + flat : ""), r.roomNights(), r.revenue(), r.walked(), r.walkNights(),
                        r.refused(), r.refusedKept(), r.net());
            }
        }
        return new HotelResult(hotel, auc, deciles, replays);
    }

    /** Per room type, the most stays kept on one night: the rooms the replay plans. */
    private static Map<String, Integer> rooms(List<ForecastRow> rows, LocalDate first, int days) {
        Map<String, int[]> kept = new TreeMap<>();
        for (ForecastRow r : rows) {
            int[] n = kept.computeIfAbsent(r.roomType(), t -> new int[days]);
            if (!r.cancelled()) {
                stayDays(r, first).forEach(d -> n[d]++);
            }
        }
        Map<String, Integer> rooms = new TreeMap<>();
        kept.forEach((t, n) -> rooms.put(t, Math.max(1, Arrays.stream(n).max().orElse(1))));
        return rooms;
    }

    /** The flat allowance the replay uses: the most on the books on one night less the rooms. */
    private static Map<String, Integer> flatAllowance(List<ForecastRow> rows, Map<String, Integer> rooms, LocalDate first, int days) {
        Map<String, Integer> peak = new TreeMap<>();
        Timeline timeline = new Timeline(rows, first, days);
        timeline.run((i, adding) -> {
            ForecastRow r = rows.get(i);
            int[] held = timeline.held(r.roomType());
            for (int d : stayDays(r, first).toArray()) {
                held[d] += adding ? 1 : -1;
                peak.merge(r.roomType(), held[d], Math::max);
            }
            return true;
        });
        Map<String, Integer> flat = new TreeMap<>();
        rooms.forEach((t, n) -> flat.put(t, Math.max(0, peak.getOrDefault(t, 0) - n)));
        return flat;
    }

    private static java.util.stream.IntStream stayDays(ForecastRow r, LocalDate first) {
        int from = (int) (r.stay().checkin().toEpochDay() - first.toEpochDay());
        return java.util.stream.IntStream.range(from, from + r.stay().nights());
    }

    /** Rooms of the type on the books for the stay's busiest night, as a share of the type's rooms, when booked. */
    private static double[] occupancyAtBooking(List<ForecastRow> rows, Map<String, Integer> rooms, LocalDate first, int days) {
        double[] occupancy = new double[rows.size()];
        Timeline timeline = new Timeline(rows, first, days);
        timeline.run((i, adding) -> {
            ForecastRow r = rows.get(i);
            int[] held = timeline.held(r.roomType());
            if (adding) {
                int max = stayDays(r, first).map(d -> held[d]).max().orElse(0);
                occupancy[i] = (double) max / rooms.get(r.roomType());
            }
            stayDays(r, first).forEach(d -> held[d] += adding ? 1 : -1);
            return true;
        });
        return occupancy;
    }

    /** Bookings and cancellations in time order: a cancellation dated before a booking's day goes first. */
    private static final class Timeline {
        private final List<ForecastRow> rows;
        private final Map<String, int[]> held = new HashMap<>();
        private final int days;

        Timeline(List<ForecastRow> rows, LocalDate first, int days) {
            this.rows = rows;
            this.days = days;
        }

        int[] held(String type) {
            return held.computeIfAbsent(type, t -> new int[days]);
        }

        interface Step {
            /** @return whether a booking is taken (a refused one is never cancelled) */
            boolean apply(int index, boolean adding);
        }

        void run(Step step) {
            PriorityQueue<int[]> cancellations = new PriorityQueue<>(Comparator.<int[]>comparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
            for (int i = 0; i < rows.size(); i++) {
                ForecastRow r = rows.get(i);
                long day = r.booked().toEpochDay();
                while (!cancellations.isEmpty() && cancellations.peek()[0] < day) {
                    step.apply(cancellations.poll()[1], false);
                }
                if (step.apply(i, true) && r.cancelled()) {
                    cancellations.add(new int[] {(int) r.cancelledOn().toEpochDay(), i});
                }
            }
            while (!cancellations.isEmpty()) {
                step.apply(cancellations.poll()[1], false);
            }
        }
    }

    private static Replayed replay(String policy, List<ForecastRow> rows, double[] p, Map<String, Integer> rooms,
            Map<String, Integer> flat, Map<String, Double> baseRate, OverbookingRule rule, LocalDate cutoff, LocalDate first, int days) {
        int from = (int) (cutoff.toEpochDay() - first.toEpochDay());
        Map<String, double[]> sumP = new HashMap<>();
        Map<String, int[]> allowanceCache = new HashMap<>();
        boolean[] taken = new boolean[rows.size()];
        long[] refused = new long[2];
        Timeline timeline = new Timeline(rows, first, days);
        timeline.run((i, adding) -> {
            ForecastRow r = rows.get(i);
            int[] held = timeline.held(r.roomType());
            double[] sp = sumP.computeIfAbsent(r.roomType(), t -> new double[days]);
            int typeRooms = rooms.get(r.roomType());
            if (adding) {
                for (int d : stayDays(r, first).toArray()) {
                    if (d < from) {
                        continue;
                    }
                    int allowance = switch (policy) {
                        case "none" -> 0;
                        case "flat" -> flat.get(r.roomType());
                        default -> {
                            double mean = held[d] == 0 ? baseRate.get(r.roomType()) : sp[d] / held[d];
                            yield rule.allowance(typeRooms, Math.min(1, Math.max(0, mean)));
                        }
                    };
                    if (held[d] >= typeRooms + allowance) {
                        refused[0]++;
                        if (!r.cancelled()) {
                            refused[1]++;
                        }
                        return false;
                    }
                }
                taken[i] = true;
            }
            for (int d : stayDays(r, first).toArray()) {
                held[d] += adding ? 1 : -1;
                sp[d] += adding ? p[i] : -p[i];
            }
            return true;
        });
        // the nights: who came
        Map<String, int[]> shows = new HashMap<>();
        Map<String, double[]> revenue = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ForecastRow r = rows.get(i);
            if (taken[i] && !r.cancelled()) {
                int[] s = shows.computeIfAbsent(r.roomType(), t -> new int[days]);
                double[] v = revenue.computeIfAbsent(r.roomType(), t -> new double[days]);
                stayDays(r, first).filter(d -> d >= from).forEach(d -> {
                    s[d]++;
                    v[d] += r.adr();
                });
            }
        }
        long roomNights = 0, walked = 0, walkNights = 0;
        double money = 0;
        for (Map.Entry<String, int[]> e : shows.entrySet()) {
            int typeRooms = rooms.get(e.getKey());
            double[] v = revenue.get(e.getKey());
            for (int d = from; d < days; d++) {
                int came = e.getValue()[d];
                int in = Math.min(came, typeRooms);
                roomNights += in;
                money += came == 0 ? 0 : v[d] * in / came;
                if (came > typeRooms) {
                    walked += came - typeRooms;
                    walkNights++;
                }
            }
        }
        return new Replayed(policy, roomNights, money, walked, walkNights, refused[0], refused[1],
                money - walked * rule.walkCost().amount().doubleValue());
    }

    /**
     * Rooms in house on each held-out night, forecast h days ahead: the bookings on the books then, each
     * counted by its chance of coming, plus the pickup still to come (the training nights' mean, by weekday,
     * of stays booked in the last h days), against a naive forecast with the same pickup and the
     * hotel's average show-up rate in place of the model.
     */
    private static void netDemand(List<ForecastRow> rows, double[] p, LocalDate cutoff, LocalDate first, LocalDate last, PrintStream o) {
        LocalDate lastNight = rows.stream().filter(r -> !r.cancelled()).map(r -> r.stay().checkout().minusDays(1))
                .max(Comparator.naturalOrder()).orElseThrow();
        double showRate = rows.stream().filter(r -> r.stay().checkin().isBefore(cutoff)).mapToDouble(r -> r.cancelled() ? 0 : 1)
                .average().orElse(1);
        o.printf(Locale.ROOT, "net demand (all room types), nights %s to %s; naive show-up rate %.3f%n", cutoff.plusDays(30), lastNight, showRate);
        o.println("| days ahead | model MAPE | naive MAPE | model MAPE of the on-books' shows | naive, same | nights |");
        for (int h : HORIZONS) {
            // pickup by weekday from the training nights that are fully known
            double[] pickup = new double[7];
            int[] pickupNights = new int[7];
            Map<LocalDate, Integer> late = new HashMap<>();
            for (ForecastRow r : rows) {
                if (!r.cancelled()) {
                    for (LocalDate n : (Iterable<LocalDate>) r.stay().dates()::iterator) {
                        if (r.booked().isAfter(n.minusDays(h))) {
                            late.merge(n, 1, Integer::sum);
                        }
                    }
                }
            }
            for (LocalDate n = first.plusDays(365); n.isBefore(cutoff); n = n.plusDays(1)) {
                int w = n.getDayOfWeek().getValue() - 1;
                pickup[w] += late.getOrDefault(n, 0);
                pickupNights[w]++;
            }
            double model = 0, naive = 0, modelBooks = 0, naiveBooks = 0;
            int nights = 0, nightsBooks = 0;
            for (LocalDate night = cutoff.plusDays(30); !night.isAfter(lastNight); night = night.plusDays(1)) {
                LocalDate asOf = night.minusDays(h);
                double onBooks = 0, expected = 0;
                int came = 0, cameOfBooks = 0;
                for (int i = 0; i < rows.size(); i++) {
                    ForecastRow r = rows.get(i);
                    if (!r.stay().includesNight(night)) {
                        continue;
                    }
                    boolean onBooksThen = !r.booked().isAfter(asOf) && (r.cancelledOn() == null || r.cancelledOn().isAfter(asOf));
                    if (!r.cancelled()) {
                        came++;
                    }
                    if (onBooksThen) {
                        onBooks++;
                        expected += 1 - p[i];
                        if (!r.cancelled()) {
                            cameOfBooks++;
                        }
                    }
                }
                int w = night.getDayOfWeek().getValue() - 1;
                double toCome = pickupNights[w] == 0 ? 0 : pickup[w] / pickupNights[w];
                if (came > 0) {
                    model += Math.abs(expected + toCome - came) / came;
                    naive += Math.abs(onBooks * showRate + toCome - came) / came;
                    nights++;
                }
                if (cameOfBooks > 0) {
                    modelBooks += Math.abs(expected - cameOfBooks) / cameOfBooks;
                    naiveBooks += Math.abs(onBooks * showRate - cameOfBooks) / cameOfBooks;
                    nightsBooks++;
                }
            }
            o.printf(Locale.ROOT, "| %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %d |%n", h, 100 * model / nights, 100 * naive / nights,
                    100 * modelBooks / nightsBooks, 100 * naiveBooks / nightsBooks, nights);
        }
    }

    static double auc(double[] p, boolean[] y) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = p.length - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static List<Calibration> calibration(double[] p, boolean[] y) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        List<Calibration> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = d * p.length / 10, to = (d + 1) * p.length / 10;
            double sp = 0, sy = 0;
            for (int k = from; k < to; k++) {
                sp += p[order[k]];
                sy += y[order[k]] ? 1 : 0;
            }
            deciles.add(new Calibration(sp / (to - from), sy / (to - from), to - from));
        }
        return deciles;
    }
}
