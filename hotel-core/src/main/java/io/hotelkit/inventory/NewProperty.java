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
        @Nullable LocalDate businessDate) {}
