package io.hotelkit.reservations;

import io.hotelkit.shared.ConflictException;

/** A block that is released or cancelled cannot be released or cancelled again. */
public final class BlockClosedException extends ConflictException {

    public BlockClosedException(String code, BlockStatus status) {
        super("block " + code + " is " + status.name().toLowerCase() + " already");
    }

    @Override
    public String code() {
        return "block-closed";
    }
}
