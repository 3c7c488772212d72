package io.hotelkit.inventory;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Rounding;
import io.hotelkit.shared.Stay;
import io.hotelkit.shared.Versioned;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * A hotel: where it is (its timezone), what money it takes, its taxes and rounding, and its business
 * date, the day the front office is working on, which only the night audit moves on.
 *
 * @param code unique among properties
 * @param maxStayNights the longest stay the property sells
 * @param version the optimistic version this copy was read at
 */
public record Property(
        PropertyId id,
        String code,
        String name,
        ZoneId timezone,
        Currency currency,
        LocalTime checkInTime,
        LocalTime checkOutTime,
        int maxStayNights,
        TaxPolicy taxes,
        Rounding rounding,
        LocalDate businessDate,
        long version) implements Versioned<Property> {

    public static final int DEFAULT_MAX_STAY_NIGHTS = 30;
    public static final int LONGEST_MAX_STAY_NIGHTS = 730;

    public Property {
        Objects.requireNonNull(id, "property id");
        code = Codes.require(code, "property code");
        name = Codes.requireName(name, "property name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(checkInTime, "check-in time");
        Objects.requireNonNull(checkOutTime, "check-out time");
        if (maxStayNights < 1 || maxStayNights > LONGEST_MAX_STAY_NIGHTS) {
            throw new IllegalArgumentException(
                    "max stay nights must be between 1 and " + LONGEST_MAX_STAY_NIGHTS + ", not " + maxStayNights);
        }
        Objects.requireNonNull(taxes, "taxes");
        taxes.cityTaxPerPersonNight().requireCurrency(currency);
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(businessDate, "business date");
    }

    /**
     * Refuses a stay this property does not sell: one that arrives before the business date, or is longer
     * than {@link #maxStayNights}.
     *
     * @throws InvalidRequestException naming the date at fault
     */
    public void requireSellable(Stay stay) {
        if (stay.checkin().isBefore(businessDate)) {
            throw new InvalidRequestException("checkin_date",
                    "checkin date " + stay.checkin() + " is before the business date " + businessDate + " of property " + code);
        }
        if (stay.nights() > maxStayNights) {
            throw new InvalidRequestException("checkout_date",
                    "a stay of " + stay.nights() + " nights is longer than the " + maxStayNights + " property " + code + " sells");
        }
    }

    public Property withBusinessDate(LocalDate date) {
        return new Property(id, code, name, timezone, currency, checkInTime, checkOutTime, maxStayNights, taxes,
                rounding, date, version);
    }

    @Override
    public Property withVersion(long version) {
        return new Property(id, code, name, timezone, currency, checkInTime, checkOutTime, maxStayNights, taxes, rounding, businessDate, version);
    }
}
