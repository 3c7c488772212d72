package io.hotelkit.availability;

import io.hotelkit.spi.BlockHold;

/** A block's part of a property index: what it holds, whether it is still open, and the rooms picked up each night. */
final class BlockIndex {
    final BlockHold hold;
    final TypeIndex type;
    volatile boolean open;
    final NightCounts picked = new NightCounts();

    BlockIndex(BlockHold hold, TypeIndex type) {
        this.hold = hold;
        this.type = type;
        this.open = hold.open();
    }
}
