package io.hotelkit.availability;

import java.util.Arrays;

/** A count per night, indexed by epoch day, growing as nights are touched. Guarded by its property's lock. */
final class NightCounts {

    private long firstDay;
    private int[] counts = new int[0];

    int get(long day) {
        long i = day - firstDay;
        return i >= 0 && i < counts.length ? counts[(int) i] : 0;
    }

    void add(long day, int delta) {
        int i = indexForWrite(day); // first: it may replace the array
        counts[i] += delta;
    }

    /** The largest count over {@code nights} nights from {@code fromDay}. */
    int max(long fromDay, int nights) {
        int[] values = counts; // one read: a writer may replace the array
        // nights outside the array count zero, so only the overlap is read, in a loop without range checks
        int from = Math.clamp(fromDay - firstDay, 0, values.length);
        int to = Math.clamp(fromDay - firstDay + nights, 0, values.length);
        int max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    private int indexForWrite(long day) {
        if (counts.length == 0) {
            firstDay = day - (day & 63);
            counts = new int[128];
        } else if (day < firstDay) {
            int shift = (int) Math.max(firstDay - day, counts.length / 2);
            int[] grown = new int[counts.length + shift];
            System.arraycopy(counts, 0, grown, shift, counts.length);
            counts = grown;
            firstDay -= shift;
        } else if (day - firstDay >= counts.length) {
            counts = Arrays.copyOf(counts, (int) Math.max(day - firstDay + 1, counts.length * 2L));
        }
        return (int) (day - firstDay);
    }
}
