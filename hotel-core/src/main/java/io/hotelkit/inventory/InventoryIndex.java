package io.hotelkit.inventory;

import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What inventory changes keep in step, and ask which rooms are free: the availability engine's index of
 * each property. The engine implements it; inventory depends on this port, not on the engine, so that
 * availability builds on inventory and not the other way round.
 */
public interface InventoryIndex {

    void addProperty(Property property);

    void addRoomType(RoomType roomType);

    /** A night's overbooking allowance, once stored; {@code null} gives the night its type's own again. */
    void setAllowance(PropertyId propertyId, String roomType, LocalDate night, @Nullable Integer allowance);

    void addRoom(Room room);

    /** The numbers of the rooms free every one of the nights, of one room type or all, in order. */
    List<String> freeRooms(PropertyId propertyId, DateRange nights, @Nullable String roomType);

    /**
     * Takes a room out of order for the nights {@code after} has and {@code before} has not, and puts it
     * back for the nights {@code before} has and {@code after} has not: what is taken is taken at once,
     * what is given back is given back when the current transaction of {@code transactions} commits.
     *
     * @throws io.hotelkit.shared.NotAvailableException if the room is booked then, or its type would be oversold
     */
    void changeOutOfOrder(Room before, Room after, UnitOfWork transactions);
}
