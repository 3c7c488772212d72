package io.hotelkit.jpa;

import io.hotelkit.inventory.NightAllowance;
import io.hotelkit.inventory.NightAllowances;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Nights whose overbooking allowance is set apart, in column {@code type_nights.overbooking}
 * ({@code V7__overbooking_per_night.sql}): the row whose guard decides a sale of the night, so that the
 * guard reads the night's allowance where it reads what is taken. A property's are read in one query.
 */
final class JpaNightAllowances implements NightAllowances {

    private static final String SET_POSTGRESQL = """
            insert into type_nights as t (property_id, room_type, night, taken, overbooking) values (?, ?, ?, 0, ?)
            on conflict (property_id, room_type, night) do update set overbooking = excluded.overbooking""";
    private static final String SET_H2 = """
            merge into type_nights t using (select cast(? as varchar(64)) property_id, cast(? as varchar(32)) room_type,
                cast(? as date) night, cast(? as integer) overbooking) s
            on t.property_id = s.property_id and t.room_type = s.room_type and t.night = s.night
            when matched then update set overbooking = s.overbooking
            when not matched then insert (property_id, room_type, night, taken, overbooking)
                values (s.property_id, s.room_type, s.night, 0, s.overbooking)""";

    private final JpaUnitOfWork transactions;

    JpaNightAllowances(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<NightAllowance> list(PropertyId propertyId) {
        return transactions.jdbc(connection -> {
            List<NightAllowance> out = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select room_type, night, overbooking from type_nights
                    where property_id = ? and overbooking is not null order by room_type, night""")) {
                select.setString(1, propertyId.value());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        out.add(new NightAllowance(propertyId, row.getString(1), row.getObject(2, LocalDate.class), row.getInt(3)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void set(NightAllowance allowance) {
        transactions.jdbc(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    transactions.vendor() == Vendor.POSTGRESQL ? SET_POSTGRESQL : SET_H2)) {
                upsert.setString(1, allowance.propertyId().value());
                upsert.setString(2, allowance.roomType());
                upsert.setObject(3, allowance.night());
                upsert.setInt(4, allowance.allowance());
                if (upsert.executeUpdate() != 1) {
                    throw new NotFoundException("room type", allowance.roomType());
                }
            }
            return null;
        });
    }

    @Override
    public void clear(PropertyId propertyId, String roomType, LocalDate night) {
        transactions.jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update type_nights set overbooking = null where property_id = ? and room_type = ? and night = ?")) {
                update.setString(1, propertyId.value());
                update.setString(2, roomType);
                update.setObject(3, night);
                update.executeUpdate();
            }
            return null;
        });
    }
}
