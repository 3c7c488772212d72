package io.hotelkit.shared;

import java.util.Arrays;

/**
 * The ids added last, at least {@code remembered} of them and at most twice that: two generations of
 * open-addressed tables of the ids themselves. When the current generation is full, the older one is
 * forgotten whole, so nothing is ever removed one by one and an id added costs no allocation. (A
 * {@code LinkedHashMap} that drops its eldest entry made an entry object per id, which lived just long
 * enough to be copied by the collector, and spent time in its links.) Not thread-safe.
 */
final class RecentIds {

    private static final int FIRST_CAPACITY = 1024;

    private final int remembered;
    private String[] current = new String[FIRST_CAPACITY];
    private int currentCount;
    private String[] previous = new String[0];

    RecentIds(int remembered) {
        if (remembered < 1) {
            throw new IllegalArgumentException("remembered must be at least 1, not " + remembered);
        }
        this.remembered = remembered;
    }

    void add(String id) {
        if (contains(current, id)) {
            return;
        }
        if (currentCount == remembered) {
            String[] forgotten = previous;
            previous = current;
            current = forgotten.length == previous.length ? forgotten : new String[previous.length];
            Arrays.fill(current, null);
            currentCount = 0;
        } else if (2 * (currentCount + 1) > current.length) { // at most half full: probes stay short
            String[] grown = new String[current.length * 2];
            for (String kept : current) {
                if (kept != null) {
                    insert(grown, kept);
                }
            }
            current = grown;
        }
        insert(current, id);
        currentCount++;
    }

    boolean contains(String id) {
        return contains(current, id) || contains(previous, id);
    }

    private static boolean contains(String[] table, String id) {
        if (table.length == 0) {
            return false;
        }
        int mask = table.length - 1;
        for (int i = spread(id.hashCode()) & mask; table[i] != null; i = (i + 1) & mask) {
            if (table[i].equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static void insert(String[] table, String id) {
        int mask = table.length - 1;
        int i = spread(id.hashCode()) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = id;
    }

    /**
     * The hash mixed (MurmurHash3's finalizer): ids made one after another differ in their last character,
     * so their string hashes are consecutive, and consecutive slots would make one long probe chain.
     */
    private static int spread(int hash) {
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        return hash ^ (hash >>> 16);
    }
}
