package io.hotelkit.availability;

import io.hotelkit.inventory.OutOfOrder;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.shared.DateRange;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One property's inventory and rates, for search and for deciding sales. Per room type and night it
 * keeps how much is taken (sold to bookings without a block, held by blocks, out of order); per room a
 * bitset of occupied nights; per block the rooms picked up each night.
 *
 * <p>Its seams are classes of their own: the lock and versions ({@link IndexLock}: optimistic reads,
 * maps replaced rather than changed), the offers ({@link Offers}), the units a sale counts and their
 * refusals ({@link Unit}, deciding by {@link io.hotelkit.spi.SaleRules}), and the block holds
 * ({@link BlockHolds}). What is left here is the room types and rooms, and changes of claims turned into units.
 */
final class PropertyIndex {

    private final IndexLock lock;
    private volatile Property property;
    private final RateGrid rates;
    private volatile Map<String, TypeIndex> types = Map.of();
    private volatile List<TypeIndex> typesInOrder = List.of();
    private volatile Map<String, RoomIndex> rooms = Map.of();
    private final BlockHolds blocks;

    PropertyIndex(Property property, AtomicLong versions) {
        this.property = property;
        this.rates = new RateGrid(property.currency(), property.rounding());
        this.lock = new IndexLock(versions);
        this.blocks = new BlockHolds(lock, this::type);
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
        return lock.version();
    }

    /** Whether a change is taken and not yet settled: an index loaded from storage now could miss it. */
    boolean busy() {
        return lock.busy();
    }

    // ---- reads -------------------------------------------------------------------------------------

    <T> T read(Supplier<T> reader) {
        return lock.read(reader);
    }

    Availability search(AvailabilityQuery query) {
        return Offers.search(property, rates, query,
                () -> query.roomType() == null ? typesInOrder : List.of(type(query.roomType())));
    }

    Offer quote(String roomType, String ratePlan, Stay stay, Occupancy occupancy, boolean arrival) {
        return Offers.quote(property, rates, type(roomType), ratePlan, stay, occupancy, arrival);
    }

    io.hotelkit.inventory.TaxPolicy.Split split(Offer offer, Occupancy occupancy) {
        return Offers.split(property, rates, offer, occupancy);
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
        return blocks.pickedUp(block, night);
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
            changed.put(roomType.code(), new TypeIndex(roomType, rates.slot(roomType.code())));
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
            return lock.pending(() -> units.forEach(unit -> unit.add(-1)), () -> {});
        }
        for (Claim claim : afters) {
            if (claim.room() != null) {
                roomOfType(claim.room(), claim.roomType());
            }
            if (claim.block() != null) {
                blocks.block(claim.block(), claim.roomType());
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
        blocks.restore(hold);
    }

    /** Creates a block's hold, or closes it so that its unpicked rooms go back to general inventory. */
    PendingChange changeBlock(@Nullable BlockHold before, @Nullable BlockHold after) {
        return blocks.change(before, after);
    }

    /** Takes one of each unit, all or none; {@code units} are distinct and in night order, as one claim's are. */
    private PendingChange takeNew(List<Unit> units) {
        return lock.take(() -> {
            units.forEach(unit -> unit.check(1));
            units.forEach(unit -> unit.add(1));
        }, () -> {}, () -> units.forEach(unit -> unit.add(-1)));
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
        return lock.take(() -> {
            Unit.check(takes);
            Unit.add(takes);
        }, () -> Unit.add(giveBacks), () -> Unit.undo(takes));
    }

    /** The delta's nights as the index's own units. */
    private Map<Unit, Integer> units(InventoryDelta delta) {
        Map<Unit, Integer> units = new HashMap<>();
        delta.typeNights().forEach((key, count) -> units.put(new Unit.TypeNight(type(key.roomType()), key.night()), count));
        delta.blockNights().forEach((key, count) -> units.put(new Unit.BlockNight(blocks.block(key.block()), key.night()), count));
        delta.roomNights().forEach((key, count) -> units.put(new Unit.RoomNight(room(key.room()), key.night()), count));
        return units;
    }

    /** A claim's nights as the index's own units, each once. */
    private List<Unit> units(Claim claim) {
        List<Unit> units = new ArrayList<>(claim.nights().nights() * 2);
        TypeIndex type = type(claim.roomType());
        BlockIndex block = claim.block() == null ? null : blocks.block(claim.block(), claim.roomType());
        RoomIndex room = claim.room() == null ? null : roomOfType(claim.room(), claim.roomType());
        for (LocalDate night = claim.nights().start(); night.isBefore(claim.nights().end()); night = night.plusDays(1)) {
            units.add(block == null ? new Unit.TypeNight(type, night) : new Unit.BlockNight(block, night));
            if (room != null) {
                units.add(new Unit.RoomNight(room, night));
            }
        }
        return units;
    }

    private void write(Runnable change) {
        lock.write(change);
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
}
