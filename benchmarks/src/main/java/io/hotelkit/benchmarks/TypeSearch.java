package io.hotelkit.benchmarks;

/** A search of a hotel's room types for a stay: how many of each type are free for it. */
interface TypeSearch {

    /**
     * Fills {@code free[t]} with how many of type {@code t} are free for the {@code nights} nights from
     * night {@code from} of the horizon.
     */
    void freePerType(int from, int nights, int[] free);
}
