package io.hotelkit.rates;

import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Rate plans and their nightly price and restriction grids. */
public final class RateService {

    /** The most nights one price update may set, so that one request cannot hold a transaction for long. */
    public static final int MAX_NIGHTS_PER_UPDATE = 20_000;

    private final Properties properties;
    private final RoomTypes roomTypes;
    private final RatePlans ratePlans;
    private final NightlyRates nightlyRates;
    private final UnitOfWork transactions;
    private final RateIndex engine;
    private final Events events;

    public RateService(Properties properties, RoomTypes roomTypes, RatePlans ratePlans, NightlyRates nightlyRates,
            UnitOfWork transactions, RateIndex engine, Events events) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.roomTypes = Objects.requireNonNull(roomTypes, "room types");
        this.ratePlans = Objects.requireNonNull(ratePlans, "rate plans");
        this.nightlyRates = Objects.requireNonNull(nightlyRates, "nightly rates");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
    }

    public RatePlan addRatePlan(PropertyId propertyId, String code, String name, @Nullable MealPlan mealPlan,
            CancellationPolicy cancellationPolicy, @Nullable DerivedRate derivedFrom) {
        return addRatePlan(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, null);
    }

    /**
     * A plan whose channels may send their own price for a stay, within {@code channelPriceTolerance} percent of
     * the offer's (see {@link RatePlan#channelPriceTolerance()}).
     */
    public RatePlan addRatePlan(PropertyId propertyId, String code, String name, @Nullable MealPlan mealPlan,
            CancellationPolicy cancellationPolicy, @Nullable DerivedRate derivedFrom, @Nullable BigDecimal channelPriceTolerance) {
        return addRatePlan(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, channelPriceTolerance,
                DepositPolicy.none(), List.of());
    }

    /** A plan that asks for a deposit before arrival (see {@link DepositPolicy}). */
    public RatePlan addRatePlan(PropertyId propertyId, String code, String name, @Nullable MealPlan mealPlan,
            CancellationPolicy cancellationPolicy, @Nullable DerivedRate derivedFrom, @Nullable BigDecimal channelPriceTolerance,
            DepositPolicy depositPolicy) {
        return addRatePlan(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, channelPriceTolerance,
                depositPolicy, List.of());
    }

    /** A plan that includes packages and takes no deposit (see the next). */
    public RatePlan addRatePlan(PropertyId propertyId, String code, String name, @Nullable MealPlan mealPlan,
            CancellationPolicy cancellationPolicy, @Nullable DerivedRate derivedFrom, @Nullable BigDecimal channelPriceTolerance,
            List<RatePackage> packages) {
        return addRatePlan(propertyId, code, name, mealPlan, cancellationPolicy, derivedFrom, channelPriceTolerance,
                DepositPolicy.none(), packages);
    }

    /**
     * A plan that asks for a deposit before arrival (see {@link DepositPolicy}) and includes {@code packages}
     * (breakfast, parking, a spa credit), priced on top of its rooms' nightly prices; they are fixed for the plan's life.
     *
     * @throws InvalidRequestException naming {@code packages[i].price} for a price in another currency
     */
    public RatePlan addRatePlan(PropertyId propertyId, String code, String name, @Nullable MealPlan mealPlan,
            CancellationPolicy cancellationPolicy, @Nullable DerivedRate derivedFrom, @Nullable BigDecimal channelPriceTolerance,
            DepositPolicy depositPolicy, List<RatePackage> packages) {
        Property property = properties.require(propertyId);
        for (int i = 0; i < packages.size(); i++) {
            if (!packages.get(i).price().currency().equals(property.currency())) {
                throw new InvalidRequestException("packages[" + i + "].price", "a package's price is in the property's currency "
                        + property.currency() + ", not " + packages.get(i).price().currency());
            }
        }
        RatePlan plan = new RatePlan(propertyId, code, name, mealPlan == null ? MealPlan.ROOM_ONLY : mealPlan,
                cancellationPolicy, derivedFrom, 0, channelPriceTolerance, Objects.requireNonNull(depositPolicy, "deposit policy"),
                packages);
        return transactions.inTransaction(() -> {
            ratePlans.findBy(propertyId, code).ifPresent(existing -> {
                throw new DuplicateException("rate plan", code, null);
            });
            if (derivedFrom != null) {
                RatePlan parent = ratePlans.findBy(propertyId, derivedFrom.parentRatePlan()).orElseThrow(() ->
                        new InvalidRequestException("derived_from.rate_plan", "no rate plan '" + derivedFrom.parentRatePlan() + "'"));
                if (parent.isDerived()) {
                    throw new InvalidRequestException("derived_from.rate_plan", "rate plan " + parent.code()
                            + " is derived itself; derive from a plan with its own prices");
                }
            }
            RatePlan saved = ratePlans.save(plan);
            events.record(propertyId, code, derivedFrom == null
                    ? new RateEvent.RatePlanCreated(saved.name(), null, null)
                    : new RateEvent.RatePlanCreated(saved.name(), derivedFrom.parentRatePlan(), derivedFrom.adjustmentPercent()));
            transactions.afterCommit(() -> engine.defineRatePlan(saved));
            return saved;
        });
    }

    /**
     * Gives a plan another deposit policy. Bookings made before keep the deposit they were made with; only
     * bookings made from now on are asked for the new one.
     */
    public RatePlan setDepositPolicy(PropertyId propertyId, String code, DepositPolicy depositPolicy) {
        Objects.requireNonNull(depositPolicy, "deposit policy");
        return transactions.inTransaction(() -> {
            RatePlan plan = ratePlan(propertyId, code);
            RatePlan saved = ratePlans.save(new RatePlan(plan.propertyId(), plan.code(), plan.name(), plan.mealPlan(),
                    plan.cancellationPolicy(), plan.derivedFrom(), plan.version(), plan.channelPriceTolerance(), depositPolicy,
                    plan.packages()));
            events.record(propertyId, code, new RateEvent.DepositPolicySet(depositPolicy.kind().name().toLowerCase(java.util.Locale.ROOT),
                    depositPolicy.percent(), depositPolicy.daysBeforeArrival()));
            return saved; // the engine sells by prices and restrictions only: it has nothing to learn
        });
    }

    public RatePlan ratePlan(PropertyId propertyId, String code) {
        return ratePlans.findBy(propertyId, code).orElseThrow(() -> new NotFoundException("rate plan", code));
    }

    public List<RatePlan> ratePlans(PropertyId propertyId) {
        properties.require(propertyId);
        return ratePlans.list(propertyId);
    }

    /**
     * Sets price and restrictions for each night of each row, replacing what those nights had. Rows apply
     * in order, so a later row wins a night two rows name.
     *
     * @throws InvalidRequestException for a derived plan, an unknown room type, another currency, or a
     *     night before the business date
     */
    public void setPrices(PropertyId propertyId, String ratePlanCode, List<PriceRow> rows) {
        Objects.requireNonNull(rows, "price rows");
        transactions.run(() -> {
            Property property = properties.require(propertyId);
            RatePlan plan = ratePlan(propertyId, ratePlanCode);
            if (plan.isDerived()) {
                throw new InvalidRequestException("rate_plan", "rate plan " + plan.code() + " is derived from "
                        + plan.derivedFrom().parentRatePlan() + ": set the prices of " + plan.derivedFrom().parentRatePlan());
            }
            long nights = 0;
            for (int i = 0; i < rows.size(); i++) {
                PriceRow row = rows.get(i);
                String at = "[" + i + "]";
                if (roomTypes.findBy(propertyId, row.roomType()).isEmpty()) {
                    throw new InvalidRequestException(at + ".room_type", "property has no room type '" + row.roomType() + "'");
                }
                if (!row.amount().currency().equals(property.currency())) {
                    throw new InvalidRequestException(at + ".amount", "amounts are in the property's currency "
                            + property.currency() + ", not " + row.amount().currency());
                }
                if (row.nights().start().isBefore(property.businessDate())) {
                    throw new InvalidRequestException(at + ".from", "prices cannot be set before the business date "
                            + property.businessDate());
                }
                nights += row.nights().nights();
            }
            if (nights > MAX_NIGHTS_PER_UPDATE) {
                throw new InvalidRequestException("prices", "one update sets at most " + MAX_NIGHTS_PER_UPDATE
                        + " nights, not " + nights);
            }
            List<DailyRate> rates = rows.stream().flatMap(PriceRow::nightsAsRates).toList();
            nightlyRates.put(propertyId, ratePlanCode, rates);
            events.record(propertyId, ratePlanCode, new RateEvent.RatesChanged(rows.size(), nights));
            transactions.afterCommit(() -> engine.putRates(propertyId, ratePlanCode, rates));
        });
    }

    /** The grid a plan sells a room type at, one row a priced night; a derived plan's adjusted from its parent's. */
    public List<DailyRate> prices(PropertyId propertyId, String ratePlanCode, String roomType, DateRange nights) {
        properties.require(propertyId);
        ratePlan(propertyId, ratePlanCode);
        if (roomTypes.findBy(propertyId, roomType).isEmpty()) {
            throw new NotFoundException("room type", roomType);
        }
        if (nights.nights() > 731) {
            throw new InvalidRequestException("to", "a grid is read at most 731 nights at a time");
        }
        return engine.rates(propertyId, ratePlanCode, roomType, nights);
    }


}
