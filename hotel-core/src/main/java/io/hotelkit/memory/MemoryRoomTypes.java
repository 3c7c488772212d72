package io.hotelkit.memory;

import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

final class MemoryRoomTypes implements RoomTypes {

    private final CodedRows<RoomType> rows;

    MemoryRoomTypes(MemoryTransactions transactions) {
        this.rows = new CodedRows<>(transactions, "room type");
    }

    @Override
    public Optional<RoomType> findBy(PropertyId propertyId, String code) {
        return rows.findBy(propertyId, code);
    }

    @Override
    public List<RoomType> list(PropertyId propertyId) {
        return rows.list(propertyId);
    }

    @Override
    public RoomType save(RoomType roomType) {
        return rows.save(roomType.propertyId(), roomType.code(), roomType);
    }
}
