package io.hotelkit.spi;

import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.shared.NotAvailableException.Reason;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a sale, in one place for everything that decides one: the availability engine in memory,
 * and a storage adapter whose database decides again (the JPA module's night rows). Each refusal is
 * decided here with its message, and what a closed block holds of its room type is computed here; the
 * engine and the adapter only count.
 *
 * <ul>
 *   <li>A room type's night sells while what is taken of it (sold without a block, held by blocks, out of
 *       order) stays within its capacity: {@link #soldOut}.
 *   <li>A block takes a pick-up on a night while it is open, holds rooms that night, and has not all of them
 *       picked up: {@link #pickUpRefusal}, {@link #blockTakes}, {@link #allPickedUp}.
 *   <li>A room has one holder a night, a booking or an out-of-order period: {@link #roomTaken}.
 *   <li>An open block holds its rooms of its room type every night; a closed one holds only what is picked
 *       up: {@link #typeChangeOnClose}, {@link #typeChangeOfPickUp}.
 * </ul>
 */
public final class SaleRules {

    private SaleRules() {}

    /** A room type's night has {@code free} rooms, fewer than the {@code count} asked for. */
    public static NotAvailableException soldOut(PropertyId propertyId, String roomType, LocalDate night, int count, int free) {
        return new NotAvailableException(Reason.SOLD_OUT, propertyId, roomType, night,
                count == 1 ? soldOut(roomType, night)
                        : "room type %s has %d rooms free on %s, not %d".formatted(roomType, Math.max(free, 0), night, count));
    }

    /** A room type's night has not the {@code count} rooms asked for; how many it has is not known (a database's guard refused). */
    public static NotAvailableException soldOut(PropertyId propertyId, String roomType, LocalDate night, int count) {
        return new NotAvailableException(Reason.SOLD_OUT, propertyId, roomType, night,
                count == 1 ? soldOut(roomType, night) : "room type %s has not %d rooms free on %s".formatted(roomType, count, night));
    }

    private static String soldOut(String roomType, LocalDate night) {
        return "room type " + roomType + " is sold out on " + night;
    }

    /**
     * Why {@code hold}'s block takes no pick-up on {@code night} whatever its count: it is closed, or holds no
     * rooms that night; {@code null} if it may take one.
     *
     * @param open whether the block is open for pick-up now (the hold's own flag may be older)
     */
    public static @Nullable NotAvailableException pickUpRefusal(BlockHold hold, boolean open, LocalDate night) {
        String why = !open ? "block " + hold.code() + " is no longer open for pick-up"
                : !hold.nights().contains(night) ? "block " + hold.code() + " holds no rooms on " + night + ", only for " + hold.nights()
                : null;
        return why == null ? null : blockFull(hold, night, why);
    }

    /** Whether a block with {@code picked} rooms picked up on a night takes {@code count} more (a database writes the same guard). */
    public static boolean blockTakes(BlockHold hold, int picked, int count) {
        return picked + count <= hold.rooms();
    }

    /** The block has all its rooms picked up on {@code night}. */
    public static NotAvailableException allPickedUp(BlockHold hold, LocalDate night) {
        return blockFull(hold, night, "block " + hold.code() + " has all its " + hold.rooms() + " rooms picked up on " + night);
    }

    private static NotAvailableException blockFull(BlockHold hold, LocalDate night, String why) {
        return new NotAvailableException(Reason.BLOCK_FULL, hold.propertyId(), hold.roomType(), night, why);
    }

    /** The room is held on {@code night}, by a booking or an out-of-order period. */
    public static NotAvailableException roomTaken(PropertyId propertyId, String roomType, String room, LocalDate night) {
        return new NotAvailableException(Reason.ROOM_TAKEN, propertyId, roomType, night, "room " + room + " is taken on " + night);
    }

    /**
     * What closing a block changes of its room type's night, which had the block's rooms held and
     * {@code picked} of them picked up: the unpicked rooms go back to general inventory.
     */
    public static int typeChangeOnClose(BlockHold hold, int picked) {
        return picked - hold.rooms();
    }

    /**
     * What a change of {@code count} in a block's pick-ups on a night changes of its room type's night: nothing
     * while the block is open (it holds its rooms either way); once it is closed it holds only what is picked
     * up, so what its bookings give back goes back to the room type.
     */
    public static int typeChangeOfPickUp(boolean open, int count) {
        return open ? 0 : count;
    }
}
