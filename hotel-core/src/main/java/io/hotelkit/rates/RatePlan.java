package io.hotelkit.rates;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A way a property sells its room types: meals included, cancellation policy, and either its own nightly
 * grid ({@link NightlyRates}) or a grid {@linkplain DerivedRate derived} from another plan's.
 *
 * @param channelPriceTolerance how far, in percent of the offer's room price, a channel's own price for a stay
 *     may be from it (as online travel agencies send theirs, with their markups); {@code null}: channels book at
 *     the offer's price only
 * @param depositPolicy what the plan asks to be paid before arrival, and when; frozen in each booking's
 *     {@link io.hotelkit.billing.Deposit} when it is made
 * @param packages what the plan includes besides the room (breakfast, parking, a spa credit), priced on top of
 *     the room's nightly price; fixed when the plan is made: a plan's packages never change (bookings rely on them)
 */
public record RatePlan(
        PropertyId propertyId,
        String code,
        String name,
        MealPlan mealPlan,
        CancellationPolicy cancellationPolicy,
        @Nullable DerivedRate derivedFrom,
        long version,
        @Nullable BigDecimal channelPriceTolerance,
        DepositPolicy depositPolicy,
        List<RatePackage> packages) implements Versioned<RatePlan> {

    /** At most 100%: a channel's price is never negative. */
    public static final BigDecimal MAX_CHANNEL_PRICE_TOLERANCE = BigDecimal.valueOf(100);

    public static final int MAX_PACKAGES = 10;

    public RatePlan {
        Objects.requireNonNull(propertyId, "property id");
        code = Codes.require(code, "rate plan code");
        name = Codes.requireName(name, "rate plan name");
        Objects.requireNonNull(mealPlan, "meal plan");
        Objects.requireNonNull(cancellationPolicy, "cancellation policy");
        if (derivedFrom != null && derivedFrom.parentRatePlan().equals(code)) {
            throw new IllegalArgumentException("rate plan " + code + " cannot be derived from itself");
        }
        if (channelPriceTolerance != null && (channelPriceTolerance.signum() < 0
                || channelPriceTolerance.compareTo(MAX_CHANNEL_PRICE_TOLERANCE) >= 0)) {
            throw new IllegalArgumentException("channel price tolerance must be from 0 to less than 100 percent, not "
                    + channelPriceTolerance.toPlainString());
        }
        Objects.requireNonNull(depositPolicy, "deposit policy");
        packages = List.copyOf(Objects.requireNonNull(packages, "packages"));
        if (packages.stream().map(RatePackage::code).distinct().count() != packages.size()) {
            throw new IllegalArgumentException("a rate plan's packages have different codes");
        }
        if (packages.size() > MAX_PACKAGES) {
            throw new IllegalArgumentException("a rate plan has at most " + MAX_PACKAGES + " packages");
        }
    }

    /** A plan without packages. */
    public RatePlan(PropertyId propertyId, String code, String name, MealPlan mealPlan, CancellationPolicy cancellationPolicy,
            @Nullable DerivedRate derivedFrom, long version, @Nullable BigDecimal channelPriceTolerance,
            DepositPolicy depositPolicy) {
        this(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, version, channelPriceTolerance, depositPolicy,
                List.of());
    }

    /** A plan that takes no deposit. */
    public RatePlan(PropertyId propertyId, String code, String name, MealPlan mealPlan, CancellationPolicy cancellationPolicy,
            @Nullable DerivedRate derivedFrom, long version, @Nullable BigDecimal channelPriceTolerance,
            List<RatePackage> packages) {
        this(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, version, channelPriceTolerance,
                DepositPolicy.none(), packages);
    }

    /** A plan that takes no deposit and has no packages. */
    public RatePlan(PropertyId propertyId, String code, String name, MealPlan mealPlan, CancellationPolicy cancellationPolicy,
            @Nullable DerivedRate derivedFrom, long version, @Nullable BigDecimal channelPriceTolerance) {
        this(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, version, channelPriceTolerance,
                DepositPolicy.none(), List.of());
    }

    /** A plan whose channels book at the offer's price only. */
    public RatePlan(PropertyId propertyId, String code, String name, MealPlan mealPlan, CancellationPolicy cancellationPolicy,
            @Nullable DerivedRate derivedFrom, long version) {
        this(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, version, null, DepositPolicy.none(), List.of());
    }

    public Optional<DerivedRate> derivation() {
        return Optional.ofNullable(derivedFrom);
    }

    public boolean isDerived() {
        return derivedFrom != null;
    }

    @Override
    public RatePlan withVersion(long version) {
        return new RatePlan(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, version, channelPriceTolerance,
                depositPolicy, packages);
    }
}
