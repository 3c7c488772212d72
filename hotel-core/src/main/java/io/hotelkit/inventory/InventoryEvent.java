package io.hotelkit.inventory;

import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.EventType;
import java.time.LocalDate;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** What happens to a property's set-up: the property, its room types and its rooms. */
public sealed interface InventoryEvent extends EventPayload {

    /** A property was created, with its currency and first business date. */
    record PropertyCreated(String code, Currency currency, LocalDate businessDate) implements InventoryEvent {
        public EventType type() {
            return EventType.PROPERTY_CREATED;
        }
    }

    record RoomTypeCreated(String name, int maxOccupancy, int overbookingLimit) implements InventoryEvent {
        public EventType type() {
            return EventType.ROOM_TYPE_CREATED;
        }
    }

    /**
     * A room type's overbooking allowance was set on the nights {@code from} (inclusive) to {@code to}
     * (exclusive); {@code null} gives those nights back to the room type's own limit.
     */
    record RoomTypeOverbookingSet(LocalDate from, LocalDate to, @Nullable Integer overbooking) implements InventoryEvent {
        public EventType type() {
            return EventType.ROOM_TYPE_OVERBOOKING_SET;
        }
    }

    record RoomCreated(String roomType) implements InventoryEvent {
        public EventType type() {
            return EventType.ROOM_CREATED;
        }
    }

    record RoomHousekeepingChanged(HousekeepingStatus from, HousekeepingStatus to) implements InventoryEvent {
        public EventType type() {
            return EventType.ROOM_HOUSEKEEPING_CHANGED;
        }
    }

    /** A room is out of order from {@code from} (inclusive) to {@code to} (exclusive). */
    record RoomOutOfOrder(LocalDate from, LocalDate to) implements InventoryEvent {
        public EventType type() {
            return EventType.ROOM_OUT_OF_ORDER;
        }
    }

    /** A room's period out of order, {@code from} to {@code to}, ended. */
    record RoomBackInOrder(LocalDate from, LocalDate to) implements InventoryEvent {
        public EventType type() {
            return EventType.ROOM_BACK_IN_ORDER;
        }
    }
}
