package io.hotelkit.rates;

import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import java.util.List;

/** The stored nightly grids of rate plans that have their own (derived plans have none). */
public interface NightlyRates {

    /** Sets these nights of the plan's grid, replacing what was there for the same room type and night. */
    void put(PropertyId propertyId, String ratePlan, List<DailyRate> rates);

    /** The plan's stored nights for the room type within {@code nights}, in date order. */
    List<DailyRate> find(PropertyId propertyId, String ratePlan, String roomType, DateRange nights);

    /** The plan's whole stored grid, for rebuilding the availability engine. */
    List<DailyRate> all(PropertyId propertyId, String ratePlan);
}
