package io.hotelkit.rates;

import io.hotelkit.internal.Codes;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import java.util.Objects;

/**
 * Something a rate plan includes besides the room: breakfast per person and night, parking per night, a
 * spa credit once per stay. Its price is added to the room's nightly price in the plan's offers, and the
 * night audit posts it as its own folio line, taxed at its category's VAT rate.
 *
 * @param category its charge category ({@code breakfast}, {@code parking}, {@code spa}), which the property
 *     maps to a VAT rate
 * @param price per person and night, per night, or once per stay, by {@code basis}
 */
public record RatePackage(String code, String name, String category, Basis basis, Money price) {

    /** What a package's price is counted on. */
    public enum Basis {
        PER_PERSON_NIGHT,
        PER_NIGHT,
        PER_STAY
    }

    public RatePackage {
        code = Codes.require(code, "package code");
        name = Codes.requireName(name, "package name");
        Objects.requireNonNull(category, "package category");
        if (!category.matches("[a-z][a-z_]{0,31}") || category.equals("room") || category.equals("city_tax")) {
            throw new IllegalArgumentException("a package's category is 1 to 32 lower-case letters and '_', other than room and "
                    + "city_tax, not " + category);
        }
        Objects.requireNonNull(basis, "package basis");
        Objects.requireNonNull(price, "package price");
        price.requireNotNegative("package price");
    }

    /** This package priced for these guests: its line a night, or once a stay. */
    public TaxPolicy.PackageCharge forGuests(Occupancy occupancy) {
        long amount = basis == Basis.PER_PERSON_NIGHT ? Math.multiplyExact(price.minorUnits(), occupancy.persons()) : price.minorUnits();
        return new TaxPolicy.PackageCharge(code, name, category, amount, basis == Basis.PER_STAY);
    }
}
