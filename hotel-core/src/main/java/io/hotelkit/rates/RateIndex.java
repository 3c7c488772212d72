package io.hotelkit.rates;

import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import java.util.List;

/**
 * What rate changes keep in step, and read prices from: the availability engine's rate grids. The engine
 * implements it; rates depend on this port, not on the engine, so that availability builds on rates and
 * not the other way round.
 */
public interface RateIndex {

    void defineRatePlan(RatePlan ratePlan);

    void putRates(PropertyId propertyId, String ratePlan, List<DailyRate> rates);

    /** The stored grid of a rate plan as the engine prices it (a derived plan's adjusted). */
    List<DailyRate> rates(PropertyId propertyId, String ratePlan, String roomType, DateRange nights);
}
