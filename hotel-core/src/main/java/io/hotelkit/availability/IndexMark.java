package io.hotelkit.availability;

/**
 * Where a property's index stood when a reload began ({@link AvailabilityEngine#mark}), and so whether
 * {@link AvailabilityEngine#load} may replace it: only if it still stands there, or always ({@link #FORCE}).
 */
public sealed interface IndexMark {

    /** The engine had no index of the property: a load adds one only if there is still none. */
    IndexMark ABSENT = new Absent();

    /** The property had changes in flight: an index read from the store now could miss them, so do not load. */
    IndexMark BUSY = new Busy();

    /** Not a mark: a load with it replaces whatever index the property has. */
    IndexMark FORCE = new Force();

    /** The index at {@code version}: a load replaces it only if nothing changed it since. */
    static IndexMark at(long version) {
        return new At(version);
    }

    /** See {@link #ABSENT}. */
    record Absent() implements IndexMark {}

    /** See {@link #BUSY}. */
    record Busy() implements IndexMark {}

    /** See {@link #FORCE}. */
    record Force() implements IndexMark {}

    /** See {@link #at}. */
    record At(long version) implements IndexMark {}
}
