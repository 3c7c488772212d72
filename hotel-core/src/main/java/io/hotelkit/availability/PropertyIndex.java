package io.hotelkit.availability;

import io.hotelkit.inventory.OutOfOrder;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotAvailableException.Reason;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import io.hotelkit.spi.BlockHold;
import io.hotelkit.spi.Claim;
import io.hotelkit.spi.InventoryDelta;
import io.hotelkit.spi.PendingChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One property's inventory and rates, for search and for deciding sales. Per room type and night it
 * keeps how much is taken (sold to bookings without a block, held by blocks, out of order); per room a
 * bitset of occupied nights; per block the rooms picked up each night.
 *
 * <p>Writes take the write lock. Reads are optimistic: they run without a lock and are repeated under the
 * read lock if a write happened meanwhile. So that an unlucky reader never loops or corrupts anything,
 * the maps are replaced rather than changed; arrays that grow are replaced too.
 */
final class PropertyIndex {

    private final StampedLock lock = new StampedLock();
    private volatile Property property;
    private final RateGrid rates;
    private volatile Map<String, TypeIndex> types = Map.of();
    private volatile List<TypeIndex> typesInOrder = List.of();
    private volatile Map<String, RoomIndex> rooms = Map.of();
    private volatile Map<String, BlockIndex> blocks = Map.of();
    /** The engine's counter of versions, shared by all its indexes; see {@link #version()}. */
    private final AtomicLong versions;
    private volatile long version;
    /** Changes taken but not yet committed or rolled back. */
    private final AtomicInteger inFlight = new AtomicInteger();

    PropertyIndex(Property property, AtomicLong versions) {
        this.property = property;
        this.rates = new RateGrid(property.currency(), property.rounding());
        this.versions = versions;
        this.version = versions.incrementAndGet();
    }

    Property property() {
        return property;
    }

    /**
     * Moves on with every change. Versions come from one counter of the engine, so an index loaded anew
     * for a property never repeats a version that an earlier index of it had: answers cached by version
     * cannot outlive a reload.
     */
    long version() {
        return version;
    }

    /** Whether a change is taken and not yet settled: an index loaded from storage now could miss it. */
    boolean busy() {
        return inFlight.get() > 0;
    }

    // ---- reads -------------------------------------------------------------------------------------

    <T> T read(Supplier<T> reader) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                T result = reader.get();
                if (lock.validate(stamp)) {
                    return result;
                }
            } catch (RuntimeException tornRead) {
                // a write moved things under us; the locked read below gives the real answer or exception
            }
        }
        stamp = lock.readLock();
        try {
            return reader.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    Availability search(AvailabilityQuery query) {
        Stay stay = query.stay();
        Occupancy occupancy = query.occupancy();
        long checkin = stay.checkin().toEpochDay();
        int nights = stay.nights();
        List<String> planCodes = query.ratePlan() == null ? rates.plans() : List.of(query.ratePlan());
        if (query.ratePlan() != null && !rates.has(query.ratePlan())) {
            throw new NotFoundException("rate plan", query.ratePlan());
        }
        RateGrid.SearchPricing pricing = rates.forSearch(planCodes);
        List<TypeIndex> candidates = query.roomType() == null ? typesInOrder : List.of(type(query.roomType()));
        List<Offer> offers = new ArrayList<>(candidates.size() * pricing.size());
        LocalDate[] dates = nightsOf(stay);
        Property p = property;
        TaxPolicy.GuestTaxes taxes = p.taxes().forGuests(occupancy, p.rounding());
        for (TypeIndex type : candidates) {
            if (!type.roomType.fits(occupancy)) {
                continue;
            }
            int free = type.free(checkin, nights);
            if (free <= 0) {
                continue;
            }
            long[][] nightly = pricing.price(type.roomType, checkin, nights, occupancy);
            for (int plan = 0; plan < nightly.length; plan++) {
                if (nightly[plan] != null) {
                    offers.add(new Offer(type.roomType.code(), pricing.code(plan), free,
                            Money.ofMinor(taxes.stayTotalMinor(nightly[plan]), p.currency()),
                            new NightPrices(dates, nightly[plan], p.currency()), pricing.cancellationPolicy(plan)));
                }
            }
        }
        return new Availability(stay, offers);
    }

    Offer quote(String roomType, String ratePlan, Stay stay, Occupancy occupancy, boolean arrival) {
        TypeIndex type = type(roomType);
        if (!type.roomType.fits(occupancy)) {
            throw new NotAvailableException(Reason.OCCUPANCY, property.id(), roomType, null,
                    "room type %s takes at most %d adults, %d children and %d guests, not %s".formatted(roomType,
                            type.roomType.maxAdults(), type.roomType.maxChildren(), type.roomType.maxOccupancy(), occupancy));
        }
        StayPrice price = arrival ? rates.price(ratePlan, type.roomType, stay, occupancy)
                : rates.priceNights(ratePlan, type.roomType, stay, occupancy);
        return switch (price) {
            case StayPrice.Priced priced -> offer(roomType, ratePlan,
                    Math.max(0, type.free(stay.checkin().toEpochDay(), stay.nights())), stay, occupancy, priced.nightlyMinor());
            case StayPrice.Refused refused -> throw new NotAvailableException(Reason.valueOf(refused.restriction().name()),
                    property.id(), roomType, refused.date(), "rate plan %s does not sell room type %s for %s: %s on %s"
                            .formatted(ratePlan, roomType, stay, refused.restriction().name().toLowerCase(), refused.date()));
        };
    }

    private Offer offer(String roomType, String ratePlan, int available, Stay stay, Occupancy occupancy, long[] nightlyMinor) {
        Property p = property;
        long total = p.taxes().stayTotalMinor(nightlyMinor, occupancy, p.rounding());
        return new Offer(roomType, ratePlan, available, Money.ofMinor(total, p.currency()),
                new NightPrices(nightsOf(stay), nightlyMinor, p.currency()), rates.cancellationPolicy(ratePlan));
    }

    private static LocalDate[] nightsOf(Stay stay) {
        LocalDate[] dates = new LocalDate[stay.nights()];
        for (int n = 0; n < dates.length; n++) {
            dates[n] = stay.checkin().plusDays(n);
        }
        return dates;
    }

    List<String> freeRooms(DateRange nights, @Nullable String roomType) {
        long from = nights.start().toEpochDay();
        int count = nights.nights();
        List<TypeIndex> candidates = roomType == null ? typesInOrder : List.of(type(roomType));
        List<String> free = new ArrayList<>();
        for (TypeIndex type : candidates) {
            for (RoomIndex room : type.rooms) {
                if (room.occupied.isClear(from, count)) {
                    free.add(room.number);
                }
            }
        }
        if (candidates.size() > 1) {
            free.sort(Comparator.naturalOrder()); // each type's rooms are in order already
        }
        return free;
    }

    boolean isRoomFree(String number, DateRange nights) {
        return room(number).occupied.isClear(nights.start().toEpochDay(), nights.nights());
    }

    int available(String roomType, DateRange nights) {
        return type(roomType).free(nights.start().toEpochDay(), nights.nights());
    }

    List<TypeAvailability> available(DateRange nights) {
        long from = nights.start().toEpochDay();
        int count = nights.nights();
        List<TypeIndex> all = typesInOrder;
        TypeAvailability[] available = new TypeAvailability[all.size()];
        for (int i = 0; i < available.length; i++) {
            TypeIndex type = all.get(i);
            available[i] = new TypeAvailability(type.roomType.code(), type.free(from, count));
        }
        return Collections.unmodifiableList(Arrays.asList(available));
    }

    int pickedUp(String block, LocalDate night) {
        BlockIndex index = blocks.get(block);
        return index == null ? 0 : index.picked.get(night.toEpochDay());
    }

    long memoryBytes() {
        long bytes = 0;
        for (RoomIndex room : rooms.values()) {
            bytes += room.occupied.bytes();
        }
        return bytes;
    }

    // ---- configuration, applied once committed -------------------------------------------------------

    void update(Property changed) {
        write(() -> property = changed);
    }

    void addRoomType(RoomType roomType) {
        write(() -> {
            TypeIndex existing = types.get(roomType.code());
            if (existing != null) {
                existing.roomType = roomType;
                return;
            }
            Map<String, TypeIndex> changed = new HashMap<>(types);
            changed.put(roomType.code(), new TypeIndex(roomType));
            types = Map.copyOf(changed);
            typesInOrder = changed.values().stream().sorted(Comparator.comparing(t -> t.roomType.code())).toList();
        });
    }

    /** Per night of {@code nights}, the room types' overbooking summed: each night's own where set, else the type's. */
    int[] overbooking(DateRange nights) {
        int[] out = new int[nights.nights()];
        long first = nights.start().toEpochDay();
        for (TypeIndex type : typesInOrder) {
            Map<Long, Integer> perNight = type.allowances;
            int limit = type.roomType.overbookingLimit();
            for (int i = 0; i < out.length; i++) {
                out[i] += perNight.isEmpty() ? limit : perNight.getOrDefault(first + i, limit);
            }
        }
        return out;
    }

    /** A night's overbooking allowance of a room type; {@code null} gives the night the type's own again. */
    void setAllowance(String roomType, LocalDate night, @Nullable Integer allowance) {
        TypeIndex type = type(roomType);
        write(() -> {
            Map<Long, Integer> changed = new HashMap<>(type.allowances);
            if (allowance == null) {
                changed.remove(night.toEpochDay());
            } else {
                changed.put(night.toEpochDay(), allowance);
            }
            type.allowances = Map.copyOf(changed);
        });
    }

    /** A new room: its type has one room more, less its out-of-order nights. */
    void addRoom(Room room) {
        addRooms(List.of(room));
    }

    /** New rooms, with the maps copied once for all of them rather than once a room. */
    void addRooms(List<Room> added) {
        write(() -> {
            Map<String, RoomIndex> changed = new HashMap<>(rooms);
            Map<TypeIndex, List<RoomIndex>> byType = new HashMap<>();
            for (Room room : added) {
                TypeIndex type = type(room.roomType());
                RoomIndex index = new RoomIndex(room.number(), type);
                for (OutOfOrder period : room.outOfOrder()) {
                    period.period().dates().forEach(night -> {
                        index.occupied.set(night.toEpochDay());
                        type.taken.add(night.toEpochDay(), 1);
                    });
                }
                changed.put(room.number(), index);
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(index);
            }
            rooms = Map.copyOf(changed);
            byType.forEach((type, indexes) -> {
                RoomIndex[] ofType = Arrays.copyOf(type.rooms, type.rooms.length + indexes.size());
                for (int i = 0; i < indexes.size(); i++) {
                    ofType[type.rooms.length + i] = indexes.get(i);
                }
                Arrays.sort(ofType, Comparator.comparing(r -> r.number));
                type.rooms = ofType;
                type.roomCount += indexes.size();
            });
        });
    }

    RateGrid rates() {
        return rates;
    }

    /** Runs a change of the rate grid under the write lock. */
    void changeRates(Runnable change) {
        write(change);
    }

    // ---- inventory changes: taken now, given back on commit --------------------------------------------

    /**
     * Applies several claim changes as one: their net effect on each night of each room type, block and
     * room is what counts, so that two bookings can swap rooms and a booking can move its nights within
     * one transaction.
     */
    PendingChange change(List<Claim> befores, List<Claim> afters) {
        // the everyday cases, a new booking and a cancellation, without netting nights through maps
        if (befores.isEmpty() && afters.size() == 1) {
            return takeNew(units(afters.getFirst()));
        }
        if (afters.isEmpty() && befores.size() == 1) {
            List<Unit> units = units(befores.getFirst());
            inFlight.incrementAndGet();
            return new Deferred(() -> units.forEach(unit -> unit.add(-1)), () -> {});
        }
        for (Claim claim : afters) {
            if (claim.room() != null) {
                roomOfType(claim.room(), claim.roomType());
            }
            if (claim.block() != null) {
                block(claim.block(), claim.roomType());
            }
        }
        return apply(units(InventoryDelta.between(befores, afters)));
    }

    PendingChange changeOutOfOrder(Room before, Room after) {
        return apply(units(InventoryDelta.outOfOrder(before, after)));
    }

    /** Counts the claims as they are, unchecked: the index is being loaded from a store that accepted them. */
    void restore(List<Claim> claims) {
        // unit by unit, not summed into a map first: a big hotel's year of bookings is millions of room-nights
        write(() -> claims.forEach(claim -> units(claim).forEach(unit -> unit.add(1))));
    }

    /** Holds an open block's rooms, unchecked, while the index is being loaded. */
    void restoreBlock(BlockHold hold) {
        TypeIndex type = type(hold.roomType());
        write(() -> {
            hold.nights().dates().forEach(night -> type.taken.add(night.toEpochDay(), hold.rooms()));
            setBlocks(hold.code(), new BlockIndex(new BlockHold(hold.propertyId(), hold.code(), hold.roomType(),
                    hold.nights(), hold.rooms(), true), type));
        });
    }

    /** Creates a block's hold, or closes it so that its unpicked rooms go back to general inventory. */
    PendingChange changeBlock(@Nullable BlockHold before, @Nullable BlockHold after) {
        if (before == null && after != null && after.open()) {
            TypeIndex type = type(after.roomType());
            Map<Unit, Integer> delta = new HashMap<>();
            after.nights().dates().forEach(night -> delta.put(new TypeNight(type, night), after.rooms()));
            long stamp = lock.writeLock();
            try {
                if (blocks.containsKey(after.code())) {
                    throw new IllegalArgumentException("block " + after.code() + " exists already");
                }
                check(delta);
                add(delta);
                setBlocks(after.code(), new BlockIndex(after, type));
                version = versions.incrementAndGet();
            } finally {
                lock.unlockWrite(stamp);
            }
            inFlight.incrementAndGet();
            return new Deferred(() -> {}, () -> {
                undo(delta);
                setBlocks(after.code(), null);
            });
        }
        if (before != null && after != null && before.open() && !after.open()) {
            BlockIndex block = block(before.code(), before.roomType());
            inFlight.incrementAndGet();
            return new Deferred(() -> {
                block.hold.nights().dates().forEach(night -> block.type.taken.add(night.toEpochDay(),
                        block.picked.get(night.toEpochDay()) - block.hold.rooms()));
                block.open = false;
            }, () -> {});
        }
        if (before != null && before.equals(after)) {
            return PendingChange.NONE;
        }
        throw new IllegalArgumentException("a block can only be created open, or closed: " + before + " -> " + after);
    }

    /** Takes one of each unit, all or none; {@code units} are distinct and in night order, as one claim's are. */
    private PendingChange takeNew(List<Unit> units) {
        long stamp = lock.writeLock();
        try {
            units.forEach(unit -> unit.check(1));
            units.forEach(unit -> unit.add(1));
            version = versions.incrementAndGet();
        } finally {
            lock.unlockWrite(stamp);
        }
        inFlight.incrementAndGet();
        return new Deferred(() -> {}, () -> units.forEach(unit -> unit.add(-1)));
    }

    private PendingChange apply(Map<Unit, Integer> delta) {
        Map<Unit, Integer> takes = new HashMap<>();
        Map<Unit, Integer> giveBacks = new HashMap<>();
        delta.forEach((unit, count) -> {
            if (count > 0) {
                takes.put(unit, count);
            } else if (count < 0) {
                giveBacks.put(unit, count);
            }
        });
        if (takes.isEmpty() && giveBacks.isEmpty()) {
            return PendingChange.NONE;
        }
        long stamp = lock.writeLock();
        try {
            check(takes);
            add(takes);
            version = versions.incrementAndGet();
        } finally {
            lock.unlockWrite(stamp);
        }
        inFlight.incrementAndGet();
        return new Deferred(() -> add(giveBacks), () -> undo(takes));
    }

    /** Refuses unless every unit can take its count more; nights are checked in order, so the first full one is named. */
    private void check(Map<Unit, Integer> takes) {
        takes.entrySet().stream()
                .sorted(Comparator.comparingLong(entry -> entry.getKey().day()))
                .forEach(entry -> entry.getKey().check(entry.getValue()));
    }

    /** Adds each unit's count: a positive count takes nights, a negative one (a give-back) returns them. */
    private static void add(Map<Unit, Integer> counts) {
        counts.forEach((unit, count) -> unit.add(count));
    }

    /** Undoes {@link #add}: what a rolled-back change took is returned. */
    private static void undo(Map<Unit, Integer> counts) {
        counts.forEach((unit, count) -> unit.add(-count));
    }

    private void setBlocks(String code, @Nullable BlockIndex block) {
        Map<String, BlockIndex> changed = new HashMap<>(blocks);
        if (block == null) {
            changed.remove(code);
        } else {
            changed.put(code, block);
        }
        blocks = Map.copyOf(changed);
    }

    /** The delta's nights as the index's own units. */
    private Map<Unit, Integer> units(InventoryDelta delta) {
        Map<Unit, Integer> units = new HashMap<>();
        delta.typeNights().forEach((key, count) -> units.put(new TypeNight(type(key.roomType()), key.night()), count));
        delta.blockNights().forEach((key, count) -> units.put(new BlockNight(block(key.block()), key.night()), count));
        delta.roomNights().forEach((key, count) -> units.put(new RoomNight(room(key.room()), key.night()), count));
        return units;
    }

    /** A claim's nights as the index's own units, each once. */
    private List<Unit> units(Claim claim) {
        List<Unit> units = new ArrayList<>(claim.nights().nights() * 2);
        TypeIndex type = type(claim.roomType());
        BlockIndex block = claim.block() == null ? null : block(claim.block(), claim.roomType());
        RoomIndex room = claim.room() == null ? null : roomOfType(claim.room(), claim.roomType());
        for (LocalDate night = claim.nights().start(); night.isBefore(claim.nights().end()); night = night.plusDays(1)) {
            units.add(block == null ? new TypeNight(type, night) : new BlockNight(block, night));
            if (room != null) {
                units.add(new RoomNight(room, night));
            }
        }
        return units;
    }

    /** A change whose give-backs wait for the commit; each side runs under the write lock. */
    private final class Deferred implements PendingChange {
        private final Runnable onCommit;
        private final Runnable onRollback;

        Deferred(Runnable onCommit, Runnable onRollback) {
            this.onCommit = onCommit;
            this.onRollback = onRollback;
        }

        @Override
        public void commit() {
            settle(onCommit);
        }

        @Override
        public void rollback() {
            settle(onRollback);
        }

        private void settle(Runnable action) {
            try {
                write(action);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private void write(Runnable change) {
        long stamp = lock.writeLock();
        try {
            change.run();
            version = versions.incrementAndGet();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private TypeIndex type(String code) {
        TypeIndex type = types.get(code);
        if (type == null) {
            throw new NotFoundException("room type", code);
        }
        return type;
    }

    private RoomIndex room(String number) {
        RoomIndex room = rooms.get(number);
        if (room == null) {
            throw new NotFoundException("room", number);
        }
        return room;
    }

    private RoomIndex roomOfType(String number, String roomType) {
        RoomIndex room = room(number);
        if (!room.type.roomType.code().equals(roomType)) {
            throw new IllegalArgumentException(
                    "room " + number + " is of room type " + room.type.roomType.code() + ", not " + roomType);
        }
        return room;
    }

    private BlockIndex block(String code) {
        BlockIndex block = blocks.get(code);
        if (block == null) {
            throw new NotFoundException("block", code);
        }
        return block;
    }

    private BlockIndex block(String code, String roomType) {
        BlockIndex block = block(code);
        if (!block.hold.roomType().equals(roomType)) {
            throw new IllegalArgumentException("block " + code + " holds room type " + block.hold.roomType() + ", not " + roomType);
        }
        return block;
    }

    /** The nights of {@code range} that are not in {@code except}. */
    private static List<LocalDate> newNights(DateRange range, @Nullable DateRange except) {
        return range.dates().filter(night -> except == null || !except.contains(night)).toList();
    }

    private static List<LocalDate> outOfOrderNights(@Nullable Room room) {
        if (room == null) {
            return List.of();
        }
        return room.outOfOrder().stream().flatMap(o -> o.period().dates()).toList();
    }

    // ---- the index's parts ---------------------------------------------------------------------------

    private static final class TypeIndex {
        volatile RoomType roomType;
        volatile int roomCount;
        volatile RoomIndex[] rooms = new RoomIndex[0];
        /** Per night: sold without a block, held by blocks, out of order. */
        final NightCounts taken = new NightCounts();

        TypeIndex(RoomType roomType) {
            this.roomType = roomType;
        }

        /** Nights whose overbooking allowance is not the type's, by epoch day; replaced whole on a change. */
        volatile Map<Long, Integer> allowances = Map.of();

        int capacity() {
            return roomCount + roomType.overbookingLimit();
        }

        /** How many more can be taken on every one of the nights. */
        int free(long fromDay, int nights) {
            Map<Long, Integer> perNight = allowances;
            if (perNight.isEmpty()) {
                return capacity() - taken.max(fromDay, nights);
            }
            int limit = roomType.overbookingLimit();
            int free = Integer.MAX_VALUE;
            for (long day = fromDay; day < fromDay + nights; day++) {
                free = Math.min(free, roomCount + perNight.getOrDefault(day, limit) - taken.get(day));
            }
            return free;
        }
    }

    private static final class RoomIndex {
        final String number;
        final TypeIndex type;
        final NightBits occupied = new NightBits();

        RoomIndex(String number, TypeIndex type) {
            this.number = number;
            this.type = type;
        }
    }

    private static final class BlockIndex {
        final BlockHold hold;
        final TypeIndex type;
        volatile boolean open;
        final NightCounts picked = new NightCounts();

        BlockIndex(BlockHold hold, TypeIndex type) {
            this.hold = hold;
            this.type = type;
            this.open = hold.open();
        }
    }

    /** One night of something the inventory counts: a room type's, a block's, a room's. */
    private sealed interface Unit permits TypeNight, BlockNight, RoomNight {
        LocalDate night();

        default long day() {
            return night().toEpochDay();
        }

        /** Refuses unless {@code count} more can be taken. */
        void check(int count);

        /** Takes {@code count} more, or gives back when negative. */
        void add(int count);
    }

    private record TypeNight(TypeIndex type, LocalDate night) implements Unit {
        @Override
        public void check(int count) {
            int free = type.free(day(), 1);
            if (free < count) {
                String code = type.roomType.code();
                throw new NotAvailableException(Reason.SOLD_OUT, type.roomType.propertyId(), code, night,
                        count == 1 ? "room type " + code + " is sold out on " + night
                                : "room type %s has %d rooms free on %s, not %d".formatted(code, Math.max(free, 0), night, count));
            }
        }

        @Override
        public void add(int count) {
            type.taken.add(day(), count);
        }
    }

    private record BlockNight(BlockIndex block, LocalDate night) implements Unit {
        @Override
        public void check(int count) {
            BlockHold hold = block.hold;
            String why = !block.open ? "block " + hold.code() + " is no longer open for pick-up"
                    : !hold.nights().contains(night) ? "block " + hold.code() + " holds no rooms on " + night + ", only for " + hold.nights()
                    : block.picked.get(day()) + count > hold.rooms() ? "block " + hold.code() + " has all its " + hold.rooms()
                            + " rooms picked up on " + night
                    : null;
            if (why != null) {
                throw new NotAvailableException(Reason.BLOCK_FULL, hold.propertyId(), hold.roomType(), night, why);
            }
        }

        @Override
        public void add(int count) {
            block.picked.add(day(), count);
            if (!block.open) {
                block.type.taken.add(day(), count); // a closed block holds only what is picked up
            }
        }
    }

    private record RoomNight(RoomIndex room, LocalDate night) implements Unit {
        @Override
        public void check(int count) {
            if (count > 1 || room.occupied.get(day())) {
                throw new NotAvailableException(Reason.ROOM_TAKEN, room.type.roomType.propertyId(), room.type.roomType.code(),
                        night, "room " + room.number + " is taken on " + night);
            }
        }

        @Override
        public void add(int count) {
            if (count > 0) {
                room.occupied.set(day());
            } else {
                room.occupied.clear(day());
            }
        }
    }
}
