package io.hotelkit.inventory;

import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Rounding;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Setting up properties, room types and rooms, and keeping rooms' housekeeping and out-of-order periods. */
public final class InventoryService {

    private final Properties properties;
    private final RoomTypes roomTypes;
    private final NightAllowances nightAllowances;
    private final Rooms rooms;
    private final UnitOfWork transactions;
    private final InventoryIndex engine;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;

    public InventoryService(Properties properties, RoomTypes roomTypes, NightAllowances nightAllowances, Rooms rooms, UnitOfWork transactions,
            InventoryIndex engine, Events events, IdGenerator ids, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.roomTypes = Objects.requireNonNull(roomTypes, "room types");
        this.nightAllowances = Objects.requireNonNull(nightAllowances, "night allowances");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Property createProperty(NewProperty request) {
        Objects.requireNonNull(request, "new property");
        Objects.requireNonNull(request.timezone(), "timezone");
        Objects.requireNonNull(request.currency(), "currency");
        LocalDate businessDate = request.businessDate() != null
                ? request.businessDate()
                : LocalDate.now(clock.withZone(request.timezone()));
        Property property = new Property(PropertyId.of(ids.next()), request.code(), request.name(), request.timezone(),
                request.currency(), request.checkInTime(), request.checkOutTime(),
                request.maxStayNights() == null ? Property.DEFAULT_MAX_STAY_NIGHTS : request.maxStayNights(),
                request.taxes() == null ? TaxPolicy.none(request.currency()) : request.taxes(), Rounding.HALF_UP,
                businessDate, request.language() == null ? Property.DEFAULT_LANGUAGE : request.language(), request.address(), request.vatId(), 0);
        return transactions.inTransaction(() -> {
            properties.findByCode(property.code()).ifPresent(existing -> {
                throw new DuplicateException("property", property.code(), existing.id().value());
            });
            Property saved = properties.save(property);
            events.record(saved.id(), saved.id().value(),
                    new InventoryEvent.PropertyCreated(saved.code(), saved.currency(), saved.businessDate()));
            transactions.afterCommit(() -> engine.addProperty(saved));
            return saved;
        });
    }

    public Property property(PropertyId id) {
        return properties.require(id);
    }

    public List<Property> properties(@Nullable PropertyId afterId, int limit) {
        return properties.list(afterId, limit);
    }

    /**
     * Adds a room type.
     *
     * @param baseOccupancy defaults to 2, or the type's max occupancy if that is less
     * @param overbookingLimit defaults to 0
     */
    public RoomType addRoomType(PropertyId propertyId, String code, String name, int maxAdults, int maxChildren,
            int maxOccupancy, @Nullable Integer baseOccupancy, @Nullable Integer overbookingLimit) {
        return addRoomType(propertyId, code, name, maxAdults, maxChildren, maxOccupancy, baseOccupancy, overbookingLimit, List.of());
    }

    /** Adds a room type whose children pay by age: see {@link RoomType#ageBands()}. */
    public RoomType addRoomType(PropertyId propertyId, String code, String name, int maxAdults, int maxChildren,
            int maxOccupancy, @Nullable Integer baseOccupancy, @Nullable Integer overbookingLimit, List<AgeBand> ageBands) {
        property(propertyId);
        RoomType roomType = new RoomType(propertyId, code, name, maxAdults, maxChildren, maxOccupancy,
                baseOccupancy != null ? baseOccupancy : Math.min(RoomType.DEFAULT_BASE_OCCUPANCY, maxOccupancy),
                overbookingLimit != null ? overbookingLimit : 0, 0, ageBands);
        return transactions.inTransaction(() -> {
            roomTypes.findBy(propertyId, code).ifPresent(existing -> {
                throw new DuplicateException("room type", code, null);
            });
            RoomType saved = roomTypes.save(roomType);
            events.record(propertyId, code,
                    new InventoryEvent.RoomTypeCreated(saved.name(), saved.maxOccupancy(), saved.overbookingLimit()));
            transactions.afterCommit(() -> engine.addRoomType(saved));
            return saved;
        });
    }

    public RoomType roomType(PropertyId propertyId, String code) {
        return roomTypes.findBy(propertyId, code).orElseThrow(() -> new NotFoundException("room type", code));
    }

    /**
     * Sets the overbooking allowance of a room type on each night of {@code nights}, for example to a
     * forecast's recommendation; {@code null} gives the nights the type's own limit again. Lowering it
     * below what is sold refuses no booking already made: it only stops new sales.
     */
    public List<NightAllowance> setOverbooking(PropertyId propertyId, String roomType, DateRange nights, @Nullable Integer allowance) {
        property(propertyId);
        RoomType type = roomType(propertyId, roomType);
        if (nights.nights() > MAX_ALLOWANCE_NIGHTS) {
            throw new IllegalArgumentException("overbooking is set for at most " + MAX_ALLOWANCE_NIGHTS + " nights at once, not " + nights.nights());
        }
        List<NightAllowance> set = nights.dates()
                .map(night -> new NightAllowance(propertyId, type.code(), night, allowance != null ? allowance : type.overbookingLimit()))
                .toList();
        return transactions.inTransaction(() -> {
            for (NightAllowance night : set) {
                if (allowance == null) {
                    nightAllowances.clear(propertyId, type.code(), night.night());
                } else {
                    nightAllowances.set(night);
                }
            }
            events.record(propertyId, type.code(),
                    new InventoryEvent.RoomTypeOverbookingSet(nights.start(), nights.end(), allowance));
            transactions.afterCommit(() -> set.forEach(night -> engine.setAllowance(propertyId, type.code(), night.night(), allowance)));
            return set;
        });
    }

    /** The most nights one {@link #setOverbooking} sets. */
    public static final int MAX_ALLOWANCE_NIGHTS = 731;

    /** Each room type's overbooking allowance on each night of {@code nights}: the night's own, else the type's. */
    public Map<String, Map<java.time.LocalDate, Integer>> overbooking(PropertyId propertyId, DateRange nights) {
        Map<String, Map<java.time.LocalDate, Integer>> out = new java.util.TreeMap<>();
        for (RoomType type : roomTypes(propertyId)) {
            Map<java.time.LocalDate, Integer> perNight = new java.util.TreeMap<>();
            nights.dates().forEach(night -> perNight.put(night, type.overbookingLimit()));
            out.put(type.code(), perNight);
        }
        for (NightAllowance a : nightAllowances.list(propertyId)) {
            Map<java.time.LocalDate, Integer> perNight = out.get(a.roomType());
            if (perNight != null && nights.contains(a.night())) {
                perNight.put(a.night(), a.allowance());
            }
        }
        return out;
    }

    public List<RoomType> roomTypes(PropertyId propertyId) {
        property(propertyId);
        return roomTypes.list(propertyId);
    }

    public Room addRoom(PropertyId propertyId, String number, String roomType, @Nullable String floor) {
        property(propertyId);
        if (roomTypes.findBy(propertyId, roomType).isEmpty()) {
            throw new InvalidRequestException("room_type", "property has no room type '" + roomType + "'");
        }
        Room room = new Room(propertyId, number, roomType, floor, HousekeepingStatus.CLEAN, List.of(), 0);
        return transactions.inTransaction(() -> {
            rooms.findBy(propertyId, number).ifPresent(existing -> {
                throw new DuplicateException("room", number, null);
            });
            Room saved = rooms.save(room);
            events.record(propertyId, number, new InventoryEvent.RoomCreated(roomType));
            transactions.afterCommit(() -> engine.addRoom(saved));
            return saved;
        });
    }

    public Room room(PropertyId propertyId, String number) {
        return rooms.findBy(propertyId, number).orElseThrow(() -> new NotFoundException("room", number));
    }

    public List<Room> rooms(PropertyId propertyId) {
        property(propertyId);
        return rooms.list(propertyId);
    }

    /** The rooms free every night of {@code nights}, of one room type or all, in number order. */
    public List<Room> freeRooms(PropertyId propertyId, DateRange nights, @Nullable String roomType) {
        property(propertyId);
        if (roomType != null) {
            roomType(propertyId, roomType);
        }
        Set<String> free = Set.copyOf(engine.freeRooms(propertyId, nights, roomType));
        return rooms.list(propertyId).stream().filter(room -> free.contains(room.number())).toList();
    }

    public Room setHousekeeping(PropertyId propertyId, String number, HousekeepingStatus status) {
        Objects.requireNonNull(status, "housekeeping status");
        return transactions.inTransaction(() -> {
            Room room = room(propertyId, number);
            if (room.housekeeping() == status) {
                return room;
            }
            Room saved = rooms.save(room.withHousekeeping(status));
            events.record(propertyId, number, new InventoryEvent.RoomHousekeepingChanged(room.housekeeping(), status));
            return saved;
        });
    }

    /**
     * Takes a room out of inventory for {@code period}.
     *
     * @throws io.hotelkit.shared.NotAvailableException if a booking holds the room then, or its type
     *     would be sold past its rooms
     */
    public Room takeOutOfOrder(PropertyId propertyId, String number, DateRange period, String reason) {
        Objects.requireNonNull(period, "out-of-order period");
        return transactions.inTransaction(() -> {
            Property property = property(propertyId);
            if (period.start().isBefore(property.businessDate())) {
                throw new InvalidRequestException("from", "an out-of-order period cannot start before the business date "
                        + property.businessDate());
            }
            Room room = room(propertyId, number);
            room.outOfOrder().stream().filter(existing -> existing.period().overlaps(period)).findFirst().ifPresent(existing -> {
                throw new NotAvailableException(NotAvailableException.Reason.ROOM_TAKEN, propertyId, room.roomType(),
                        existing.period().start(), "room " + number + " is out of order already for " + existing.period());
            });
            Room changed = room.withOutOfOrder(new OutOfOrder(period, reason));
            return saveOutOfOrder(room, changed, EventType.ROOM_OUT_OF_ORDER, period);
        });
    }

    /** Ends the out-of-order period that starts on {@code from}; nights already past keep their history. */
    public Room endOutOfOrder(PropertyId propertyId, String number, LocalDate from) {
        Objects.requireNonNull(from, "from");
        return transactions.inTransaction(() -> {
            Property property = property(propertyId);
            Room room = room(propertyId, number);
            Room changed = room.endOutOfOrder(from, property.businessDate());
            DateRange ended = room.outOfOrder().stream().filter(o -> o.period().start().equals(from)).findFirst()
                    .orElseThrow().period();
            return saveOutOfOrder(room, changed, EventType.ROOM_BACK_IN_ORDER, ended);
        });
    }

    private Room saveOutOfOrder(Room room, Room changed, EventType type, DateRange period) {
        engine.changeOutOfOrder(room, changed, transactions);
        Room saved = rooms.save(changed);
        events.record(room.propertyId(), room.number(), type == EventType.ROOM_BACK_IN_ORDER
                ? new InventoryEvent.RoomBackInOrder(period.start(), period.end())
                : new InventoryEvent.RoomOutOfOrder(period.start(), period.end()));
        return saved;
    }
}
