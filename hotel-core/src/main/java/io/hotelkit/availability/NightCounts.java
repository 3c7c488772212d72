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
        int max = 0;
        long start = fromDay - firstDay;
        for (int n = 0; n < nights; n++) {
            long i = start + n;
            if (i >= 0 && i < counts.length && counts[(int) i] > max) {
                max = counts[(int) i];
            }
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
