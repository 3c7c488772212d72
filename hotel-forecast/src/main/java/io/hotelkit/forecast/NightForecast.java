package io.hotelkit.forecast;

import java.time.LocalDate;

/**
 * One night of one room type, ahead.
 *
 * @param rooms the type's rooms that night
 * @param onBooks bookings of the type holding the night now
 * @param expectedCancellations the sum of those bookings' chances of cancelling or not showing
 * @param netDemand rooms expected to be in use: on the books less the expected cancellations
 * @param recommendedAllowance the overbooking allowance the {@link OverbookingRule} recommends
 */
public record NightForecast(LocalDate night, String roomType, int rooms, int onBooks, double expectedCancellations,
        double netDemand, int recommendedAllowance) {}
