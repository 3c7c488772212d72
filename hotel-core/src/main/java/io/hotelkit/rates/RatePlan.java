package io.hotelkit.rates;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A way a property sells its room types: meals included, cancellation policy, and either its own nightly
 * grid ({@link NightlyRates}) or a grid {@linkplain DerivedRate derived} from another plan's.
 */
public record RatePlan(
        PropertyId propertyId,
        String code,
        String name,
        MealPlan mealPlan,
        CancellationPolicy cancellationPolicy,
        @Nullable DerivedRate derivedFrom,
        long version) implements Versioned<RatePlan> {

    public RatePlan {
        Objects.requireNonNull(propertyId, "property id");
        code = Codes.require(code, "rate plan code");
        name = Codes.requireName(name, "rate plan name");
        Objects.requireNonNull(mealPlan, "meal plan");
        Objects.requireNonNull(cancellationPolicy, "cancellation policy");
        if (derivedFrom != null && derivedFrom.parentRatePlan().equals(code)) {
            throw new IllegalArgumentException("rate plan " + code + " cannot be derived from itself");
        }
    }

    public Optional<DerivedRate> derivation() {
        return Optional.ofNullable(derivedFrom);
    }

    public boolean isDerived() {
        return derivedFrom != null;
    }

    @Override
    public RatePlan withVersion(long version) {
        return new RatePlan(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, version);
    }
}
