package io.hotelkit.benchmarks.replay;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What a target must open to take one hotel's bookings: its room types with rooms for the busiest night
 * of the stays kept and the overbooking that takes every booking the replay puts on the books, a nightly price per room type and month, a business date on the
 * first arrival and a longest stay that takes every stay.
 *
 * @param code the property code, made from the data's hotel name
 * @param nights the nights the data's stays cover, from the first arrival
 * @param prices per room type, per month, the price of a night in euro cents
 */
public record HotelPlan(String code, String name, LocalDate businessDate, LocalDate end, int maxStayNights,
        List<RoomTypePlan> roomTypes, Map<String, Map<YearMonth, Long>> prices) {

    /**
     * A room type: rooms for its busiest night of stays kept, an overbooking allowance for the bookings
     * on the books then that cancel later, and the most guests any of its bookings brings.
     */
    public record RoomTypePlan(String code, int rooms, int overbooking, int maxAdults, int maxChildren, int maxOccupancy) {}

    public int rooms() {
        return roomTypes.stream().mapToInt(RoomTypePlan::rooms).sum();
    }
}
