package io.hotelkit.memory;

import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.Blocks;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

final class MemoryBlocks implements Blocks {

    private final CodedRows<Block> rows;

    MemoryBlocks(MemoryTransactions transactions) {
        this.rows = new CodedRows<>(transactions, "block");
    }

    @Override
    public Optional<Block> findBy(PropertyId propertyId, String code) {
        return rows.findBy(propertyId, code);
    }

    @Override
    public List<Block> list(PropertyId propertyId) {
        return rows.list(propertyId);
    }

    @Override
    public Block save(Block block) {
        return rows.save(block.propertyId(), block.code(), block);
    }
}
