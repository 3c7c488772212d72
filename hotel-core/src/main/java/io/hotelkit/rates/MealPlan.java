package io.hotelkit.rates;

/** What meals a rate plan's price includes. */
public enum MealPlan {
    ROOM_ONLY,
    BREAKFAST,
    HALF_BOARD,
    FULL_BOARD,
    ALL_INCLUSIVE
}
