package io.hotelkit.reporting;

import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Occupancy, ADR and RevPAR night by night, and over the whole range. */
public record OccupancyReport(DateRange nights, List<Night> perNight, Totals totals) {

    public OccupancyReport {
        perNight = List.copyOf(perNight);
    }

    /**
     * One night.
     *
     * @param occupancy rooms sold over rooms available (all less out of order), from 0 to 1 (and past 1 when overbooked)
     * @param adr average daily rate: room revenue per room sold
     * @param revpar room revenue per room available
     * @param overbooking how many bookings past their rooms the room types may take that night: each type's
     *     own allowance for the night where one is set apart, else its overbooking limit
     */
    public record Night(LocalDate date, int roomsTotal, int roomsOutOfOrder, int roomsSold, BigDecimal occupancy, Money adr,
            Money revpar, Money roomRevenue, int overbooking) {}

    /** The range as a whole: room-nights, and the same ratios over them. */
    public record Totals(long roomsTotal, long roomsOutOfOrder, long roomsSold, BigDecimal occupancy, Money adr, Money revpar,
            Money roomRevenue) {}
}
