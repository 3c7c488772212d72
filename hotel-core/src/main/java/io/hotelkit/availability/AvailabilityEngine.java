package io.hotelkit.availability;

import io.hotelkit.inventory.InventoryIndex;
import io.hotelkit.inventory.NightAllowance;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.rates.RateIndex;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.shared.UnitOfWork;
import io.hotelkit.spi.BlockHold;
import io.hotelkit.spi.Claim;
import io.hotelkit.spi.PendingChange;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The availability engine: every property's inventory and rates in memory, to search offers in a few
 * word operations per room type and to decide every sale. Searches and sales use the same code, so an
 * offer shown is bookable at its price unless someone else took the room first.
 *
 * <p>The engine is a projection of the repositories, rebuilt from them on start and changed by the
 * services on every write. Sales are decided here and, where a database is the store, decided again by
 * its constraints inside the same transaction; so a stale engine (another server instance sold the room)
 * can only cause a refusal, never a night sold twice.
 *
 * <p>Thread-safe. Searches take no lock in the common case.
 */
public final class AvailabilityEngine implements EngineView, InventoryIndex, RateIndex {

    private final Map<PropertyId, PropertyIndex> properties = new ConcurrentHashMap<>();
    /** Where every index's versions come from, so that no two indexes of a property share one. */
    private final AtomicLong versions = new AtomicLong();

    @Override
    public Availability search(AvailabilityQuery query) {
        Objects.requireNonNull(query, "query");
        PropertyIndex index = index(query.propertyId());
        return index.read(() -> index.search(query));
    }

    /**
     * The offer of one room type in one rate plan for the stay: its prices, whatever the inventory.
     *
     * @throws NotAvailableException if the type does not take the occupancy or the plan's restrictions
     *     refuse the stay
     */
    @Override
    public Offer quote(PropertyId propertyId, String roomType, String ratePlan, Stay stay, Occupancy occupancy) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.quote(roomType, ratePlan, stay, occupancy, true));
    }

    /**
     * The prices of the nights of {@code nights} for a guest already in the house who stays longer:
     * closed nights and nights without a price refuse it, arrival and length restrictions do not apply.
     */
    @Override
    public Offer quoteExtension(PropertyId propertyId, String roomType, String ratePlan, Stay nights, Occupancy occupancy) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.quote(roomType, ratePlan, nights, occupancy, false));
    }

    @Override
    public TaxPolicy.Split split(PropertyId propertyId, Offer offer, Occupancy occupancy) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.split(offer, occupancy));
    }

    @Override
    public List<RatePackage> packages(PropertyId propertyId, String ratePlan) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.rates().packages(ratePlan));
    }

    /** How many more bookings of the room type every one of the nights would take now. */
    @Override
    public int available(PropertyId propertyId, String roomType, DateRange nights) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.available(roomType, nights));
    }

    /**
     * How many more bookings of each room type every one of the nights would take now, in room type code
     * order: one read of the index for all types, for availability calendars and channel updates.
     */
    @Override
    public List<TypeAvailability> available(PropertyId propertyId, DateRange nights) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.available(nights));
    }

    /** The numbers of the rooms free every one of the nights, of one room type or all, in order. */
    @Override
    public List<String> freeRooms(PropertyId propertyId, DateRange nights, @Nullable String roomType) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.freeRooms(nights, roomType));
    }

    @Override
    public boolean isRoomFree(PropertyId propertyId, String room, DateRange nights) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.isRoomFree(room, nights));
    }

    /** How many of a block's rooms bookings have picked up on a night. */
    @Override
    public int pickedUp(PropertyId propertyId, String block, LocalDate night) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.pickedUp(block, night));
    }

    /** The stored grid of a rate plan as the engine prices it (a derived plan's adjusted). */
    @Override
    public List<DailyRate> rates(PropertyId propertyId, String ratePlan, String roomType, DateRange nights) {
        PropertyIndex index = index(propertyId);
        return index.read(() -> index.rates().rows(ratePlan, roomType, nights));
    }

    /**
     * A number that changes whenever anything a search answers from changes, so that cached offers can
     * be keyed by it and need no invalidation.
     */
    @Override
    public long version(PropertyId propertyId) {
        return index(propertyId).version();
    }

    /** The bytes the room bitsets of a property take. */
    @Override
    public long memoryBytes(PropertyId propertyId) {
        return index(propertyId).memoryBytes();
    }

    // ---- sales: taken now, given back when the transaction commits -----------------------------------

    /**
     * Changes what a booking holds from {@code before} to {@code after} (either may be null: a new
     * booking, a cancelled one). What is newly taken is taken at once or the whole change is refused.
     *
     * @throws NotAvailableException if a newly taken night is sold out or the room is taken
     */
    public PendingChange change(@Nullable Claim before, @Nullable Claim after) {
        return change(before == null ? List.of() : List.of(before), after == null ? List.of() : List.of(after));
    }

    /**
     * Changes several bookings' claims at once, all of one property: their net effect is what is checked,
     * so bookings can swap rooms within one transaction.
     *
     * @throws NotAvailableException if a newly taken night is sold out or a room is taken
     */
    public PendingChange change(List<Claim> befores, List<Claim> afters) {
        List<Claim> all = new java.util.ArrayList<>(befores);
        all.addAll(afters);
        if (all.isEmpty()) {
            return PendingChange.NONE;
        }
        PropertyId propertyId = all.getFirst().propertyId();
        if (all.stream().anyMatch(claim -> !claim.propertyId().equals(propertyId))) {
            throw new IllegalArgumentException("claims of one change must all be of one property");
        }
        return index(propertyId).change(befores, afters);
    }

    /**
     * Takes a room out of order for the nights {@code after} has and {@code before} has not, and puts it
     * back for the nights {@code before} has and {@code after} has not.
     *
     * @throws NotAvailableException if the room is booked then, or its type would be oversold
     */
    public PendingChange changeOutOfOrder(Room before, Room after) {
        return index(after.propertyId()).changeOutOfOrder(before, after);
    }

    @Override
    public void changeOutOfOrder(Room before, Room after, UnitOfWork transactions) {
        changeOutOfOrder(before, after).settleWith(transactions);
    }

    /**
     * Creates a block's hold ({@code before} null), or releases it ({@code open} from true to false).
     *
     * @throws NotAvailableException if its room type has not that many rooms free each night
     */
    public PendingChange changeBlock(@Nullable BlockHold before, @Nullable BlockHold after) {
        BlockHold any = after != null ? after : Objects.requireNonNull(before, "block hold");
        return index(any.propertyId()).changeBlock(before, after);
    }

    // ---- configuration: call once the change has committed -------------------------------------------

    /**
     * Where a property's index is, for a reload: take a mark before reading the store, and pass it to
     * {@link #load} after, which then replaces the index only if nothing changed it in between. A property
     * with changes in flight has no mark ({@link IndexMark#BUSY}): an index read from the store now could miss
     * them.
     */
    public IndexMark mark(PropertyId propertyId) {
        PropertyIndex index = properties.get(propertyId);
        if (index == null) {
            return IndexMark.ABSENT;
        }
        return index.busy() ? IndexMark.BUSY : IndexMark.at(index.version());
    }

    /**
     * Builds a property's index from what the store holds, replacing the one it had if that one is still
     * at {@code mark}; whether it replaced it. The data is trusted: claims are counted without being
     * checked, as the store accepted them.
     *
     * @param grids each base rate plan's stored nights, by plan code
     * @param claims what every booking that holds inventory holds
     */
    public boolean load(IndexMark mark, Property property, List<RoomType> roomTypes, List<Room> rooms, List<RatePlan> ratePlans,
            Map<String, List<DailyRate>> grids, List<BlockHold> blocks, List<Claim> claims) {
        return load(mark, property, roomTypes, rooms, ratePlans, grids, blocks, claims, List.of());
    }

    /**
     * {@link #load(IndexMark, Property, List, List, List, Map, List, List)} with the nights whose overbooking
     * allowance is not their room type's.
     */
    public boolean load(IndexMark mark, Property property, List<RoomType> roomTypes, List<Room> rooms, List<RatePlan> ratePlans,
            Map<String, List<DailyRate>> grids, List<BlockHold> blocks, List<Claim> claims, List<NightAllowance> allowances) {
        PropertyIndex index = new PropertyIndex(property, versions);
        roomTypes.forEach(index::addRoomType);
        index.addRooms(rooms);
        allowances.forEach(a -> index.setAllowance(a.roomType(), a.night(), a.allowance()));
        ratePlans.stream().filter(plan -> !plan.isDerived()).forEach(plan -> index.rates().define(plan));
        ratePlans.stream().filter(RatePlan::isDerived).forEach(plan -> index.rates().define(plan));
        grids.forEach((plan, rates) -> index.rates().put(plan, rates));
        for (BlockHold block : blocks) {
            index.restoreBlock(block);
        }
        index.restore(claims);
        for (BlockHold block : blocks) {
            if (!block.open()) {
                index.changeBlock(new BlockHold(block.propertyId(), block.code(), block.roomType(), block.nights(),
                        block.rooms(), true), block).commit();
            }
        }
        PropertyIndex[] replaced = {null};
        properties.compute(property.id(), (id, old) -> {
            boolean unchanged = switch (mark) {
                case IndexMark.Force force -> true;
                case IndexMark.Absent absent -> old == null;
                case IndexMark.At at -> old != null && !old.busy() && old.version() == at.version();
                case IndexMark.Busy busy -> false;
            };
            replaced[0] = unchanged ? index : null;
            return unchanged ? index : old;
        });
        return replaced[0] != null;
    }

    @Override
    public void addProperty(Property property) {
        properties.putIfAbsent(property.id(), new PropertyIndex(property, versions));
    }

    public void updateProperty(Property property) {
        index(property.id()).update(property);
    }

    @Override
    public void addRoomType(RoomType roomType) {
        index(roomType.propertyId()).addRoomType(roomType);
    }

    /**
     * Per night of {@code nights}, how many bookings past their rooms the property's room types may take,
     * summed: each type's own allowance for the night where one is set, else its limit. Read from memory.
     */
    @Override
    public int[] overbooking(PropertyId propertyId, DateRange nights) {
        return index(propertyId).overbooking(nights);
    }

    /** A night's overbooking allowance, once stored; {@code null} gives the night its type's own again. */
    @Override
    public void setAllowance(PropertyId propertyId, String roomType, LocalDate night, @Nullable Integer allowance) {
        index(propertyId).setAllowance(roomType, night, allowance);
    }

    @Override
    public void addRoom(Room room) {
        index(room.propertyId()).addRoom(room);
    }

    @Override
    public void defineRatePlan(RatePlan ratePlan) {
        PropertyIndex index = index(ratePlan.propertyId());
        index.changeRates(() -> index.rates().define(ratePlan));
    }

    @Override
    public void putRates(PropertyId propertyId, String ratePlan, List<DailyRate> rates) {
        PropertyIndex index = index(propertyId);
        index.changeRates(() -> index.rates().put(ratePlan, rates));
    }

    /** Forgets a property, so that it can be loaded again. */
    public void remove(PropertyId propertyId) {
        properties.remove(propertyId);
    }

    @Override
    public boolean has(PropertyId propertyId) {
        return properties.containsKey(propertyId);
    }

    private PropertyIndex index(PropertyId propertyId) {
        PropertyIndex index = properties.get(Objects.requireNonNull(propertyId, "property id"));
        if (index == null) {
            throw new NotFoundException("property", propertyId);
        }
        return index;
    }

    /** This engine's questions only, not castable back to the engine: what a hotel hands out. */
    public EngineView readOnly() {
        return readOnly;
    }

    private final EngineView readOnly = new ReadOnly(this);

    private record ReadOnly(EngineView engine) implements EngineView {

        @Override
        public Availability search(AvailabilityQuery query) {
            return engine.search(query);
        }

        @Override
        public Offer quote(PropertyId propertyId, String roomType, String ratePlan, Stay stay, Occupancy occupancy) {
            return engine.quote(propertyId, roomType, ratePlan, stay, occupancy);
        }

        @Override
        public Offer quoteExtension(PropertyId propertyId, String roomType, String ratePlan, Stay nights, Occupancy occupancy) {
            return engine.quoteExtension(propertyId, roomType, ratePlan, nights, occupancy);
        }

        @Override
        public TaxPolicy.Split split(PropertyId propertyId, Offer offer, Occupancy occupancy) {
            return engine.split(propertyId, offer, occupancy);
        }

        @Override
        public List<RatePackage> packages(PropertyId propertyId, String ratePlan) {
            return engine.packages(propertyId, ratePlan);
        }

        @Override
        public int available(PropertyId propertyId, String roomType, DateRange nights) {
            return engine.available(propertyId, roomType, nights);
        }

        @Override
        public List<TypeAvailability> available(PropertyId propertyId, DateRange nights) {
            return engine.available(propertyId, nights);
        }

        @Override
        public List<String> freeRooms(PropertyId propertyId, DateRange nights, @Nullable String roomType) {
            return engine.freeRooms(propertyId, nights, roomType);
        }

        @Override
        public boolean isRoomFree(PropertyId propertyId, String room, DateRange nights) {
            return engine.isRoomFree(propertyId, room, nights);
        }

        @Override
        public int pickedUp(PropertyId propertyId, String block, LocalDate night) {
            return engine.pickedUp(propertyId, block, night);
        }

        @Override
        public List<DailyRate> rates(PropertyId propertyId, String ratePlan, String roomType, DateRange nights) {
            return engine.rates(propertyId, ratePlan, roomType, nights);
        }

        @Override
        public long version(PropertyId propertyId) {
            return engine.version(propertyId);
        }

        @Override
        public long memoryBytes(PropertyId propertyId) {
            return engine.memoryBytes(propertyId);
        }

        @Override
        public int[] overbooking(PropertyId propertyId, DateRange nights) {
            return engine.overbooking(propertyId, nights);
        }

        @Override
        public boolean has(PropertyId propertyId) {
            return engine.has(propertyId);
        }

        @Override
        public String toString() {
            return "EngineView";
        }
    }
}
