package io.hotelkit.inventory;

import io.hotelkit.internal.Decimals;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A property's VAT rates by {@link VatCategory}, and which category each charge category is in.
 *
 * <p>A charge category is a code: {@code room}, a package's or an extra's category ({@code breakfast},
 * {@code minibar}, {@code parking}, {@code spa}). Those not in {@code categories} take {@link #DEFAULTS}'s
 * category, and those in neither are {@link VatCategory#OTHER}.
 *
 * @param categories charge category code to VAT category, overriding {@link #DEFAULTS}
 */
public record VatRates(BigDecimal accommodation, BigDecimal foodAndBeverage, BigDecimal other,
        Map<String, VatCategory> categories) {

    /** The categories every property has unless it says otherwise. */
    public static final Map<String, VatCategory> DEFAULTS = Map.of(
            "room", VatCategory.ACCOMMODATION,
            "food_and_beverage", VatCategory.FOOD_AND_BEVERAGE,
            "breakfast", VatCategory.FOOD_AND_BEVERAGE,
            "meals", VatCategory.FOOD_AND_BEVERAGE,
            "restaurant", VatCategory.FOOD_AND_BEVERAGE,
            "bar", VatCategory.FOOD_AND_BEVERAGE,
            "minibar", VatCategory.FOOD_AND_BEVERAGE,
            "parking", VatCategory.OTHER,
            "spa", VatCategory.OTHER);

    public VatRates {
        accommodation = percent(accommodation, "accommodation");
        foodAndBeverage = percent(foodAndBeverage, "food and beverage");
        other = percent(other, "other");
        categories = Map.copyOf(Objects.requireNonNull(categories, "categories"));
        categories.keySet().forEach(code -> {
            if (!code.matches("[a-z][a-z_]{0,31}")) {
                throw new IllegalArgumentException("a charge category is 1 to 32 lower-case letters and '_', not " + code);
            }
        });
    }

    public BigDecimal percentOf(VatCategory category) {
        return switch (category) {
            case ACCOMMODATION -> accommodation;
            case FOOD_AND_BEVERAGE -> foodAndBeverage;
            case OTHER -> other;
        };
    }

    /** The VAT category of a charge category. */
    public VatCategory categoryOf(String chargeCategory) {
        VatCategory own = categories.get(chargeCategory);
        return own != null ? own : DEFAULTS.getOrDefault(chargeCategory, VatCategory.OTHER);
    }

    /** @param name what the rate is for, {@code ""} for the one rate of a property */
    static BigDecimal percent(BigDecimal percent, String name) {
        name = name.isEmpty() ? "vat percent" : name + " vat percent";
        Objects.requireNonNull(percent, name);
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 100, not " + percent.toPlainString());
        }
        if (percent.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException(name + " has at most 4 decimals, not " + percent.toPlainString());
        }
        return Decimals.normalized(percent);
    }
}
