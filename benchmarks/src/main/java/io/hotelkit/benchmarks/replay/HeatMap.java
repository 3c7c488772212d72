package io.hotelkit.benchmarks.replay;

import io.hotelkit.reporting.OccupancyReport;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

/** A month × day-of-month grid of nightly occupancy, as SVG, in plain Java. */
public final class HeatMap {

    private static final int CELL = 16;
    private static final int LEFT = 70;
    private static final int TOP = 50;

    private HeatMap() {}

    public static String svg(String title, Map<YearMonth, OccupancyReport> months) {
        int width = LEFT + 31 * CELL + 150;
        int height = TOP + months.size() * CELL + 60;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n"
                .formatted(width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>\n".formatted(LEFT, escape(title)));
        for (int day = 1; day <= 31; day += day == 1 ? 4 : 5) {
            svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>\n".formatted(LEFT + (day - 1) * CELL + CELL / 2, TOP - 6, day));
        }
        int row = 0;
        for (Map.Entry<YearMonth, OccupancyReport> month : months.entrySet()) {
            int y = TOP + row * CELL;
            svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n".formatted(LEFT - 6, y + CELL - 4, month.getKey()));
            for (OccupancyReport.Night night : month.getValue().perNight()) {
                double occupancy = night.occupancy().doubleValue();
                svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %.0f%%</title></rect>\n".formatted(
                        LEFT + (night.date().getDayOfMonth() - 1) * CELL, y, CELL - 1, CELL - 1, color(occupancy), night.date(),
                        occupancy * 100));
            }
            row++;
        }
        int legendX = LEFT + 31 * CELL + 20;
        for (int step = 0; step <= 10; step++) {
            svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n".formatted(legendX, TOP + (10 - step) * 12, 14, 12,
                    color(step / 10.0)));
            if (step % 5 == 0) {
                svg.append("<text x=\"%d\" y=\"%d\">%d%%</text>\n".formatted(legendX + 20, TOP + (10 - step) * 12 + 10, step * 10));
            }
        }
        svg.append("<text x=\"%d\" y=\"%d\" font-size=\"9\">%s</text>\n".formatted(LEFT, height - 16, escape(BookingCsv.CREDIT)));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** White at 0 %, through yellow, to dark red at 100 % and beyond. */
    static String color(double occupancy) {
        double t = Math.max(0, Math.min(1, occupancy));
        int red = (int) Math.round(t < 0.5 ? 255 : 255 - (t - 0.5) * 2 * 115);
        int green = (int) Math.round(t < 0.5 ? 255 - t * 2 * 55 : 200 - (t - 0.5) * 2 * 200);
        int blue = (int) Math.round(t < 0.5 ? 255 - t * 2 * 255 : 0);
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
