package io.hotelkit.benchmarks.replay;

import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;

/**
 * One row of the hotel booking demand data set, reduced to what a replay needs, with its quirks resolved
 * (see {@link BookingCsv} for the rules).
 *
 * @param row the row's number in the file, from 1
 * @param booked when the booking was made: arrival less the lead time
 * @param cancelled the date it was cancelled (the reservation status date of a cancelled or no-show
 *     booking, but never before it was made), or null if it was kept
 * @param adr the data's average daily rate, in euros
 */
public record RecordedBooking(int row, String hotel, String roomType, Stay stay, Occupancy occupancy, LocalDate booked,
        LocalDate cancelled, double adr, String country) {

    public boolean isCancelled() {
        return cancelled != null;
    }
}
