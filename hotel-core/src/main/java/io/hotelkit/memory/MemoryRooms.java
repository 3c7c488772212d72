package io.hotelkit.memory;

import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

final class MemoryRooms implements Rooms {

    private final CodedRows<Room> rows;

    MemoryRooms(MemoryTransactions transactions) {
        this.rows = new CodedRows<>(transactions, "room");
    }

    @Override
    public Optional<Room> findBy(PropertyId propertyId, String number) {
        return rows.findBy(propertyId, number);
    }

    @Override
    public List<Room> list(PropertyId propertyId) {
        return rows.list(propertyId);
    }

    @Override
    public Room save(Room room) {
        return rows.save(room.propertyId(), room.number(), room);
    }
}
