package io.hotelkit.forecast;

import io.hotelkit.shared.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per night and room type ahead: the bookings on the books, the cancellations and no-shows expected of
 * them, the net demand, and the recommended overbooking allowance.
 */
public final class DemandForecaster {

    private final CancellationModel model;
    private final OverbookingRule rule;

    public DemandForecaster(CancellationModel model, OverbookingRule rule) {
        this.model = Objects.requireNonNull(model, "model");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * @param nights the nights to forecast
     * @param rooms each room type's rooms to sell
     * @param onBooks the snapshots of the bookings that hold inventory now (as made)
     */
    public List<NightForecast> forecast(DateRange nights, Map<String, Integer> rooms, List<BookingSnapshot> onBooks) {
        double[] p = model.probabilities(onBooks);
        Map<String, Map<LocalDate, double[]>> sums = new TreeMap<>();
        for (int i = 0; i < onBooks.size(); i++) {
            BookingSnapshot b = onBooks.get(i);
            for (LocalDate night : (Iterable<LocalDate>) b.stay().dates()::iterator) {
                if (nights.contains(night)) {
                    double[] s = sums.computeIfAbsent(b.roomType(), k -> new HashMap<>()).computeIfAbsent(night, k -> new double[2]);
                    s[0]++;
                    s[1] += p[i];
                }
            }
        }
        double overall = 0;
        for (double v : p) {
            overall += v;
        }
        double fallback = p.length == 0 ? 0.2 : overall / p.length;
        List<NightForecast> out = new ArrayList<>();
        for (String type : new TreeMap<>(rooms).keySet()) {
            int typeRooms = rooms.get(type);
            Map<LocalDate, double[]> byNight = sums.getOrDefault(type, Map.of());
            for (LocalDate night : (Iterable<LocalDate>) nights.dates()::iterator) {
                double[] s = byNight.getOrDefault(night, new double[2]);
                int count = (int) s[0];
                double mean = count == 0 ? fallback : s[1] / count;
                out.add(new NightForecast(night, type, typeRooms, count, s[1], count - s[1], rule.allowance(typeRooms, mean)));
            }
        }
        return out;
    }
}
