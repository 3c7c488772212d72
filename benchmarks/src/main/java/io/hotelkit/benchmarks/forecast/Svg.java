package io.hotelkit.benchmarks.forecast;

import io.hotelkit.benchmarks.forecast.ForecastBenchmark.Calibration;
import io.hotelkit.benchmarks.forecast.ForecastBenchmark.HotelResult;
import io.hotelkit.benchmarks.forecast.ForecastBenchmark.Replayed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The benchmark's picture: calibration by decile, and the overbooking replay's revenue and walks. */
final class Svg {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c"};

    private Svg() {}

    static void write(Path file, List<HotelResult> hotels) throws IOException {
        StringBuilder s = new StringBuilder();
        int width = 980, height = 380;
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        // calibration: x predicted, y observed
        int x0 = 60, y0 = 330, size = 260;
        s.append(text(x0, 30, "Calibration on the held-out bookings (deciles)", 14));
        s.append(line(x0, y0, x0 + size, y0, "#000")).append(line(x0, y0, x0, y0 - size, "#000"))
                .append(line(x0, y0, x0 + size, y0 - size, "#aaa"));
        s.append(text(x0 + 70, y0 + 30, "predicted cancellation rate", 12)).append(text(x0 - 45, y0 - size - 8, "observed", 12));
        for (int t = 0; t <= 4; t++) {
            double v = t / 4.0;
            s.append(text(x0 + (int) (v * size) - 8, y0 + 15, fmt(v), 10)).append(text(x0 - 30, y0 - (int) (v * size) + 4, fmt(v), 10));
        }
        for (int h = 0; h < hotels.size(); h++) {
            HotelResult hotel = hotels.get(h);
            StringBuilder points = new StringBuilder();
            for (Calibration c : hotel.deciles()) {
                int x = x0 + (int) Math.round(c.predicted() * size), y = y0 - (int) Math.round(c.observed() * size);
                points.append(x).append(',').append(y).append(' ');
                s.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\" fill=\"").append(COLOURS[h]).append("\"/>\n");
            }
            s.append("<polyline fill=\"none\" stroke=\"").append(COLOURS[h]).append("\" points=\"").append(points).append("\"/>\n");
            s.append(text(x0 + 10, 55 + 16 * h, hotel.hotel() + String.format(Locale.ROOT, " (AUC %.3f)", hotel.auc()), 12, COLOURS[h]));
        }
        // replay: what overbooking gains over none, and what it costs in walks
        int bx = 420;
        s.append(text(bx, 30, "Held-out nights replayed, rooms at 85% of the busiest night:", 14));
        s.append(text(bx, 48, "revenue less walks (EUR 3 x mean ADR each) gained over no overbooking", 12));
        double max = 1;
        for (HotelResult hotel : hotels) {
            double none = hotel.replays().getFirst().net();
            for (Replayed r : hotel.replays()) {
                max = Math.max(max, Math.abs(r.net() - none));
            }
        }
        for (int h = 0; h < hotels.size(); h++) {
            HotelResult hotel = hotels.get(h);
            double none = hotel.replays().getFirst().net();
            s.append(text(bx + 20 + h * 280, y0 + 40, hotel.hotel(), 12));
            for (int k = 1; k < hotel.replays().size(); k++) {
                Replayed r = hotel.replays().get(k);
                double gain = r.net() - none;
                int bh = (int) Math.round(Math.abs(gain) / max * (size - 60));
                int x = bx + 20 + h * 280 + (k - 1) * 110;
                s.append("<rect x=\"").append(x).append("\" y=\"").append(gain >= 0 ? y0 - bh : y0).append("\" width=\"80\" height=\"")
                        .append(bh).append("\" fill=\"").append(COLOURS[k]).append("\"/>\n");
                s.append(text(x, y0 + 15, r.policy(), 11));
                int top = gain >= 0 ? y0 - bh : y0;
                s.append(text(x, top - 34, String.format(Locale.ROOT, "%+,.0f EUR", gain), 10));
                s.append(text(x, top - 20, r.walked() + " walked", 10));
                s.append(text(x, top - 6, r.refusedKept() + " stays refused", 10));
            }
        }
        s.append(line(bx, y0, bx + 560, y0, "#000"));
        s.append("</svg>\n");
        Files.writeString(file, s);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String line(int x1, int y1, int x2, int y2, String colour) {
        return "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n".formatted(x1, y1, x2, y2, colour);
    }

    private static String text(int x, int y, String text, int size) {
        return text(x, y, text, size, "#000");
    }

    private static String text(int x, int y, String text, int size, String colour) {
        return "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"%s\">%s</text>\n".formatted(x, y, size, colour, text);
    }
}
