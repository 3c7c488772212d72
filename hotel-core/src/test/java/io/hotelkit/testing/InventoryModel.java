package io.hotelkit.testing;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The brute-force truth about a property's inventory, counted from what storage holds: every booking,
 * room and block, night by night, with none of the engine's cleverness. Tests compare the engine with it.
 */
public final class InventoryModel {

    private final List<RoomType> roomTypes;
    private final List<Room> rooms;
    private final List<Block> blocks;
    private final List<Booking> holding;

    private InventoryModel(List<RoomType> roomTypes, List<Room> rooms, List<Block> blocks, List<Booking> holding) {
        this.roomTypes = roomTypes;
        this.rooms = rooms;
        this.blocks = blocks;
        this.holding = holding;
    }

    /** The model of a property as storage holds it now, for the nights of {@code window}. */
    public static InventoryModel of(Hotel hotel, PropertyId propertyId, DateRange window) {
        var storage = hotel.storage();
        List<Booking> holding = storage.bookings().overlapping(propertyId, window, null).stream()
                .filter(booking -> booking.status().holdsInventory())
                .toList();
        return new InventoryModel(storage.roomTypes().list(propertyId), storage.rooms().list(propertyId),
                storage.blocks().list(propertyId), holding);
    }

    public int capacity(String roomType) {
        RoomType type = roomTypes.stream().filter(t -> t.code().equals(roomType)).findFirst().orElseThrow();
        return (int) rooms.stream().filter(room -> room.roomType().equals(roomType)).count() + type.overbookingLimit();
    }

    /** Sold without a block, held by blocks, and out of order, on one night. */
    public int taken(String roomType, LocalDate night) {
        int sold = (int) holding.stream()
                .filter(b -> b.block() == null && b.roomType().equals(roomType) && b.stay().includesNight(night))
                .count();
        int held = blocks.stream()
                .filter(block -> block.roomType().equals(roomType) && block.nights().contains(night))
                .mapToInt(block -> block.status().isOpen() ? block.rooms() : pickedUp(block.code(), night))
                .sum();
        int outOfOrder = (int) rooms.stream()
                .filter(room -> room.roomType().equals(roomType) && room.isOutOfOrderOn(night))
                .count();
        return sold + held + outOfOrder;
    }

    public int free(String roomType, LocalDate night) {
        return capacity(roomType) - taken(roomType, night);
    }

    public int pickedUp(String block, LocalDate night) {
        return (int) holding.stream().filter(b -> block.equals(b.block()) && b.stay().includesNight(night)).count();
    }

    /** How many hold a room on a night: bookings given the room, and an out-of-order period. */
    public int holders(String room, LocalDate night) {
        int booked = (int) holding.stream()
                .filter(b -> room.equals(b.roomNumber()) && b.stay().includesNight(night))
                .count();
        boolean outOfOrder = rooms.stream().anyMatch(r -> r.number().equals(room) && r.isOutOfOrderOn(night));
        return booked + (outOfOrder ? 1 : 0);
    }

    /** Every broken invariant, described; empty when the inventory is sound. */
    public List<String> violations(DateRange window) {
        List<String> violations = new ArrayList<>();
        window.dates().forEach(night -> {
            for (RoomType type : roomTypes) {
                if (taken(type.code(), night) > capacity(type.code())) {
                    violations.add("room type " + type.code() + " sold past its capacity " + capacity(type.code())
                            + " on " + night + ": " + taken(type.code(), night));
                }
            }
            for (Room room : rooms) {
                if (holders(room.number(), night) > 1) {
                    violations.add("room " + room.number() + " sold twice on " + night);
                }
            }
            for (Block block : blocks) {
                if (block.nights().contains(night) && pickedUp(block.code(), night) > block.rooms()) {
                    violations.add("block " + block.code() + " picked up past its rooms on " + night);
                }
            }
        });
        return violations;
    }

    public List<Booking> holding() {
        return holding;
    }

    public List<Room> rooms() {
        return rooms;
    }

    public List<Block> blocks() {
        return blocks;
    }
}
