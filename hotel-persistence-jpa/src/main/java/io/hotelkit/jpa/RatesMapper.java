package io.hotelkit.jpa;

import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.DepositPolicy;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.util.Currency;

/** Maps rate plans and nightly rates to their rows and back; {@code copy} leaves the version alone. */
final class RatesMapper {

    private RatesMapper() {}

    static void copy(RatePlan from, RatePlanEntity to) {
        to.propertyId = from.propertyId().value();
        to.code = from.code();
        to.name = from.name();
        to.mealPlan = from.mealPlan().name();
        to.freeUntilDaysBefore = from.cancellationPolicy().freeUntilDaysBefore();
        to.penalty = from.cancellationPolicy().penalty().name();
        to.penaltyPercent = from.cancellationPolicy().percent();
        DerivedRate derived = from.derivedFrom();
        to.parentRatePlan = derived == null ? null : derived.parentRatePlan();
        to.adjustmentPercent = derived == null ? null : derived.adjustmentPercent();
        to.channelPriceTolerance = from.channelPriceTolerance();
        to.depositKind = from.depositPolicy().kind().name();
        to.depositPercent = from.depositPolicy().percent();
        to.depositDaysBefore = from.depositPolicy().daysBeforeArrival();
        to.packages = TaxRows.writePackages(from.packages());
    }

    static RatePlan toDomain(RatePlanEntity row) {
        return new RatePlan(
                PropertyId.of(row.propertyId),
                row.code,
                row.name,
                MealPlan.valueOf(row.mealPlan),
                new CancellationPolicy(
                        row.freeUntilDaysBefore,
                        CancellationPolicy.Penalty.valueOf(row.penalty),
                        row.penaltyPercent),
                row.parentRatePlan == null
                        ? null
                        : new DerivedRate(row.parentRatePlan, row.adjustmentPercent),
                row.version,
                row.channelPriceTolerance,
                new DepositPolicy(DepositPolicy.Kind.valueOf(row.depositKind), row.depositPercent, row.depositDaysBefore),
                TaxRows.readPackages(row.packages));
    }

    static void copy(DailyRate from, NightlyRateEntity to) {
        to.roomType = from.roomType();
        to.night = from.night();
        to.currency = from.amount().currency().getCurrencyCode();
        to.amount = from.amount().amount();
        to.extraAdult = from.extraAdult().amount();
        to.extraChild = from.extraChild().amount();
        to.minStay = from.minStay() == null ? null : from.minStay().shortValue();
        to.maxStay = from.maxStay() == null ? null : from.maxStay().shortValue();
        to.closed = from.closed();
        to.closedToArrival = from.closedToArrival();
        to.closedToDeparture = from.closedToDeparture();
    }

    static DailyRate toDomain(NightlyRateEntity row) {
        Currency currency = Money.currency(row.currency);
        return new DailyRate(
                row.roomType,
                row.night,
                Money.of(row.amount, currency),
                Money.of(row.extraAdult, currency),
                Money.of(row.extraChild, currency),
                row.minStay == null ? null : row.minStay.intValue(),
                row.maxStay == null ? null : row.maxStay.intValue(),
                row.closed,
                row.closedToArrival,
                row.closedToDeparture);
    }
}
