package io.hotelkit.availability;

import java.util.Arrays;

/**
 * One room's occupied nights as a bitset indexed by epoch day: bit {@code d - 64 * firstWord} of the
 * word array is night {@code d}. Whether a stay of N nights is free costs about N / 64 word operations.
 * Guarded by its property's lock.
 */
final class NightBits {

    private long firstWord;
    private long[] words = new long[0];

    /** Whether none of {@code nights} nights from {@code fromDay} is set. */
    boolean isClear(long fromDay, int nights) {
        long toDay = fromDay + nights; // exclusive
        long firstDay = firstWord << 6;
        long lastDay = (firstWord + words.length) << 6; // exclusive
        long from = Math.max(fromDay, firstDay);
        long to = Math.min(toDay, lastDay);
        if (from >= to) {
            return true;
        }
        int fromWord = (int) ((from >> 6) - firstWord);
        int toWord = (int) (((to - 1) >> 6) - firstWord);
        long fromMask = -1L << (from & 63);
        long toMask = -1L >>> (63 - ((to - 1) & 63));
        if (fromWord == toWord) {
            return (words[fromWord] & fromMask & toMask) == 0;
        }
        if ((words[fromWord] & fromMask) != 0) {
            return false;
        }
        for (int w = fromWord + 1; w < toWord; w++) {
            if (words[w] != 0) {
                return false;
            }
        }
        return (words[toWord] & toMask) == 0;
    }

    boolean get(long day) {
        long w = (day >> 6) - firstWord;
        return w >= 0 && w < words.length && (words[(int) w] & (1L << (day & 63))) != 0;
    }

    void set(long day) {
        int w = indexForWrite(day >> 6);
        words[w] |= 1L << (day & 63);
    }

    void clear(long day) {
        long w = (day >> 6) - firstWord;
        if (w >= 0 && w < words.length) {
            words[(int) w] &= ~(1L << (day & 63));
        }
    }

    /** Bytes held, for the engine's memory report. */
    long bytes() {
        return 16L + 8L * words.length;
    }

    private int indexForWrite(long word) {
        if (words.length == 0) {
            firstWord = word;
            words = new long[2];
        } else if (word < firstWord) {
            int shift = (int) Math.max(firstWord - word, Math.max(1, words.length / 2));
            long[] grown = new long[words.length + shift];
            System.arraycopy(words, 0, grown, shift, words.length);
            words = grown;
            firstWord -= shift;
        } else if (word - firstWord >= words.length) {
            words = Arrays.copyOf(words, (int) Math.max(word - firstWord + 1, words.length * 2L));
        }
        return (int) (word - firstWord);
    }
}
