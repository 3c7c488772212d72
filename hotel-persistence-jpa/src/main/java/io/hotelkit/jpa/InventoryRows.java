package io.hotelkit.jpa;

import io.hotelkit.spi.InventoryDelta;
import io.hotelkit.spi.InventoryDelta.BlockNight;
import io.hotelkit.spi.InventoryDelta.RoomNight;
import io.hotelkit.spi.InventoryDelta.TypeNight;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.reservations.BlockStatus;
import io.hotelkit.spi.BlockHold;
import io.hotelkit.spi.SaleRules;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The inventory's night rows ({@code V5__inventory_nights.sql}), through which the database itself
 * refuses a second sale: repositories hand every change of bookings, blocks and rooms here as the
 * {@link InventoryDelta} the availability engine applies in memory, and it is applied as
 * <ul>
 *   <li>{@code block_nights}: a pick-up is {@code picked + d <= rooms} while the block is open; a closed
 *       block takes none, and what its bookings give back also goes back to its room type;
 *   <li>{@code type_nights}: a positive change is {@code taken + d <= capacity}, with the row made on
 *       first use; a give-back is not guarded. A night whose overbooking allowance is set apart
 *       ({@code overbooking}, V7) has that allowance in place of the type's limit in its capacity;
 *   <li>{@code room_nights}: a held night is a row, and the primary key refuses a second holder.
 * </ul>
 * A guard that fails changes no row: the statement reports 0 rows, and the change is refused with a
 * {@link NotAvailableException} naming the night. So no statement fails, and a PostgreSQL transaction is
 * never aborted by a refusal. A change is applied whole or not at all: a refused change undoes the rows it
 * had already changed, with the opposite unguarded statements (it holds their locks, so nobody else
 * changed them since), so that a caller may go on with its transaction. That costs statements only when a
 * change is refused; a savepoint around every change cost two round trips on every booking. Rows are
 * touched in one order (blocks, then room types, then rooms, each by code and night), so that concurrent
 * changes lock them in the same order and do not deadlock.
 *
 * <p>Under PostgreSQL's default isolation a guarded update that finds its row locked waits for the other
 * transaction and then checks its guard against the row as that transaction left it; so the guard holds
 * however many transactions, from however many processes, sell the same night at once.
 */
final class InventoryRows {

    // A type night taken on H2, one statement a night, with the guards TAKE_TYPE_NIGHTS_POSTGRESQL applies row by
    // row. Its parameters are in the order of the one-night upsert PostgreSQL ran before it took a run of nights in
    // one statement (d_for_postgresql is unread).
    private static final String TYPE_NIGHT_H2 = """
            merge into type_nights t using (select cast(? as varchar(64)) property_id, cast(? as varchar(32)) room_type,
                cast(? as date) night, cast(? as integer) d, cast(? as integer) d_for_postgresql, r.capacity, r.overbooking_limit
                from room_types r where r.property_id = ? and r.code = ?) s
            on t.property_id = s.property_id and t.room_type = s.room_type and t.night = s.night
            when matched and t.taken + s.d <= s.capacity - s.overbooking_limit + coalesce(t.overbooking, s.overbooking_limit)
                then update set taken = t.taken + s.d
            when not matched and s.d <= s.capacity then
                insert (property_id, room_type, night, taken) values (s.property_id, s.room_type, s.night, s.d)""";
    private static final String BLOCK_NIGHT_POSTGRESQL = """
            insert into block_nights as b (property_id, block_code, night, picked)
            select ?, ?, cast(? as date), cast(? as integer) where cast(? as integer) <= cast(? as integer)
            on conflict (property_id, block_code, night) do update set picked = b.picked + excluded.picked
            where b.picked + excluded.picked <= cast(? as integer)""";
    private static final String BLOCK_NIGHT_H2 = """
            merge into block_nights b using (select cast(? as varchar(64)) property_id, cast(? as varchar(32)) block_code,
                cast(? as date) night, cast(? as integer) d, cast(? as integer) d_for_postgresql, cast(? as integer) rooms,
                cast(? as integer) rooms_for_postgresql) s
            on b.property_id = s.property_id and b.block_code = s.block_code and b.night = s.night
            when matched and b.picked + s.d <= s.rooms then update set picked = b.picked + s.d
            when not matched and s.d <= s.rooms then
                insert (property_id, block_code, night, picked) values (s.property_id, s.block_code, s.night, s.d)""";
    // On PostgreSQL a run of a change's type nights is one statement of arrays (one execution, one plan, one
    // round trip) rather than a batch of one statement per night: the guards are TYPE_NIGHT_H2's, row by row,
    // and the rows are proposed (so locked) in the order given; each answers the rows it changed.
    private static final String TAKE_TYPE_NIGHTS_POSTGRESQL = """
            insert into type_nights as t (property_id, room_type, night, taken)
            select r.property_id, n.room_type, n.night, n.d
            from unnest(cast(? as varchar[]), cast(? as date[]), cast(? as integer[])) with ordinality as n(room_type, night, d, i)
            join room_types r on r.property_id = ? and r.code = n.room_type
            where n.d <= r.capacity
            order by n.i
            on conflict (property_id, room_type, night) do update set taken = t.taken + excluded.taken
            where t.taken + excluded.taken <= (select capacity - overbooking_limit + coalesce(t.overbooking, overbooking_limit)
                from room_types where property_id = ? and code = excluded.room_type)
            returning t.room_type, t.night""";
    // The rows are locked in the order given (by the sub-select, before they are changed), as takes lock them.
    private static final String GIVE_BACK_TYPE_NIGHTS_POSTGRESQL = """
            update type_nights t set taken = t.taken + l.d
            from (select g.room_type, g.night, n.d from type_nights g
                join unnest(cast(? as varchar[]), cast(? as date[]), cast(? as integer[])) with ordinality as n(room_type, night, d, i)
                on g.property_id = ? and g.room_type = n.room_type and g.night = n.night
                order by n.i for update of g) l
            where t.property_id = ? and t.room_type = l.room_type and t.night = l.night
            returning t.room_type, t.night""";
    // Give-backs are plain updates: a proposed row of an upsert must pass the checks (taken >= 0) before any conflict.
    private static final String GIVE_BACK_TYPE_NIGHT =
            "update type_nights set taken = taken + ? where property_id = ? and room_type = ? and night = ?";
    private static final String GIVE_BACK_BLOCK_NIGHT =
            "update block_nights set picked = picked + ? where property_id = ? and block_code = ? and night = ?";
    private static final String HOLD_ROOM_POSTGRESQL =
            "insert into room_nights (property_id, room_number, night, booking_id) values (?, ?, ?, ?) on conflict do nothing";
    private static final String HOLD_ROOM_H2 =
            "insert into room_nights (property_id, room_number, night, booking_id) values (?, ?, ?, ?)";
    private static final String FREE_BOOKED_ROOM =
            "delete from room_nights where property_id = ? and room_number = ? and night = ? and booking_id = ?";
    private static final String FREE_OUT_OF_ORDER_ROOM =
            "delete from room_nights where property_id = ? and room_number = ? and night = ? and booking_id is null";

    private final JpaUnitOfWork transactions;

    InventoryRows(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    /**
     * Applies {@code delta} to a property's night rows in the current transaction, whole or not at all.
     *
     * @param roomType the room type whose capacity changes, and under which a taken room is reported
     * @param capacityChange rooms added to (or removed from) {@code roomType}'s capacity first
     * @param holder the booking whose room nights change, or {@code null} for out-of-order periods
     * @throws NotAvailableException if a night is sold out, a block full or closed, or a room taken; nothing
     *     of the change is applied then
     */
    void apply(PropertyId propertyId, String roomType, int capacityChange, InventoryDelta delta, @Nullable String holder) {
        if (capacityChange == 0 && delta.isEmpty()) {
            return;
        }
        transactions.jdbc(connection -> {
            Change change = new Change(connection, propertyId.value(), roomType, holder);
            try {
                change.apply(capacityChange, delta);
            } catch (RuntimeException | SQLException | Error failure) {
                if (!(change.postgres && causedBySql(failure))) { // a failed statement has ended a PostgreSQL transaction
                    change.undo(failure);
                }
                throw failure;
            }
            return null;
        });
    }

    private static boolean causedBySql(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** The rooms a block's bookings have picked up, by night; nights with none are left out. */
    Map<LocalDate, Integer> pickedUp(PropertyId propertyId, String block) {
        return transactions.jdbc(connection -> {
            Map<LocalDate, Integer> picked = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select night, picked from block_nights where property_id = ? and block_code = ? and picked > 0")) {
                select.setString(1, propertyId.value());
                select.setString(2, block);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        picked.put(row.getObject(1, LocalDate.class), row.getInt(2));
                    }
                }
            }
            return picked;
        });
    }

    /** One change, applied on the transaction's connection. */
    private final class Change {
        private final Connection connection;
        private final String propertyId;
        private final String roomType;
        private final @Nullable String holder;
        private final boolean postgres = transactions.vendor() == Vendor.POSTGRESQL;
        /** What undoes the rows changed so far, in the order they were changed: a statement and its parameters. */
        private final List<Map.Entry<String, Object[]>> undo = new ArrayList<>();

        Change(Connection connection, String propertyId, String roomType, @Nullable String holder) {
            this.connection = connection;
            this.propertyId = propertyId;
            this.roomType = roomType;
            this.holder = holder;
        }

        void apply(int capacityChange, InventoryDelta delta) throws SQLException {
            if (capacityChange != 0) {
                changeCapacity(capacityChange);
            }
            Map<TypeNight, Integer> typeNights = new HashMap<>(delta.typeNights());
            applyBlockNights(delta.blockNights(), typeNights);
            applyTypeNights(typeNights);
            applyRoomNights(delta.roomNights());
        }

        private void changeCapacity(int change) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(
                    "update room_types set capacity = capacity + ? where property_id = ? and code = ?")) {
                update.setInt(1, change);
                update.setString(2, propertyId);
                update.setString(3, roomType);
                if (update.executeUpdate() != 1) {
                    throw new NotFoundException("room type", roomType);
                }
                undo.add(Map.entry("update room_types set capacity = capacity + ? where property_id = ? and code = ?",
                        new Object[] {-change, propertyId, roomType}));
            }
        }

        private void applyBlockNights(Map<BlockNight, Integer> blockNights, Map<TypeNight, Integer> typeNights)
                throws SQLException {
            if (blockNights.isEmpty()) {
                return;
            }
            Map<String, BlockHold> blocks = new HashMap<>();
            for (String code : blockNights.keySet().stream().map(BlockNight::block).distinct().sorted().toList()) {
                blocks.put(code, lockBlock(code));
            }
            List<Map.Entry<BlockNight, Integer>> rows = sorted(blockNights,
                    Comparator.comparing(BlockNight::block).thenComparing(BlockNight::night));
            for (Map.Entry<BlockNight, Integer> entry : rows) {
                BlockHold block = blocks.get(entry.getKey().block());
                LocalDate night = entry.getKey().night();
                int count = entry.getValue();
                NotAvailableException refused = count > 0 ? SaleRules.pickUpRefusal(block, block.open(), night) : null;
                if (refused != null) {
                    throw refused;
                }
                int toType = SaleRules.typeChangeOfPickUp(block.open(), count);
                if (toType != 0) {
                    typeNights.merge(new TypeNight(block.roomType(), night), toType, Integer::sum);
                }
            }
            int[] changed = executeInOrder(rows, postgres ? BLOCK_NIGHT_POSTGRESQL : BLOCK_NIGHT_H2, GIVE_BACK_BLOCK_NIGHT, entry -> {
                BlockHold block = blocks.get(entry.getKey().block());
                int count = entry.getValue();
                return count > 0 ? new Object[] {propertyId, block.code(), entry.getKey().night(), count, count, block.rooms(), block.rooms()}
                        : new Object[] {count, propertyId, block.code(), entry.getKey().night()};
            });
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] > 0) {
                    undo.add(Map.entry(GIVE_BACK_BLOCK_NIGHT,
                            new Object[] {-rows.get(i).getValue(), propertyId, rows.get(i).getKey().block(), rows.get(i).getKey().night()}));
                }
            }
            for (int i = 0; i < changed.length; i++) {
                requireGivenBack(rows.get(i), changed[i]);
                if (changed[i] == 0) {
                    throw SaleRules.allPickedUp(blocks.get(rows.get(i).getKey().block()), rows.get(i).getKey().night());
                }
            }
        }

        private BlockHold lockBlock(String code) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("""
                    select room_type, first_night, end_date, rooms, status from blocks
                    where property_id = ? and code = ? for update""")) {
                select.setString(1, propertyId);
                select.setString(2, code);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new NotFoundException("block", code);
                    }
                    return new BlockHold(PropertyId.of(propertyId), code, row.getString(1),
                            DateRange.of(row.getObject(2, LocalDate.class), row.getObject(3, LocalDate.class)), row.getInt(4),
                            BlockStatus.valueOf(row.getString(5)).isOpen());
                }
            }
        }

        private void applyTypeNights(Map<TypeNight, Integer> typeNights) throws SQLException {
            List<Map.Entry<TypeNight, Integer>> rows = sorted(typeNights,
                    Comparator.comparing(TypeNight::roomType).thenComparing(TypeNight::night));
            int[] changed = postgres ? typeNightsInRuns(rows) : executeInOrder(rows, TYPE_NIGHT_H2, GIVE_BACK_TYPE_NIGHT, entry -> {
                TypeNight night = entry.getKey();
                int count = entry.getValue();
                return count > 0 ? new Object[] {propertyId, night.roomType(), night.night(), count, count, propertyId, night.roomType()}
                        : new Object[] {count, propertyId, night.roomType(), night.night()};
            });
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] > 0) {
                    undo.add(Map.entry(GIVE_BACK_TYPE_NIGHT,
                            new Object[] {-rows.get(i).getValue(), propertyId, rows.get(i).getKey().roomType(), rows.get(i).getKey().night()}));
                }
            }
            for (int i = 0; i < changed.length; i++) {
                requireGivenBack(rows.get(i), changed[i]);
                if (changed[i] == 0) {
                    TypeNight night = rows.get(i).getKey();
                    int count = rows.get(i).getValue();
                    throw SaleRules.soldOut(PropertyId.of(propertyId), night.roomType(), night.night(), count);
                }
            }
        }

        /**
         * PostgreSQL: the type nights' takes and give-backs in the rows' order, one statement of arrays per run
         * of one sign ({@link #TAKE_TYPE_NIGHTS_POSTGRESQL}, {@link #GIVE_BACK_TYPE_NIGHTS_POSTGRESQL}); answers
         * how many rows each night changed (1 or 0), as {@link #executeInOrder} does.
         */
        private int[] typeNightsInRuns(List<Map.Entry<TypeNight, Integer>> rows) throws SQLException {
            int[] counts = new int[rows.size()];
            int start = 0;
            while (start < rows.size()) {
                boolean taking = rows.get(start).getValue() > 0;
                int end = start;
                while (end < rows.size() && rows.get(end).getValue() > 0 == taking) {
                    end++;
                }
                List<Map.Entry<TypeNight, Integer>> run = rows.subList(start, end);
                String[] types = new String[run.size()];
                String[] nights = new String[run.size()];
                Integer[] changes = new Integer[run.size()];
                for (int i = 0; i < run.size(); i++) {
                    types[i] = run.get(i).getKey().roomType();
                    nights[i] = run.get(i).getKey().night().toString();
                    changes[i] = run.get(i).getValue();
                }
                java.util.Set<TypeNight> changed = new java.util.HashSet<>();
                try (PreparedStatement statement = connection.prepareStatement(
                        taking ? TAKE_TYPE_NIGHTS_POSTGRESQL : GIVE_BACK_TYPE_NIGHTS_POSTGRESQL)) {
                    statement.setArray(1, connection.createArrayOf("varchar", types));
                    statement.setArray(2, connection.createArrayOf("varchar", nights));
                    statement.setArray(3, connection.createArrayOf("int4", changes));
                    statement.setString(4, propertyId);
                    statement.setString(5, propertyId);
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            changed.add(new TypeNight(row.getString(1), row.getObject(2, LocalDate.class)));
                        }
                    }
                }
                for (int i = 0; i < run.size(); i++) {
                    counts[start + i] = changed.contains(run.get(i).getKey()) ? 1 : 0;
                }
                start = end;
            }
            return counts;
        }

        private void applyRoomNights(Map<RoomNight, Integer> roomNights) throws SQLException {
            List<Map.Entry<RoomNight, Integer>> rows = sorted(roomNights,
                    Comparator.comparing(RoomNight::room).thenComparing(RoomNight::night));
            List<Object[]> frees = new ArrayList<>();
            List<Object[]> holds = new ArrayList<>();
            List<RoomNight> held = new ArrayList<>();
            for (Map.Entry<RoomNight, Integer> entry : rows) {
                RoomNight night = entry.getKey();
                if (entry.getValue() < 0) {
                    frees.add(holder == null ? new Object[] {propertyId, night.room(), night.night()}
                            : new Object[] {propertyId, night.room(), night.night(), holder});
                } else if (entry.getValue() == 1) {
                    holds.add(new Object[] {propertyId, night.room(), night.night(), holder});
                    held.add(night);
                } else {
                    throw taken(night);
                }
            }
            int[] freed = execute(holder == null ? FREE_OUT_OF_ORDER_ROOM : FREE_BOOKED_ROOM, frees, false);
            for (int i = 0; i < freed.length; i++) {
                if (freed[i] > 0) {
                    undo.add(Map.entry(HOLD_ROOM_H2, new Object[] {propertyId, frees.get(i)[1], frees.get(i)[2], holder}));
                }
            }
            for (int i = 0; i < freed.length; i++) {
                if (freed[i] != 1) {
                    throw new IllegalStateException("room " + frees.get(i)[1] + " was not held on " + frees.get(i)[2]
                            + " by " + (holder == null ? "an out-of-order period" : "booking " + holder)
                            + ", as the stored booking or room says; room_nights is out of step");
                }
            }
            int[] taken = execute(postgres ? HOLD_ROOM_POSTGRESQL : HOLD_ROOM_H2, holds, true);
            for (int i = 0; i < taken.length; i++) {
                if (taken[i] > 0) {
                    RoomNight night = held.get(i);
                    undo.add(holder == null
                            ? Map.entry(FREE_OUT_OF_ORDER_ROOM, new Object[] {propertyId, night.room(), night.night()})
                            : Map.entry(FREE_BOOKED_ROOM, new Object[] {propertyId, night.room(), night.night(), holder}));
                }
            }
            for (int i = 0; i < taken.length; i++) {
                if (taken[i] == 0) {
                    throw taken(held.get(i));
                }
            }
        }

        /** A give-back must change its row: one that finds none means the night rows are out of step. */
        private static void requireGivenBack(Map.Entry<?, Integer> row, int changed) {
            if (row.getValue() < 0 && changed != 1) {
                throw new IllegalStateException("nothing to give back on " + row.getKey()
                        + ": the inventory's night rows are out of step with what is stored");
            }
        }

        /**
         * Undoes the rows this change has changed, newest first, after {@code failure}; what fails here is
         * added to it, and the transaction can then only roll back. On PostgreSQL a failed statement has ended the transaction, and nothing is left to undo
         * that the rollback does not.
         */
        void undo(Throwable failure) {
            for (int end = undo.size(); end > 0; ) {
                String sql = undo.get(end - 1).getKey();
                int start = end;
                List<Object[]> run = new ArrayList<>();
                while (start > 0 && undo.get(start - 1).getKey().equals(sql)) {
                    run.add(undo.get(--start).getValue());
                }
                try {
                    int[] changed = execute(sql, run, false);
                    for (int count : changed) {
                        if (count != 1) {
                            throw new IllegalStateException("could not undo a refused change of the night rows: " + sql);
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    // Rows half given back must never be committed: the caller may catch the refusal and go on.
                    transactions.required().entityManager.getTransaction().setRollbackOnly();
                    failure.addSuppressed(e);
                    return;
                }
                end = start;
            }
        }

        private NotAvailableException taken(RoomNight night) {
            return SaleRules.roomTaken(PropertyId.of(propertyId), roomType, night.room(), night.night());
        }

        /**
         * Runs the take statement for each positive count and the give-back statement for each negative one,
         * in the rows' order (so that rows are locked in it), as few batches as the signs allow; answers how
         * many rows each changed. A give-back must change its row: one that finds none means the night rows
         * are out of step with what the repositories stored.
         */
        private <K> int[] executeInOrder(List<Map.Entry<K, Integer>> rows, String take, String giveBack,
                Function<Map.Entry<K, Integer>, Object[]> parameters) throws SQLException {
            int[] counts = new int[rows.size()];
            int start = 0;
            while (start < rows.size()) {
                boolean taking = rows.get(start).getValue() > 0;
                int end = start;
                List<Object[]> run = new ArrayList<>();
                while (end < rows.size() && rows.get(end).getValue() > 0 == taking) {
                    run.add(parameters.apply(rows.get(end)));
                    end++;
                }
                int[] changed = execute(taking ? take : giveBack, run, false);
                System.arraycopy(changed, 0, counts, start, changed.length);
                start = end;
            }
            return counts;
        }

        /**
         * Runs one statement for each row of parameters and answers how many rows each changed: as one batch
         * on PostgreSQL, which reports each statement's count; one by one on H2, where a unique key violation
         * is a count of 0 if {@code duplicateChangesNone}, else (another transaction made the row first) the
         * statement is run once more, and now finds the row.
         */
        private int[] execute(String sql, List<Object[]> rows, boolean duplicateChangesNone) throws SQLException {
            int[] counts = new int[rows.size()];
            if (rows.isEmpty()) {
                return counts;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (postgres) {
                    for (Object[] row : rows) {
                        bind(statement, row);
                        statement.addBatch();
                    }
                    counts = statement.executeBatch();
                    for (int count : counts) {
                        if (count < 0) {
                            throw new IllegalStateException("the database did not say how many rows a statement changed: " + sql);
                        }
                    }
                    return counts;
                }
                for (int i = 0; i < rows.size(); i++) {
                    bind(statement, rows.get(i));
                    try {
                        counts[i] = statement.executeUpdate();
                    } catch (SQLException e) {
                        if (!StoreFailures.isUniqueViolation(e)) {
                            throw e;
                        }
                        counts[i] = duplicateChangesNone ? 0 : statement.executeUpdate();
                    }
                }
                return counts;
            }
        }

        private static void bind(PreparedStatement statement, Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, row[i]);
                }
            }
        }
    }

    private static <K> List<Map.Entry<K, Integer>> sorted(Map<K, Integer> counts, Comparator<K> order) {
        Map<K, Integer> ordered = new LinkedHashMap<>();
        counts.keySet().stream().sorted(order).forEach(key -> ordered.put(key, counts.get(key)));
        return ordered.entrySet().stream().filter(entry -> entry.getValue() != 0).toList();
    }
}
