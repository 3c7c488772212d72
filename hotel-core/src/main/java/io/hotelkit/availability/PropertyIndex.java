package io.hotelkit.availability;

import io.hotelkit.availability.NotAvailableException.Reason;
import io.hotelkit.inventory.OutOfOrder;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.rates.RateGrid;
import io.hotelkit.rates.StayPrice;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private volatile long version;

    PropertyIndex(Property property) {
        this.property = property;
        this.rates = new RateGrid(property.currency(), property.rounding());
    }

    Property property() {
        return property;
    }

    long version() {
        return version;
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
        List<TypeIndex> candidates = query.roomType() == null ? typesInOrder : List.of(type(query.roomType()));
        List<Offer> offers = new ArrayList<>();
        for (TypeIndex type : candidates) {
            if (!type.roomType.fits(occupancy)) {
                continue;
            }
            int free = type.free(checkin, nights);
            if (free <= 0) {
                continue;
            }
            for (String plan : planCodes) {
                if (rates.price(plan, type.roomType, stay, occupancy) instanceof StayPrice.Priced priced) {
                    offers.add(offer(type.roomType.code(), plan, free, stay, occupancy, priced.nightlyMinor()));
                }
            }
        }
        return new Availability(stay, offers);
    }

    Offer quote(String roomType, String ratePlan, Stay stay, Occupancy occupancy) {
        TypeIndex type = type(roomType);
        if (!type.roomType.fits(occupancy)) {
            throw new NotAvailableException(Reason.OCCUPANCY, property.id(), roomType, null,
                    "room type %s takes at most %d adults, %d children and %d guests, not %s".formatted(roomType,
                            type.roomType.maxAdults(), type.roomType.maxChildren(), type.roomType.maxOccupancy(), occupancy));
        }
        return switch (rates.price(ratePlan, type.roomType, stay, occupancy)) {
            case StayPrice.Priced priced -> offer(roomType, ratePlan,
                    Math.max(0, type.free(stay.checkin().toEpochDay(), stay.nights())), stay, occupancy, priced.nightlyMinor());
            case StayPrice.Refused refused -> throw new NotAvailableException(Reason.of(refused.restriction()),
                    property.id(), roomType, refused.date(), "rate plan %s does not sell room type %s for %s: %s on %s"
                            .formatted(ratePlan, roomType, stay, refused.restriction().name().toLowerCase(), refused.date()));
        };
    }

    private Offer offer(String roomType, String ratePlan, int available, Stay stay, Occupancy occupancy, long[] nightlyMinor) {
        Property p = property;
        List<Offer.NightPrice> nightly = new ArrayList<>(nightlyMinor.length);
        long total = 0;
        LocalDate night = stay.checkin();
        for (long price : nightlyMinor) {
            nightly.add(new Offer.NightPrice(night, Money.ofMinor(price, p.currency())));
            total += p.taxes().nightTotalMinor(price, occupancy, p.rounding());
            night = night.plusDays(1);
        }
        return new Offer(roomType, ratePlan, available, Money.ofMinor(total, p.currency()), nightly,
                rates.cancellationPolicy(ratePlan));
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
        free.sort(Comparator.naturalOrder());
        return free;
    }

    boolean isRoomFree(String number, DateRange nights) {
        return room(number).occupied.isClear(nights.start().toEpochDay(), nights.nights());
    }

    int available(String roomType, DateRange nights) {
        return type(roomType).free(nights.start().toEpochDay(), nights.nights());
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

    /** A new room: its type has one room more, less its out-of-order nights. */
    void addRoom(Room room) {
        write(() -> {
            TypeIndex type = type(room.roomType());
            RoomIndex index = new RoomIndex(room.number(), type);
            for (OutOfOrder period : room.outOfOrder()) {
                period.period().dates().forEach(night -> {
                    index.occupied.set(night.toEpochDay());
                    type.taken.add(night.toEpochDay(), 1);
                });
            }
            Map<String, RoomIndex> changed = new HashMap<>(rooms);
            changed.put(room.number(), index);
            rooms = Map.copyOf(changed);
            RoomIndex[] ofType = Arrays.copyOf(type.rooms, type.rooms.length + 1);
            ofType[ofType.length - 1] = index;
            Arrays.sort(ofType, Comparator.comparing(r -> r.number));
            type.rooms = ofType;
            type.roomCount++;
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

    PendingChange change(@Nullable Claim before, @Nullable Claim after) {
        List<Step> steps = new ArrayList<>();
        boolean sameBucket = before != null && after != null && before.sameBucket(after);
        if (after != null) {
            for (LocalDate night : newNights(after.nights(), sameBucket ? before.nights() : null)) {
                steps.add(after.block() == null ? new SellGeneral(type(after.roomType()), night)
                        : new SellFromBlock(block(after.block(), after.roomType()), night));
            }
        }
        if (before != null) {
            for (LocalDate night : newNights(before.nights(), sameBucket ? after.nights() : null)) {
                steps.add(Step.deferredGiveBack(before.block() == null ? new SellGeneral(type(before.roomType()), night)
                        : new SellFromBlock(block(before.block(), before.roomType()), night)));
            }
        }
        boolean sameRoom = before != null && after != null && before.room() != null && before.room().equals(after.room());
        if (after != null && after.room() != null) {
            RoomIndex room = roomOfType(after.room(), after.roomType());
            for (LocalDate night : newNights(after.nights(), sameRoom ? before.nights() : null)) {
                steps.add(new OccupyRoom(room, night));
            }
        }
        if (before != null && before.room() != null) {
            RoomIndex room = room(before.room());
            for (LocalDate night : newNights(before.nights(), sameRoom ? after.nights() : null)) {
                steps.add(Step.deferredGiveBack(new OccupyRoom(room, night)));
            }
        }
        return apply(steps);
    }

    PendingChange changeOutOfOrder(Room before, Room after) {
        RoomIndex room = room(after.number());
        List<Step> steps = new ArrayList<>();
        List<LocalDate> beforeNights = outOfOrderNights(before);
        List<LocalDate> afterNights = outOfOrderNights(after);
        for (LocalDate night : afterNights) {
            if (!beforeNights.contains(night)) {
                steps.add(new TakeOutOfOrder(room, night));
            }
        }
        for (LocalDate night : beforeNights) {
            if (!afterNights.contains(night)) {
                steps.add(Step.deferredGiveBack(new TakeOutOfOrder(room, night)));
            }
        }
        return apply(steps);
    }

    PendingChange changeBlock(@Nullable BlockHold before, @Nullable BlockHold after) {
        List<Step> steps = new ArrayList<>();
        if (before == null && after != null) {
            if (blocks.containsKey(after.code())) {
                throw new IllegalStateException("block " + after.code() + " is in the index already");
            }
            steps.add(new CreateBlock(after, type(after.roomType())));
        } else if (before != null && after != null && before.open() && !after.open()) {
            steps.add(Step.deferredGiveBack(new KeepBlockOpen(block(before.code(), before.roomType()))));
        } else if (before != null && after != null && before.equals(after)) {
            return PendingChange.NONE;
        } else {
            throw new IllegalArgumentException("a block can only be created, released or cancelled: " + before + " -> " + after);
        }
        return apply(steps);
    }

    private PendingChange apply(List<Step> steps) {
        if (steps.isEmpty()) {
            return PendingChange.NONE;
        }
        List<Step> takes = steps.stream().filter(Step::takes).toList();
        List<Step> giveBacks = steps.stream().filter(s -> !s.takes()).toList();
        long stamp = lock.writeLock();
        try {
            for (Step step : takes) {
                step.check();
                step.take();
            }
            version++;
        } catch (RuntimeException refused) {
            // undo the steps taken before the refusal; the failing one took nothing
            int done = 0;
            for (Step step : takes) {
                if (!step.isTaken()) {
                    break;
                }
                done++;
            }
            for (int i = done - 1; i >= 0; i--) {
                takes.get(i).giveBack();
            }
            throw refused;
        } finally {
            lock.unlockWrite(stamp);
        }
        return new PendingChange() {
            @Override
            public void commit() {
                write(() -> giveBacks.forEach(Step::run));
            }

            @Override
            public void rollback() {
                write(() -> takes.reversed().forEach(Step::giveBack));
            }
        };
    }

    private void write(Runnable change) {
        long stamp = lock.writeLock();
        try {
            change.run();
            version++;
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

    private BlockIndex block(String code, String roomType) {
        BlockIndex block = blocks.get(code);
        if (block == null) {
            throw new NotFoundException("block", code);
        }
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

        int capacity() {
            return roomCount + roomType.overbookingLimit();
        }

        /** How many more can be taken on every one of the nights. */
        int free(long fromDay, int nights) {
            return capacity() - taken.max(fromDay, nights);
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

    /**
     * One unit of an inventory change. {@link #take} takes what the step holds, after {@link #check} found
     * it free; {@link #giveBack} gives it back. A step made with {@link #deferredGiveBack(Step)} runs backwards:
     * it is a give-back deferred to commit.
     */
    private abstract static class Step {
        private boolean taken;

        boolean takes() {
            return true;
        }

        boolean isTaken() {
            return taken;
        }

        abstract void check();

        final void take() {
            doTake();
            taken = true;
        }

        abstract void doTake();

        abstract void giveBack();

        void run() {
            take();
        }

        static Step deferredGiveBack(Step step) {
            return new Step() {
                @Override
                boolean takes() {
                    return false;
                }

                @Override
                void check() {}

                @Override
                void doTake() {
                    step.giveBack();
                }

                @Override
                void giveBack() {
                    step.doTake();
                }
            };
        }
    }

    private final class SellGeneral extends Step {
        private final TypeIndex type;
        private final LocalDate night;

        SellGeneral(TypeIndex type, LocalDate night) {
            this.type = type;
            this.night = night;
        }

        @Override
        void check() {
            if (type.free(night.toEpochDay(), 1) < 1) {
                throw new NotAvailableException(Reason.SOLD_OUT, property.id(), type.roomType.code(), night,
                        "room type " + type.roomType.code() + " is sold out on " + night);
            }
        }

        @Override
        void doTake() {
            type.taken.add(night.toEpochDay(), 1);
        }

        @Override
        void giveBack() {
            type.taken.add(night.toEpochDay(), -1);
        }
    }

    private final class SellFromBlock extends Step {
        private final BlockIndex block;
        private final LocalDate night;

        SellFromBlock(BlockIndex block, LocalDate night) {
            this.block = block;
            this.night = night;
        }

        @Override
        void check() {
            String code = block.hold.code();
            if (!block.open) {
                throw new NotAvailableException(Reason.BLOCK_FULL, property.id(), block.hold.roomType(), night,
                        "block " + code + " is no longer open for pick-up");
            }
            if (!block.hold.nights().contains(night)) {
                throw new NotAvailableException(Reason.BLOCK_FULL, property.id(), block.hold.roomType(), night,
                        "block " + code + " holds no rooms on " + night + ", only for " + block.hold.nights());
            }
            if (block.picked.get(night.toEpochDay()) >= block.hold.rooms()) {
                throw new NotAvailableException(Reason.BLOCK_FULL, property.id(), block.hold.roomType(), night,
                        "block " + code + " has all its " + block.hold.rooms() + " rooms picked up on " + night);
            }
        }

        @Override
        void doTake() {
            block.picked.add(night.toEpochDay(), 1);
            if (!block.open) {
                block.type.taken.add(night.toEpochDay(), 1);
            }
        }

        @Override
        void giveBack() {
            block.picked.add(night.toEpochDay(), -1);
            if (!block.open) {
                block.type.taken.add(night.toEpochDay(), -1); // a released block gives the room to general inventory
            }
        }
    }

    private final class OccupyRoom extends Step {
        private final RoomIndex room;
        private final LocalDate night;

        OccupyRoom(RoomIndex room, LocalDate night) {
            this.room = room;
            this.night = night;
        }

        @Override
        void check() {
            if (room.occupied.get(night.toEpochDay())) {
                throw new NotAvailableException(Reason.ROOM_TAKEN, property.id(), room.type.roomType.code(), night,
                        "room " + room.number + " is taken on " + night);
            }
        }

        @Override
        void doTake() {
            room.occupied.set(night.toEpochDay());
        }

        @Override
        void giveBack() {
            room.occupied.clear(night.toEpochDay());
        }
    }

    private final class TakeOutOfOrder extends Step {
        private final RoomIndex room;
        private final LocalDate night;

        TakeOutOfOrder(RoomIndex room, LocalDate night) {
            this.room = room;
            this.night = night;
        }

        @Override
        void check() {
            String type = room.type.roomType.code();
            if (room.occupied.get(night.toEpochDay())) {
                throw new NotAvailableException(Reason.ROOM_TAKEN, property.id(), type, night,
                        "room " + room.number + " is booked or out of order on " + night);
            }
            if (room.type.free(night.toEpochDay(), 1) < 1) {
                throw new NotAvailableException(Reason.SOLD_OUT, property.id(), type, night,
                        "taking room " + room.number + " out of order would oversell room type " + type + " on " + night);
            }
        }

        @Override
        void doTake() {
            room.occupied.set(night.toEpochDay());
            room.type.taken.add(night.toEpochDay(), 1);
        }

        @Override
        void giveBack() {
            room.occupied.clear(night.toEpochDay());
            room.type.taken.add(night.toEpochDay(), -1);
        }
    }

    private final class CreateBlock extends Step {
        private final BlockHold hold;
        private final TypeIndex type;

        CreateBlock(BlockHold hold, TypeIndex type) {
            this.hold = hold;
            this.type = type;
        }

        @Override
        void check() {
            hold.nights().dates().forEach(night -> {
                int free = type.free(night.toEpochDay(), 1);
                if (free < hold.rooms()) {
                    throw new NotAvailableException(Reason.SOLD_OUT, property.id(), hold.roomType(), night,
                            "room type %s has %d rooms free on %s, not the %d block %s holds"
                                    .formatted(hold.roomType(), Math.max(free, 0), night, hold.rooms(), hold.code()));
                }
            });
        }

        @Override
        void doTake() {
            hold.nights().dates().forEach(night -> type.taken.add(night.toEpochDay(), hold.rooms()));
            Map<String, BlockIndex> changed = new HashMap<>(blocks);
            changed.put(hold.code(), new BlockIndex(hold, type));
            blocks = Map.copyOf(changed);
        }

        @Override
        void giveBack() {
            hold.nights().dates().forEach(night -> type.taken.add(night.toEpochDay(), -hold.rooms()));
            Map<String, BlockIndex> changed = new HashMap<>(blocks);
            changed.remove(hold.code());
            blocks = Map.copyOf(changed);
        }
    }

    /** Holding a block's unpicked rooms; giving it back releases them to general inventory. */
    private final class KeepBlockOpen extends Step {
        private final BlockIndex block;

        KeepBlockOpen(BlockIndex block) {
            this.block = block;
        }

        @Override
        void check() {}

        @Override
        void doTake() {
            block.hold.nights().dates().forEach(night -> block.type.taken.add(night.toEpochDay(),
                    block.hold.rooms() - block.picked.get(night.toEpochDay())));
            block.open = true;
        }

        @Override
        void giveBack() {
            block.hold.nights().dates().forEach(night -> block.type.taken.add(night.toEpochDay(),
                    -(block.hold.rooms() - block.picked.get(night.toEpochDay()))));
            block.open = false;
        }
    }
}
