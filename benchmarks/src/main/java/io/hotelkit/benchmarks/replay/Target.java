package io.hotelkit.benchmarks.replay;

import io.hotelkit.reporting.OccupancyReport;
import io.hotelkit.shared.DateRange;
import java.util.concurrent.CompletableFuture;

/**
 * Where a replay sends its bookings: hotelkit embedded in memory ({@link InMemoryTarget}), on JPA and
 * PostgreSQL ({@link JpaTarget}), or the reference server over HTTP ({@link HttpTarget}). A target makes
 * each hotel of a {@link HotelPlan}, books and cancels as told, and reports occupancy from its own data;
 * the replay times it and counts what it refuses.
 *
 * <p>Calls come from one thread, in time order. A target keeps its own map from the data's hotel names
 * and booking references to its ids. The replay calls {@link #submitBook} and {@link #submitCancel}, which
 * book and cancel at once unless a target overrides them to work ahead concurrently ({@link JpaTarget}),
 * and then {@link #awaitSubmitted} before it stops the clock.
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

    /** Occupancy, ADR and RevPAR of one of the hotels, night by night, at most 731 nights. */
    OccupancyReport occupancy(String hotel, DateRange nights);

    /** Books as {@link #book} does; a target may run it later, concurrently with others, and complete the answer then. */
    default CompletableFuture<Outcome> submitBook(RecordedBooking booking) {
        return CompletableFuture.completedFuture(book(booking));
    }

    /**
     * Cancels the booking that {@code booked} answers, once it is answered and only if it was booked;
     * completes with whether it cancelled.
     */
    default CompletableFuture<Boolean> submitCancel(RecordedBooking booking, CompletableFuture<Outcome> booked) {
        Outcome outcome = booked.join();
        if (outcome.isBooked()) {
            cancel(booking, outcome.reference());
        }
        return CompletableFuture.completedFuture(outcome.isBooked());
    }

    /** Waits until everything submitted is done; a target that works ahead also fails here with what failed. */
    default void awaitSubmitted() {}

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
