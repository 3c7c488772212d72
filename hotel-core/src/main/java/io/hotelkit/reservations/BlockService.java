package io.hotelkit.reservations;

import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.RoomTypes;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Blocks (allotments): holding rooms for a group, and giving back what the group did not pick up. */
public final class BlockService {

    private final Properties properties;
    private final RoomTypes roomTypes;
    private final RatePlans ratePlans;
    private final Blocks blocks;
    private final UnitOfWork transactions;
    private final AvailabilityEngine engine;
    private final Events events;

    public BlockService(Properties properties, RoomTypes roomTypes, RatePlans ratePlans, Blocks blocks,
            UnitOfWork transactions, AvailabilityEngine engine, Events events) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.roomTypes = Objects.requireNonNull(roomTypes, "room types");
        this.ratePlans = Objects.requireNonNull(ratePlans, "rate plans");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Holds {@code rooms} rooms of a type each night of {@code nights} out of general inventory.
     *
     * @throws io.hotelkit.shared.NotAvailableException if a night has not that many rooms free
     */
    public Block create(PropertyId propertyId, String code, String name, String roomType, String ratePlan, DateRange nights,
            int rooms, LocalDate releaseDate, BlockStatus status) {
        Objects.requireNonNull(status, "status");
        if (!status.isOpen()) {
            throw new InvalidRequestException("status", "a new block is tentative or definite");
        }
        return transactions.inTransaction(() -> {
            Property property = properties.require(propertyId);
            Objects.requireNonNull(nights, "block dates");
            if (nights.start().isBefore(property.businessDate())) {
                throw new InvalidRequestException("from", "a block cannot start before the business date " + property.businessDate());
            }
            if (releaseDate.isBefore(property.businessDate())) {
                throw new InvalidRequestException("release_date", "the release date cannot be before the business date "
                        + property.businessDate());
            }
            if (roomTypes.findBy(propertyId, roomType).isEmpty()) {
                throw new InvalidRequestException("room_type", "property has no room type '" + roomType + "'");
            }
            if (ratePlans.findBy(propertyId, ratePlan).isEmpty()) {
                throw new InvalidRequestException("rate_plan", "property has no rate plan '" + ratePlan + "'");
            }
            Block block = new Block(propertyId, code, name, roomType, ratePlan, nights, rooms, releaseDate, status, 0);
            blocks.findBy(propertyId, code).ifPresent(existing -> {
                throw new DuplicateException("block", code, null);
            });
            engine.changeBlock(null, block.hold()).settleWith(transactions);
            Block saved = blocks.save(block);
            events.record(propertyId, code, new ReservationEvent.BlockCreated(roomType, nights.start(), nights.end(), rooms));
            return saved;
        });
    }

    public Block block(PropertyId propertyId, String code) {
        return blocks.findBy(propertyId, code).orElseThrow(() -> new NotFoundException("block", code));
    }

    public List<Block> blocks(PropertyId propertyId) {
        properties.require(propertyId);
        return blocks.list(propertyId);
    }

    /** Each night of the block: the rooms it holds and how many bookings picked up. */
    public List<BlockNight> nights(PropertyId propertyId, String code) {
        Block block = block(propertyId, code);
        return block.nights().dates().map(night -> {
            int pickedUp = engine.pickedUp(propertyId, code, night);
            return new BlockNight(night, block.status().isOpen() ? block.rooms() : pickedUp, pickedUp);
        }).toList();
    }

    /** Cancels the block: every room not picked up goes back to general inventory; its bookings stay. */
    public Block cancel(PropertyId propertyId, String code) {
        return transactions.inTransaction(() -> close(block(propertyId, code), BlockStatus.CANCELLED));
    }

    /** Releases, inside the caller's transaction, the open blocks whose release date is on or before {@code date}. */
    public List<Block> releaseDue(PropertyId propertyId, LocalDate date) {
        return blocks.list(propertyId).stream()
                .filter(block -> block.status().isOpen() && !block.releaseDate().isAfter(date))
                .map(block -> close(block, BlockStatus.RELEASED))
                .toList();
    }

    private Block close(Block block, BlockStatus status) {
        Block closed = block.closed(status);
        engine.changeBlock(block.hold(), closed.hold()).settleWith(transactions);
        Block saved = blocks.save(closed);
        events.record(block.propertyId(), block.code(), status == BlockStatus.RELEASED
                ? new ReservationEvent.BlockReleased() : new ReservationEvent.BlockCancelled());
        return saved;
    }


    /** A night of a block: rooms held (all of them while open, the picked-up ones after) and picked up. */
    public record BlockNight(LocalDate night, int held, int pickedUp) {}
}
