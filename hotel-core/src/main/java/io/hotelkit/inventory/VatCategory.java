package io.hotelkit.inventory;

/**
 * The VAT rates a property charges: one for accommodation, one for food and beverage, one for everything
 * else (Portugal: 6, 13 and 23 %). Each charge category (room, breakfast, parking, ...) maps to one.
 */
public enum VatCategory {
    ACCOMMODATION,
    FOOD_AND_BEVERAGE,
    OTHER
}
