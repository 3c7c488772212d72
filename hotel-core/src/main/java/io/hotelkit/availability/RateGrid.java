package io.hotelkit.availability;

import io.hotelkit.inventory.RoomType;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.Restriction;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Rounding;
import io.hotelkit.shared.Stay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A property's rate plans compiled for pricing: the one place where the price of a stay and the
 * restrictions on it are decided, for offers and bookings alike.
 *
 * <p>The restrictions mean exactly this: {@code min_stay} and {@code max_stay} are read from the arrival
 * night; {@code closed} on any night of the stay refuses it; {@code closed_to_arrival} on the arrival night
 * and {@code closed_to_departure} on the checkout date refuse it; a night with no price is not sellable.
 *
 * <p>A night's price for an occupancy is the grid's amount, which covers the room type's base occupancy,
 * plus {@code extra_adult} for each adult past the base occupancy and {@code extra_child} for each child; where
 * the room type has age bands and the ages are given, an infant of a free band pays nothing and a child older
 * than every band counts as an adult ({@link RoomType#priced}).
 * A derived plan adjusts each of the parent's amounts by its percentage, rounded, and keeps the parent's
 * restrictions.
 *
 * <p>Written under its owner's lock, read without one: the maps are replaced, never changed, so that an
 * optimistic reader (the availability engine's) sees either the old or the new, and validates after.
 */
final class RateGrid {

    private final Currency currency;
    private final Rounding rounding;
    private volatile Map<String, Plan> plans = Map.of();
    private volatile List<String> planCodes = List.of();

    public RateGrid(Currency currency, Rounding rounding) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.rounding = Objects.requireNonNull(rounding, "rounding");
    }

    /** Adds a plan, or changes its derivation; a base plan keeps the nights it has. */
    public void define(RatePlan ratePlan) {
        Plan existing = plans.get(ratePlan.code());
        Map<String, NightRates> byType = existing == null ? Map.of() : existing.byType;
        long factor = ratePlan.derivation().map(RateGrid::factorPpm).orElse(0L);
        String parent = ratePlan.derivation().map(DerivedRate::parentRatePlan).orElse(null);
        if (parent != null && !plans.containsKey(parent)) {
            throw new NotFoundException("rate plan", parent);
        }
        Map<String, Plan> changed = new HashMap<>(plans);
        changed.put(ratePlan.code(), new Plan(ratePlan.cancellationPolicy(), byType, parent, factor, ratePlan.packages()));
        plans = Map.copyOf(changed);
        planCodes = changed.keySet().stream().sorted().toList();
    }

    /** The codes of every plan, in order. */
    public List<String> plans() {
        return planCodes;
    }

    /** Sets nights of a base plan's grid. */
    public void put(String ratePlan, List<DailyRate> rates) {
        Plan plan = plan(ratePlan);
        if (plan.parent != null) {
            throw new IllegalArgumentException("rate plan " + ratePlan + " is derived from " + plan.parent
                    + ": set the prices of " + plan.parent + " instead");
        }
        Map<String, NightRates> byType = new HashMap<>(plan.byType);
        for (DailyRate rate : rates) {
            rate.amount().requireCurrency(currency);
            byType.computeIfAbsent(rate.roomType(), type -> new NightRates()).set(rate);
        }
        if (byType.size() != plan.byType.size()) {
            Map<String, Plan> changed = new HashMap<>(plans);
            changed.put(ratePlan, new Plan(plan.policy, Map.copyOf(byType), null, 0, plan.packages));
            plans = Map.copyOf(changed);
        }
    }

    public boolean has(String ratePlan) {
        return plans.containsKey(ratePlan);
    }

    public CancellationPolicy cancellationPolicy(String ratePlan) {
        return plan(ratePlan).policy;
    }

    /** What the plan includes besides the room. */
    public List<RatePackage> packages(String ratePlan) {
        return plan(ratePlan).packages;
    }

    /**
     * The nightly prices of {@code stay} in {@code ratePlan} for these guests, or the first restriction
     * that refuses it. Whether the room type takes the occupancy is the caller's to check.
     */
    public StayPrice price(String ratePlan, RoomType roomType, Stay stay, Occupancy occupancy) {
        return price(ratePlan, roomType, stay, occupancy, true);
    }

    /**
     * The nightly prices of nights added to a stay that has begun: closed nights and nights without a
     * price refuse them; arrival, departure and length restrictions are the arrival's, and do not apply.
     */
    public StayPrice priceNights(String ratePlan, RoomType roomType, Stay nights, Occupancy occupancy) {
        return price(ratePlan, roomType, nights, occupancy, false);
    }

    private StayPrice price(String ratePlan, RoomType roomType, Stay stay, Occupancy occupancy, boolean arrival) {
        Plan plan = plan(ratePlan);
        Plan base = plan.parent == null ? plan : plan(plan.parent);
        NightRates rates = base.byType.get(roomType.code());
        long checkin = stay.checkin().toEpochDay();
        int nights = stay.nights();
        StayPrice.Refused refused = refusal(rates, checkin, nights, arrival);
        if (refused != null) {
            return refused;
        }
        return new StayPrice.Priced(nightly(plan, rates, rates.index(checkin), nights, roomType.priced(occupancy)));
    }

    /**
     * Prices stays in several plans at once, for a search: the plans are looked up once, and plans derived
     * from one base share its restriction checks, which are the base's. The plans are read as they are
     * now; a caller that reads optimistically validates after, as for {@link #price}.
     *
     * @param ratePlans plan codes, each of a plan this grid has
     */
    public SearchPricing forSearch(List<String> ratePlans) {
        return new SearchPricing(ratePlans);
    }

    /** {@link #forSearch}'s plans, resolved. Immutable: one search prices each of its room types with it. */
    public final class SearchPricing {
        private final String[] codes;
        private final Plan[] plans;
        private final Plan[] bases;
        /** For each plan, the first plan of the list with the same base: its restriction checks are shared. */
        private final int[] sameBaseAs;

        private SearchPricing(List<String> ratePlans) {
            int count = ratePlans.size();
            codes = ratePlans.toArray(String[]::new);
            plans = new Plan[count];
            bases = new Plan[count];
            sameBaseAs = new int[count];
            for (int i = 0; i < count; i++) {
                plans[i] = plan(codes[i]);
                bases[i] = plans[i].parent == null ? plans[i] : plan(plans[i].parent);
                int first = 0;
                while (bases[first] != bases[i]) {
                    first++;
                }
                sameBaseAs[i] = first;
            }
        }

        public int size() {
            return codes.length;
        }

        public String code(int plan) {
            return codes[plan];
        }

        public CancellationPolicy cancellationPolicy(int plan) {
            return plans[plan].policy;
        }

        public List<RatePackage> packages(int plan) {
            return plans[plan].packages;
        }

        /**
         * The nightly prices of a stay arriving on epoch day {@code checkin}, in each plan in the order
         * given; {@code null} for a plan whose restrictions refuse it, whatever the restriction.
         */
        public long[][] price(RoomType roomType, long checkin, int nights, Occupancy occupancy) {
            long[][] nightly = new long[codes.length][];
            RoomType.PricedGuests guests = roomType.priced(occupancy); // age bands resolved once a room type, not once a plan or a night
            for (int i = 0; i < codes.length; i++) {
                NightRates rates = bases[i].byType.get(roomType.code());
                boolean refused = sameBaseAs[i] < i
                        ? nightly[sameBaseAs[i]] == null
                        : refusal(rates, checkin, nights, true) != null;
                if (!refused) {
                    nightly[i] = nightly(plans[i], rates, rates.index(checkin), nights, guests);
                }
            }
            return nightly;
        }
    }

    /**
     * The restriction that refuses {@code nights} nights from epoch day {@code checkin} in a base plan's
     * {@code rates} (null: the room type has none), or null if none does; arrival, departure and length
     * restrictions only when {@code arrival}.
     */
    private static StayPrice.@Nullable Refused refusal(@Nullable NightRates rates, long checkin, int nights, boolean arrival) {
        if (rates == null) {
            return new StayPrice.Refused(Restriction.NO_PRICE, LocalDate.ofEpochDay(checkin));
        }
        int first = rates.index(checkin);
        if (rates.amount(first) == NightRates.NO_PRICE) {
            return new StayPrice.Refused(Restriction.NO_PRICE, LocalDate.ofEpochDay(checkin));
        }
        if (arrival) {
            if (rates.has(first, NightRates.CLOSED_TO_ARRIVAL)) {
                return new StayPrice.Refused(Restriction.CLOSED_TO_ARRIVAL, LocalDate.ofEpochDay(checkin));
            }
            int minStay = rates.minStay(first);
            if (minStay > 0 && nights < minStay) {
                return new StayPrice.Refused(Restriction.MIN_STAY, LocalDate.ofEpochDay(checkin));
            }
            int maxStay = rates.maxStay(first);
            if (maxStay > 0 && nights > maxStay) {
                return new StayPrice.Refused(Restriction.MAX_STAY, LocalDate.ofEpochDay(checkin));
            }
            if (rates.has(rates.index(checkin + nights), NightRates.CLOSED_TO_DEPARTURE)) {
                return new StayPrice.Refused(Restriction.CLOSED_TO_DEPARTURE, LocalDate.ofEpochDay(checkin + nights));
            }
        }
        for (int n = 0; n < nights; n++) {
            int i = first + n;
            if (rates.amount(i) == NightRates.NO_PRICE) {
                return new StayPrice.Refused(Restriction.NO_PRICE, LocalDate.ofEpochDay(checkin + n));
            }
            if (rates.has(i, NightRates.CLOSED)) {
                return new StayPrice.Refused(Restriction.CLOSED, LocalDate.ofEpochDay(checkin + n));
            }
        }
        return null;
    }

    /** The price of each of {@code nights} nights from index {@code first} of the base's {@code rates}, which has them all. */
    private long[] nightly(Plan plan, NightRates rates, int first, int nights, RoomType.PricedGuests guests) {
        int extraAdults = guests.extraAdults();
        int children = guests.children();
        long[] nightly = new long[nights];
        for (int n = 0; n < nights; n++) {
            int i = first + n;
            long price = plan.adjusted(rates.amount(i), rounding);
            if (extraAdults > 0) { // a derived plan's adjustment divides: only for guests who pay extra
                price += extraAdults * plan.adjusted(rates.extraAdult(i), rounding);
            }
            if (children > 0) {
                price += children * plan.adjusted(rates.extraChild(i), rounding);
            }
            nightly[n] = price;
        }
        return nightly;
    }

    /** The plan's grid for a room type, one row a night that has a price; a derived plan's is adjusted. */
    public List<DailyRate> rows(String ratePlan, String roomType, DateRange nights) {
        Plan plan = plan(ratePlan);
        Plan base = plan.parent == null ? plan : plan(plan.parent);
        NightRates rates = base.byType.get(roomType);
        List<DailyRate> rows = new ArrayList<>();
        if (rates == null) {
            return rows;
        }
        for (LocalDate night = nights.start(); night.isBefore(nights.end()); night = night.plusDays(1)) {
            int i = rates.index(night.toEpochDay());
            if (rates.amount(i) == NightRates.NO_PRICE) {
                continue;
            }
            rows.add(new DailyRate(roomType, night,
                    Money.ofMinor(plan.adjusted(rates.amount(i), rounding), currency),
                    Money.ofMinor(plan.adjusted(rates.extraAdult(i), rounding), currency),
                    Money.ofMinor(plan.adjusted(rates.extraChild(i), rounding), currency),
                    rates.minStay(i) == 0 ? null : rates.minStay(i),
                    rates.maxStay(i) == 0 ? null : rates.maxStay(i),
                    rates.has(i, NightRates.CLOSED),
                    rates.has(i, NightRates.CLOSED_TO_ARRIVAL),
                    rates.has(i, NightRates.CLOSED_TO_DEPARTURE)));
        }
        return rows;
    }

    private Plan plan(String code) {
        Plan plan = plans.get(code);
        if (plan == null) {
            throw new NotFoundException("rate plan", code);
        }
        return plan;
    }

    /** A base plan ({@code parent} null) with its nights, or a derived one with its factor. */
    private record Plan(CancellationPolicy policy, Map<String, NightRates> byType, String parent, long factorPpm,
            List<RatePackage> packages) {
        long adjusted(long minor, Rounding rounding) {
            return parent == null ? minor : rounding.divide(Math.multiplyExact(minor, factorPpm), 1_000_000);
        }
    }

    /** A derived plan's adjustment as a factor in parts per million: -10 % is 900,000. */
    private static long factorPpm(DerivedRate derived) {
        return BigDecimal.valueOf(100).add(derived.adjustmentPercent()).movePointRight(4).longValueExact();
    }
}
