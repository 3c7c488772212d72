package io.hotelkit.benchmarks.replay;

import io.hotelkit.reporting.OccupancyReport;
import io.hotelkit.shared.DateRange;

/**
 * Where a replay sends its bookings: hotelkit embedded in memory ({@link InMemoryTarget}), on JPA and
 * PostgreSQL ({@link JpaTarget}), or the reference server over HTTP ({@link HttpTarget}). A target makes
 * each hotel of a {@link HotelPlan}, books and cancels as told, and reports occupancy from its own data;
 * the replay times it and counts what it refuses.
 *
 * <p>Calls come from one thread, in time order, unless the target says it takes {@link #concurrentCalls()}:
 * then {@link #book} and {@link #cancel} may come from several threads at once, within the replay's window
 * (see {@link Replay#run(java.util.List, java.util.List, Target, int)}). A target keeps its own map from the
 * data's hotel names and booking references to its ids.
 */
public interface Target extends AutoCloseable {

    /** A short name for reports, such as {@code in-memory}. */
    String name();

    /** Opens the hotel: property, room types and rooms, and one rate plan, {@code BAR}, priced every night. */
    void open(HotelPlan plan);

    /** Books the recorded stay at {@code BAR}. */
    Outcome book(RecordedBooking booking);

    /** Cancels a booking this target made, by the reference {@link #book} gave. */
    void cancel(RecordedBooking booking, String reference);

    /** Whether {@link #book} and {@link #cancel} may be called from several threads at once (after {@link #open}). */
    default boolean concurrentCalls() {
        return false;
    }

    /** Occupancy, ADR and RevPAR of one of the hotels, night by night, at most 731 nights. */
    OccupancyReport occupancy(String hotel, DateRange nights);

    @Override
    default void close() {}

    /** A booking made (its reference) or refused (why). */
    record Outcome(String reference, String refusal) {

        public static Outcome booked(String reference) {
            return new Outcome(reference, null);
        }

        public static Outcome refused(String why) {
            return new Outcome(null, why);
        }

        public boolean isBooked() {
            return reference != null;
        }
    }
}
