package io.hotelkit.shared;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A stay cannot be sold: a night is full, a restriction refuses it, or the room is taken. */
public final class NotAvailableException extends ConflictException {

    /** Why. */
    public enum Reason {
        /** The room type has no room left that night (its rooms, less out-of-order, plus overbooking). */
        SOLD_OUT,
        /** The block has no room left that night, or is no longer open for pick-up. */
        BLOCK_FULL,
        /** The room is booked or out of order that night. */
        ROOM_TAKEN,
        /** The room type does not take that many guests. */
        OCCUPANCY,
        NO_PRICE,
        CLOSED,
        CLOSED_TO_ARRIVAL,
        CLOSED_TO_DEPARTURE,
        MIN_STAY,
        MAX_STAY
    }

    private final Reason reason;
    private final PropertyId propertyId;
    private final String roomType;
    private final @Nullable LocalDate date;

    public NotAvailableException(Reason reason, PropertyId propertyId, String roomType, @Nullable LocalDate date, String detail) {
        super(detail);
        this.reason = reason;
        this.propertyId = propertyId;
        this.roomType = roomType;
        this.date = date;
    }

    public Reason reason() {
        return reason;
    }

    public PropertyId propertyId() {
        return propertyId;
    }

    public String roomType() {
        return roomType;
    }

    /** The night (or checkout date) that refused, where there is one. */
    public @Nullable LocalDate date() {
        return date;
    }

    @Override
    public String code() {
        return "not-available";
    }
}
