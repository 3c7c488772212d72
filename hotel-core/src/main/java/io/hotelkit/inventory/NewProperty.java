package io.hotelkit.inventory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * What opening a property takes.
 *
 * @param maxStayNights defaults to {@link Property#DEFAULT_MAX_STAY_NIGHTS}
 * @param taxes defaults to no taxes
 * @param businessDate defaults to today in the property's timezone; an earlier one lets a hotel moving
 *     from another system load its history
 * @param language the language of its documents, {@link Property#DEFAULT_LANGUAGE} unless given
 * @param address the seller's address its invoices print
 * @param vatId the seller's tax number its invoices print
 */
public record NewProperty(
        String code,
        String name,
        ZoneId timezone,
        Currency currency,
        LocalTime checkInTime,
        LocalTime checkOutTime,
        @Nullable Integer maxStayNights,
        @Nullable TaxPolicy taxes,
        @Nullable LocalDate businessDate,
        @Nullable String language,
        @Nullable String address,
        @Nullable String vatId) {

    /** A property whose documents are in English. */
    public NewProperty(String code, String name, ZoneId timezone, Currency currency, LocalTime checkInTime,
            LocalTime checkOutTime, @Nullable Integer maxStayNights, @Nullable TaxPolicy taxes, @Nullable LocalDate businessDate) {
        this(code, name, timezone, currency, checkInTime, checkOutTime, maxStayNights, taxes, businessDate, null, null, null);
    }
}
