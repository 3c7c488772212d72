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
import java.util.Arrays;
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
 * plus {@code extra_adult} for each adult past the base occupancy and {@code extra_child} for each child.
 * A derived plan adjusts each of the parent's amounts by its percentage, rounded, and keeps the parent's
 * restrictions. Its nights are worked out when the parent's are set (or the derived plan is defined), not
 * when a stay is priced: a search reads every plan's nights as they are sold.
 *
 * <p>Room types have slots, numbers given in the order their codes are first seen ({@link #slot}), and each
 * plan keeps its nights in an array by slot, so that a search finds a type's nights without a map.
 *
 * <p>Written under its owner's lock, read without one: maps and arrays are replaced, never changed, and
 * a type's nights are written on a copy that replaces them, so that an optimistic reader (the availability
 * engine's) sees either the old or the new, and validates after; and so that offers can keep a slice of
 * the nights they were priced from.
 */
final class RateGrid {

    private final Currency currency;
    private final Rounding rounding;
    private volatile Map<String, Plan> plans = Map.of();
    private volatile List<String> planCodes = List.of();
    private volatile Map<String, Integer> slots = Map.of();
    /** Every plan resolved for a search, made again when a plan is defined. */
    private volatile SearchPricing allPlans = new SearchPricing(List.of());

    public RateGrid(Currency currency, Rounding rounding) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.rounding = Objects.requireNonNull(rounding, "rounding");
    }

    /** The slot of a room type's nights in every plan; a code seen for the first time is given the next. */
    public int slot(String roomType) {
        Integer slot = slots.get(roomType);
        if (slot != null) {
            return slot;
        }
        Map<String, Integer> changed = new HashMap<>(slots);
        changed.put(roomType, slots.size());
        slots = Map.copyOf(changed);
        return changed.size() - 1;
    }

    /** Adds a plan, or changes its derivation; a base plan keeps the nights it has. */
    public void define(RatePlan ratePlan) {
        Plan existing = plans.get(ratePlan.code());
        NightRates[] stored = existing == null ? new NightRates[0] : existing.stored;
        long factor = ratePlan.derivation().map(RateGrid::factorPpm).orElse(0L);
        String parent = ratePlan.derivation().map(DerivedRate::parentRatePlan).orElse(null);
        Plan parentPlan = parent == null ? null : plans.get(parent);
        if (parent != null && parentPlan == null) {
            throw new NotFoundException("rate plan", parent);
        }
        Plan plan = new Plan(ratePlan.cancellationPolicy(), stored, parent, factor, ratePlan.packages());
        if (parentPlan != null) {
            plan.priced = derived(parentPlan.stored, factor);
        }
        Map<String, Plan> changed = new HashMap<>(plans);
        changed.put(ratePlan.code(), plan);
        plans = Map.copyOf(changed);
        planCodes = changed.keySet().stream().sorted().toList();
        allPlans = new SearchPricing(planCodes);
    }

    /** The codes of every plan, in order. */
    public List<String> plans() {
        return planCodes;
    }

    /**
     * Sets nights of a base plan's grid, and works out again the nights of the plans derived from it for
     * the room types whose nights changed.
     */
    public void put(String ratePlan, List<DailyRate> rates) {
        Plan plan = plan(ratePlan);
        if (plan.parent != null) {
            throw new IllegalArgumentException("rate plan " + ratePlan + " is derived from " + plan.parent
                    + ": set the prices of " + plan.parent + " instead");
        }
        for (DailyRate rate : rates) {
            rate.amount().requireCurrency(currency);
        }
        NightRates[] written = plan.stored.clone(); // each type's nights copied once, on its first write
        boolean[] copied = new boolean[0];
        for (DailyRate rate : rates) {
            int slot = slot(rate.roomType());
            if (slot >= written.length) {
                written = Arrays.copyOf(written, slot + 1);
            }
            if (slot >= copied.length) {
                copied = Arrays.copyOf(copied, Math.max(slot + 1, slots.size()));
            }
            if (!copied[slot]) {
                written[slot] = written[slot] == null ? new NightRates() : written[slot].copy();
                copied[slot] = true;
            }
            written[slot].set(rate);
        }
        plan.stored = written;
        plan.priced = written;
        for (Plan derived : plans.values()) {
            if (ratePlan.equals(derived.parent)) {
                NightRates[] priced = Arrays.copyOf(derived.priced, written.length);
                for (int slot = 0; slot < copied.length; slot++) {
                    if (copied[slot]) {
                        priced[slot] = written[slot].derived(derived.factorPpm, rounding);
                    }
                }
                derived.priced = priced;
            }
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
        NightRates rates = plan(ratePlan).nights(slotOf(roomType.code()));
        long checkin = stay.checkin().toEpochDay();
        int nights = stay.nights();
        StayPrice.Refused refused = refusal(rates, checkin, nights, arrival);
        if (refused != null) {
            return refused;
        }
        RoomType.PricedGuests guests = roomType.priced(occupancy);
        return new StayPrice.Priced(nightly(rates, rates.index(checkin), nights, guests.extraAdults(), guests.children()));
    }

    /**
     * Prices stays in several plans at once, for a search: the plans are looked up once, and plans derived
     * from one base share its restriction checks, which are the base's. The plans are read as they are
     * now; a caller that reads optimistically validates after, as for {@link #price}.
     *
     * @param ratePlans plan codes, each of a plan this grid has
     */
    public SearchPricing forSearch(List<String> ratePlans) {
        SearchPricing all = allPlans;
        return ratePlans == all.codeList || ratePlans.equals(all.codeList) ? all : new SearchPricing(ratePlans);
    }

    /**
     * {@link #forSearch}'s plans, resolved. Immutable, and shared by the searches of every plan: each prices
     * its room types with it. It reads each plan's nights when it prices, so nights set since it was made
     * are read as they are.
     */
    public final class SearchPricing {
        private final List<String> codeList;
        private final String[] codes;
        private final Plan[] plans;
        /** For each plan, the first plan of the list with the same base: its restriction checks are shared. */
        private final int[] sameBaseAs;

        /** @param ratePlans not changed after */
        private SearchPricing(List<String> ratePlans) {
            int count = ratePlans.size();
            codeList = ratePlans;
            codes = ratePlans.toArray(String[]::new);
            plans = new Plan[count];
            String[] bases = new String[count];
            sameBaseAs = new int[count];
            for (int i = 0; i < count; i++) {
                plans[i] = plan(codes[i]);
                bases[i] = plans[i].parent == null ? codes[i] : plans[i].parent;
                int first = 0;
                while (!bases[first].equals(bases[i])) {
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
            NightPrices[] priced = new NightPrices[codes.length];
            price(slotOf(roomType.code()), roomType, LocalDate.ofEpochDay(checkin), nights, occupancy, priced);
            long[][] nightly = new long[codes.length][];
            for (int i = 0; i < codes.length; i++) {
                nightly[i] = priced[i] == null ? null : priced[i].minor();
            }
            return nightly;
        }

        /**
         * The nightly prices of a stay of the room type in slot {@code slot} (see {@link RateGrid#slot}), in
         * each plan in the order given, into {@code nightly}: {@code null} for a plan whose restrictions refuse
         * it. A guest who pays no extra gets a slice of the plan's own nights, not a copy.
         */
        public void price(int slot, RoomType roomType, LocalDate checkin, int nights, Occupancy occupancy, NightPrices[] nightly) {
            long checkinDay = checkin.toEpochDay();
            RoomType.PricedGuests guests = roomType.priced(occupancy); // age bands resolved once a room type, not once a plan or a night
            int extraAdults = guests.extraAdults();
            int children = guests.children();
            for (int i = 0; i < codes.length; i++) {
                NightRates rates = plans[i].nights(slot);
                boolean refused = sameBaseAs[i] < i
                        ? nightly[sameBaseAs[i]] == null
                        : refusal(rates, checkinDay, nights, true) != null;
                if (refused) {
                    nightly[i] = null;
                    continue;
                }
                int first = rates.index(checkinDay);
                nightly[i] = extraAdults == 0 && children == 0
                        ? new NightPrices(checkin, rates.amounts(), first, nights, currency)
                        : new NightPrices(checkin, nightly(rates, first, nights, extraAdults, children), 0, nights, currency);
            }
        }
    }

    /**
     * The restriction that refuses {@code nights} nights from epoch day {@code checkin} in a plan's
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

    /** The price of each of {@code nights} nights from index {@code first} of {@code rates}, which has them all. */
    private static long[] nightly(NightRates rates, int first, int nights, int extraAdults, int children) {
        long[] nightly = new long[nights];
        for (int n = 0; n < nights; n++) {
            int i = first + n;
            long price = rates.amount(i);
            if (extraAdults > 0) {
                price += extraAdults * rates.extraAdult(i);
            }
            if (children > 0) {
                price += children * rates.extraChild(i);
            }
            nightly[n] = price;
        }
        return nightly;
    }

    /** The plan's grid for a room type, one row a night that has a price; a derived plan's is adjusted. */
    public List<DailyRate> rows(String ratePlan, String roomType, DateRange nights) {
        NightRates rates = plan(ratePlan).nights(slotOf(roomType));
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
                    Money.ofMinor(rates.amount(i), currency),
                    Money.ofMinor(rates.extraAdult(i), currency),
                    Money.ofMinor(rates.extraChild(i), currency),
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

    /** A room type's slot, or -1 for a code no plan has nights of. */
    private int slotOf(String roomType) {
        Integer slot = slots.get(roomType);
        return slot == null ? -1 : slot;
    }

    /** Each type's nights of a base plan, adjusted by a derived plan's factor. */
    private NightRates[] derived(NightRates[] base, long factorPpm) {
        NightRates[] derived = new NightRates[base.length];
        for (int slot = 0; slot < base.length; slot++) {
            derived[slot] = base[slot] == null ? null : base[slot].derived(factorPpm, rounding);
        }
        return derived;
    }

    /**
     * A base plan ({@code parent} null) with its nights, or a derived one with its factor. Its arrays are
     * replaced, never changed, under the owner's lock.
     */
    private static final class Plan {
        final CancellationPolicy policy;
        final @Nullable String parent;
        final long factorPpm;
        final List<RatePackage> packages;
        /** The nights set on this plan by room type slot: a base plan's; a derived plan keeps those it had as a base, unused. */
        volatile NightRates[] stored;
        /** The nights a stay is priced from by room type slot: a base plan's own, a derived plan's worked out from its parent's. */
        volatile NightRates[] priced;

        Plan(CancellationPolicy policy, NightRates[] stored, @Nullable String parent, long factorPpm, List<RatePackage> packages) {
            this.policy = policy;
            this.packages = packages;
            this.parent = parent;
            this.factorPpm = factorPpm;
            this.stored = stored;
            this.priced = stored;
        }

        /** A room type's nights as a stay is priced from them, or null if it has none. */
        @Nullable NightRates nights(int slot) {
            NightRates[] bySlot = priced;
            return slot >= 0 && slot < bySlot.length ? bySlot[slot] : null;
        }
    }

    /** A derived plan's adjustment as a factor in parts per million: -10 % is 900,000. */
    private static long factorPpm(DerivedRate derived) {
        return BigDecimal.valueOf(100).add(derived.adjustmentPercent()).movePointRight(4).longValueExact();
    }
}
