package io.hotelkit.forecast;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How one categorical feature (a room type, a rate plan, a source) becomes numbers: its share of the
 * training bookings and its cancellation rate there, shrunk towards the overall rate while it has few
 * bookings. An unseen value gets share 0 and the overall rate.
 */
final class Encoding {

    /** How many bookings a value needs before its own rate counts as much as the overall one. */
    static final double SHRINK = 20;

    private final Map<String, double[]> counts;
    private final double overall;

    private Encoding(Map<String, double[]> counts, double overall) {
        this.counts = counts;
        this.overall = overall;
    }

    static Encoding learn(List<@Nullable String> values, boolean[] cancelled) {
        Map<String, double[]> counts = new TreeMap<>();
        int positives = 0;
        for (int i = 0; i < values.size(); i++) {
            double[] c = counts.computeIfAbsent(key(values.get(i)), k -> new double[2]);
            c[0]++;
            if (cancelled[i]) {
                c[1]++;
                positives++;
            }
        }
        return new Encoding(counts, values.isEmpty() ? 0 : (double) positives / values.size());
    }

    /** The value's cancellation rate, shrunk towards the overall rate. */
    double rate(@Nullable String value) {
        double[] c = counts.get(key(value));
        double n = c == null ? 0 : c[0];
        double k = c == null ? 0 : c[1];
        return (k + SHRINK * overall) / (n + SHRINK);
    }

    double count(@Nullable String value) {
        double[] c = counts.get(key(value));
        return c == null ? 0 : c[0];
    }

    private static String key(@Nullable String value) {
        return value == null ? "" : value;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeDouble(overall);
        out.writeInt(counts.size());
        for (Map.Entry<String, double[]> e : counts.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeDouble(e.getValue()[0]);
            out.writeDouble(e.getValue()[1]);
        }
    }

    static Encoding read(DataInputStream in) throws IOException {
        double overall = in.readDouble();
        int size = in.readInt();
        Map<String, double[]> counts = new HashMap<>();
        for (int i = 0; i < size; i++) {
            counts.put(in.readUTF(), new double[] {in.readDouble(), in.readDouble()});
        }
        return new Encoding(new TreeMap<>(counts), overall);
    }
}
