package io.hotelkit.rates;

import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

/** The rate plans of each property. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions. */
public interface RatePlans {

    Optional<RatePlan> findBy(PropertyId propertyId, String code);

    /** A property's rate plans in code order. */
    List<RatePlan> list(PropertyId propertyId);

    RatePlan save(RatePlan ratePlan);
}
