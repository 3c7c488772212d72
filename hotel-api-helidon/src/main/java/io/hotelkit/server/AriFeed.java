package io.hotelkit.server;

import io.hotelkit.availability.EngineView;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.RateService;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A property's ARI (availability, rates and inventory) per room type, rate plan and night, as a channel manager
 * loads it: how many more bookings the night takes, the price of each occupancy the type takes, and the
 * restrictions; in full, or only what changed since a cursor.
 *
 * <p>Read from the same engine and rate grid that accept bookings, so it shows no night free that a booking
 * would be refused. The cursor is the outbox position read <em>before</em> the engine is caught up and the rows
 * are computed: a row is never older than its cursor, so a client that resumes from it misses no change (one
 * that happens meanwhile may be sent twice).
 */
final class AriFeed {

    /** The longest window one call reads. */
    static final int MAX_NIGHTS = 366;
    /** Past this many outbox events to read for a delta, the answer is a full resync of the window instead. */
    static final int MAX_EVENTS_SCANNED = 50_000;
    private static final int PAGE = 1_000;

    /** One room type, rate plan and night. {@code price} is null on a night without a price, which is closed. */
    record Night(String roomType, String ratePlan, LocalDate night, int available, boolean closed,
                 boolean closedToArrival, boolean closedToDeparture, @Nullable Integer minStay,
                 @Nullable Integer maxStay, @Nullable NightPrice price) {}

    /** A night's price as the rate model prices it, and what that makes for each occupancy the type takes. */
    record NightPrice(int baseOccupancy, Money amount, Money extraAdult, Money extraChild,
                      List<OccupancyPrice> byOccupancy) {}

    record OccupancyPrice(int adults, int children, Money amount) {}

    /** An answer: the rows of the window that changed (all of them when {@code full}), and where to resume. */
    record Snapshot(String propertyId, String propertyCode, String currency, boolean vatIncluded, LocalDate from,
                    LocalDate to, boolean full, String nextCursor, List<Night> nights) {}

    private final InventoryService inventory;
    private final RateService rates;
    private final EngineView engine;
    private final Outbox outbox;
    private final AriChanges changes;
    private final Runnable catchUp;
    private final Settled settled;

    /** Whether the engine, at a version of a property, is known to hold its stored state ({@code Hotel::positionAt}). */
    @FunctionalInterface
    interface Settled {
        OptionalLong positionAt(PropertyId property, long engineVersion);
    }

    /**
     * @param catchUp brings the engine up to every change committed so far, other instances' included
     *     ({@code Hotel::catchUp})
     */
    AriFeed(InventoryService inventory, RateService rates, EngineView engine, Outbox outbox, AriChanges changes,
            Runnable catchUp, Settled settled) {
        this.inventory = inventory;
        this.rates = rates;
        this.engine = engine;
        this.outbox = outbox;
        this.changes = changes;
        this.catchUp = catchUp;
        this.settled = settled;
    }

    /**
     * The feed of {@code [from, to)} (from the business date, a year, when absent), of one room type and rate plan
     * or all; everything, or what changed since {@code since}.
     *
     * @throws InvalidRequestException naming the query parameter at fault
     * @throws io.hotelkit.shared.NotFoundException if there is no such property
     */
    Snapshot read(PropertyId propertyId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String roomType,
                  @Nullable String ratePlan, @Nullable String since) {
        Property property = inventory.property(propertyId);
        LocalDate start = from != null ? from : property.businessDate();
        LocalDate end = to != null ? to : start.plusDays(365);
        if (start.isBefore(property.businessDate())) {
            throw new InvalidRequestException(from != null ? "from" : "to",
                    "must not be before the business date " + property.businessDate() + ": past nights are not sold");
        }
        DateRange window = Params.range(start, end, "to");
        if (window.nights() > MAX_NIGHTS) {
            throw new InvalidRequestException("to", "the feed is read at most " + MAX_NIGHTS + " nights at a time, not "
                    + window.nights());
        }
        List<RoomType> types = inventory.roomTypes(propertyId).stream()
                .filter(type -> roomType == null || type.code().equals(roomType))
                .sorted(java.util.Comparator.comparing(RoomType::code)).toList();
        if (roomType != null && types.isEmpty()) {
            throw new InvalidRequestException("room_type", "no room type '" + roomType + "' at this property");
        }
        List<String> plans = rates.ratePlans(propertyId).stream().map(RatePlan::code)
                .filter(code -> ratePlan == null || code.equals(ratePlan)).sorted().toList();
        if (ratePlan != null && plans.isEmpty()) {
            throw new InvalidRequestException("rate_plan", "no rate plan '" + ratePlan + "' at this property");
        }
        // The position first, then the engine brought up to it: rows computed after are at least as new.
        long position = outbox.lastPosition();
        AriCursor cursor = since == null ? null : AriCursor.decode(since, propertyId, position, "since");
        catchUp.run();
        if (settled.positionAt(propertyId, engine.version(propertyId)).isEmpty()) {
            // Not known settled (first asked, or a change of this instance between its commit and the engine):
            // the next round settles it. If a change is still in flight after it, the rows may miss it, for as
            // long as that change takes to reach the engine: the narrow window DESIGN.md describes.
            catchUp.run();
        }
        Optional<List<AriChanges.Change>> delta = cursor == null ? Optional.empty()
                : changesBetween(propertyId, cursor.position(), position);
        Map<String, Map<String, DateRange>> ranges = new LinkedHashMap<>();
        for (RoomType type : types) {
            Map<String, DateRange> byPlan = new LinkedHashMap<>();
            for (String plan : plans) {
                rangeOf(delta, type.code(), plan, window).ifPresent(range -> byPlan.put(plan, range));
            }
            if (!byPlan.isEmpty()) {
                ranges.put(type.code(), byPlan);
            }
        }
        List<Night> nights = new ArrayList<>();
        for (RoomType type : types) {
            Map<String, DateRange> byPlan = ranges.get(type.code());
            if (byPlan != null) {
                rows(property, type, byPlan, nights);
            }
        }
        return new Snapshot(propertyId.value(), property.code(), property.currency().getCurrencyCode(),
                property.taxes().vatIncluded(), start, end, delta.isEmpty(),
                new AriCursor(propertyId, position).encode(), nights);
    }

    /** The changes of the property's ARI in {@code (after, upTo]}; empty when there are too many to read (resync). */
    private Optional<List<AriChanges.Change>> changesBetween(PropertyId propertyId, long after, long upTo) {
        List<AriChanges.Change> found = new ArrayList<>();
        long position = after;
        int scanned = 0;
        while (position < upTo) {
            List<Outbox.StoredEvent> page = outbox.readAfter(position, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Outbox.StoredEvent stored : page) {
                if (stored.position() > upTo) {
                    return Optional.of(found);
                }
                position = stored.position();
                if (propertyId.equals(stored.event().propertyId())) {
                    changes.of(stored.event()).ifPresent(found::add);
                }
            }
            scanned += page.size();
            if (scanned > MAX_EVENTS_SCANNED) {
                return Optional.empty();
            }
        }
        return Optional.of(found);
    }

    /** The nights of {@code window} to send for a room type and plan: all of them, those changed, or none. */
    private static Optional<DateRange> rangeOf(Optional<List<AriChanges.Change>> delta, String type, String plan,
                                               DateRange window) {
        if (delta.isEmpty()) {
            return Optional.of(window);
        }
        LocalDate start = null;
        LocalDate end = null;
        for (AriChanges.Change change : delta.get()) {
            if (!change.covers(type, plan)) {
                continue;
            }
            DateRange nights = change.nights() == null ? window : change.nights();
            LocalDate s = nights.start().isBefore(window.start()) ? window.start() : nights.start();
            LocalDate e = nights.end().isAfter(window.end()) ? window.end() : nights.end();
            if (s.isBefore(e)) {
                start = start == null || s.isBefore(start) ? s : start;
                end = end == null || e.isAfter(end) ? e : end;
            }
        }
        return start == null ? Optional.empty() : Optional.of(DateRange.of(start, end));
    }

    private void rows(Property property, RoomType type, Map<String, DateRange> byPlan, List<Night> into) {
        LocalDate first = null;
        LocalDate last = null;
        for (DateRange range : byPlan.values()) {
            first = first == null || range.start().isBefore(first) ? range.start() : first;
            last = last == null || range.end().isAfter(last) ? range.end() : last;
        }
        int[] available = new int[(int) (last.toEpochDay() - first.toEpochDay())];
        for (int n = 0; n < available.length; n++) {
            LocalDate night = first.plusDays(n);
            available[n] = Math.max(0, engine.available(property.id(), type.code(), DateRange.of(night, night.plusDays(1))));
        }
        for (Map.Entry<String, DateRange> entry : byPlan.entrySet()) {
            DateRange range = entry.getValue();
            Map<LocalDate, DailyRate> grid = new HashMap<>();
            for (DailyRate rate : engine.rates(property.id(), entry.getKey(), type.code(), range)) {
                grid.put(rate.night(), rate);
            }
            DailyRate previous = null;
            NightPrice price = null;
            for (LocalDate night = range.start(); night.isBefore(range.end()); night = night.plusDays(1)) {
                int free = available[(int) (night.toEpochDay() - first.toEpochDay())];
                DailyRate rate = grid.get(night);
                if (rate != null && (previous == null || !samePrice(rate, previous))) {
                    price = price(type, rate); // runs of nights at one price share theirs
                }
                previous = rate;
                into.add(night(property, type, entry.getKey(), night, free, rate, price));
            }
        }
    }

    private static boolean samePrice(DailyRate a, DailyRate b) {
        return a.amount().equals(b.amount()) && a.extraAdult().equals(b.extraAdult()) && a.extraChild().equals(b.extraChild());
    }

    private static Night night(Property property, RoomType type, String plan, LocalDate night, int available,
                               @Nullable DailyRate rate, @Nullable NightPrice price) {
        if (rate == null) {
            return new Night(type.code(), plan, night, available, true, false, false, null, null, null);
        }
        int longest = property.maxStayNights();
        Integer maxStay = rate.maxStay() == null || rate.maxStay() > longest ? Integer.valueOf(longest) : rate.maxStay();
        return new Night(type.code(), plan, night, available, rate.closed(), rate.closedToArrival(),
                rate.closedToDeparture(), rate.minStay(), maxStay, price);
    }

    /** What the engine charges a night for each occupancy the type takes: base, plus extra adults past it, plus children. */
    static NightPrice price(RoomType type, DailyRate rate) {
        List<OccupancyPrice> prices = new ArrayList<>();
        for (int adults = 1; adults <= type.maxAdults(); adults++) {
            for (int children = 0; children <= type.maxChildren() && adults + children <= type.maxOccupancy(); children++) {
                Money amount = rate.amount()
                        .plus(rate.extraAdult().times(Math.max(0, adults - type.baseOccupancy())))
                        .plus(rate.extraChild().times(children));
                prices.add(new OccupancyPrice(adults, children, amount));
            }
        }
        return new NightPrice(type.baseOccupancy(), rate.amount(), rate.extraAdult(), rate.extraChild(), List.copyOf(prices));
    }
}
