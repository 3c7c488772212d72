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
import org.jspecify.annotations.Nullable;

/**
 * A hotel: where it is (its timezone), what money it takes, its taxes and rounding, and its business
 * date, the day the front office is working on, which only the night audit moves on.
 *
 * @param code unique among properties
 * @param maxStayNights the longest stay the property sells
 * @param language the ISO 639 code of the language its documents are written in ({@code en}, {@code pt}):
 *     an invoice's labels; {@code en} unless set
 * @param address the postal address its invoices print as the seller's, on one or more lines
 * @param vatId the tax number its invoices print as the seller's ({@code PT509999990})
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
        String language,
        @Nullable String address,
        @Nullable String vatId,
        long version) implements Versioned<Property> {

    public static final String DEFAULT_LANGUAGE = "en";

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
        language = requireLanguage(language);
        address = optionalText(address, "address", 500);
        vatId = optionalText(vatId, "vat_id", 32);
    }

    /** A property whose documents are in English. */
    public Property(PropertyId id, String code, String name, ZoneId timezone, Currency currency, LocalTime checkInTime,
            LocalTime checkOutTime, int maxStayNights, TaxPolicy taxes, Rounding rounding, LocalDate businessDate, long version) {
        this(id, code, name, timezone, currency, checkInTime, checkOutTime, maxStayNights, taxes, rounding, businessDate,
                DEFAULT_LANGUAGE, null, null, version);
    }

    private static @Nullable String optionalText(@Nullable String text, String field, int longest) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > longest) {
            throw new InvalidRequestException(field, field.replace('_', ' ') + " has 1 to " + longest + " characters");
        }
        return stripped;
    }

    /**
     * A language code as a property keeps it: two or three lower-case letters (ISO 639).
     *
     * @throws InvalidRequestException naming {@code language} otherwise
     */
    public static String requireLanguage(String language) {
        Objects.requireNonNull(language, "language");
        if (!language.matches("[a-z]{2,3}")) {
            throw new InvalidRequestException("language", "a language is an ISO 639 code of 2 or 3 lower-case letters, such as 'en' or 'pt'");
        }
        return language;
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
                rounding, date, language, address, vatId, version);
    }

    @Override
    public Property withVersion(long version) {
        return new Property(id, code, name, timezone, currency, checkInTime, checkOutTime, maxStayNights, taxes, rounding, businessDate, language,
                address, vatId, version);
    }
}
