package io.hotelkit.reservations;

import io.hotelkit.spi.BlockHold;
import io.hotelkit.internal.Codes;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An allotment: {@code rooms} rooms of a type held each night of {@code nights} for a group, at a rate
 * plan. Bookings that name the block pick up its rooms instead of general inventory's; on
 * {@code releaseDate} the night audit gives back what was not picked up.
 */
public record Block(
        PropertyId propertyId,
        String code,
        String name,
        String roomType,
        String ratePlan,
        DateRange nights,
        int rooms,
        LocalDate releaseDate,
        BlockStatus status,
        long version) implements Versioned<Block> {

    public Block {
        Objects.requireNonNull(propertyId, "property id");
        Codes.require(code, "block code");
        name = Codes.requireName(name, "block name");
        Codes.require(roomType, "room type code");
        Codes.require(ratePlan, "rate plan code");
        Objects.requireNonNull(nights, "block dates");
        if (rooms < 1 || rooms > 10_000) {
            throw new IllegalArgumentException("a block holds 1 to 10000 rooms a night, not " + rooms);
        }
        Objects.requireNonNull(releaseDate, "release date");
        if (releaseDate.isAfter(nights.start())) {
            throw new IllegalArgumentException("release date " + releaseDate + " must not be after the block's first night " + nights.start());
        }
        Objects.requireNonNull(status, "status");
    }

    public BlockHold hold() {
        return new BlockHold(propertyId, code, roomType, nights, rooms, status.isOpen());
    }

    /** This block closed for pick-up with {@code status} (released or cancelled). */
    public Block closed(BlockStatus closedStatus) {
        if (closedStatus.isOpen()) {
            throw new IllegalArgumentException("closing a block needs a closed status, not " + closedStatus);
        }
        if (!status.isOpen()) {
            throw new BlockClosedException(code, status);
        }
        return new Block(propertyId, code, name, roomType, ratePlan, nights, rooms, releaseDate, closedStatus, version);
    }

    @Override
    public Block withVersion(long version) {
        return new Block(propertyId, code, name, roomType, ratePlan, nights, rooms, releaseDate, status, version);
    }
}
