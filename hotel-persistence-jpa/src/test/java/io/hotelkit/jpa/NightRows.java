package io.hotelkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.jpa.testing.TestDatabase;
import io.hotelkit.reservations.Block;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.testing.InventoryModel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A property's inventory night rows as the database holds them, read with plain JDBC, and checked against
 * the brute-force count of what the bookings, rooms and blocks in storage take ({@link InventoryModel}).
 */
record NightRows(Map<String, Integer> typeNights, Map<String, Integer> blockNights, Map<String, Integer> roomNights) {

    static NightRows read(TestDatabase database, PropertyId propertyId) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            return new NightRows(
                    counts(connection, "select room_type, night, taken from type_nights where property_id = ?", propertyId),
                    counts(connection, "select block_code, night, picked from block_nights where property_id = ?", propertyId),
                    counts(connection, "select room_number, night, 1 from room_nights where property_id = ?", propertyId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that the rows are what the stored bookings, rooms and blocks take, night by night, and that none is oversold. */
    static void assertInStep(TestDatabase database, Hotel hotel, PropertyId propertyId, DateRange window) {
        InventoryModel model = InventoryModel.of(hotel, propertyId, window);
        assertThat(model.violations(window)).isEmpty();
        NightRows rows = read(database, propertyId);
        Map<String, Integer> types = new HashMap<>();
        Map<String, Integer> blocks = new HashMap<>();
        Map<String, Integer> rooms = new HashMap<>();
        window.dates().forEach(night -> {
            for (RoomType type : hotel.storage().roomTypes().list(propertyId)) {
                put(types, type.code(), night, model.taken(type.code(), night));
            }
            for (Block block : model.blocks()) {
                put(blocks, block.code(), night, model.pickedUp(block.code(), night));
            }
            for (Room room : model.rooms()) {
                put(rooms, room.number(), night, model.holders(room.number(), night));
            }
        });
        assertThat(rows.typeNights()).as("type_nights").isEqualTo(types);
        assertThat(rows.blockNights()).as("block_nights").isEqualTo(blocks);
        assertThat(rows.roomNights()).as("room_nights").isEqualTo(rooms);
    }

    private static void put(Map<String, Integer> counts, String code, LocalDate night, int count) {
        if (count != 0) {
            counts.put(code + "@" + night, count);
        }
    }

    private static Map<String, Integer> counts(Connection connection, String sql, PropertyId propertyId) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, propertyId.value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (row.getInt(3) != 0) {
                        counts.put(row.getString(1) + "@" + row.getObject(2, LocalDate.class), row.getInt(3));
                    }
                }
            }
        }
        return counts;
    }
}
