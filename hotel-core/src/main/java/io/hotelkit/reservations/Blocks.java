package io.hotelkit.reservations;

import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

/**
 * The blocks of each property. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions.
 * A store with constraints of its own (a database) also refuses, inside the transaction, a new block that
 * holds more rooms than its room type has free, with {@link io.hotelkit.shared.NotAvailableException}.
 */
public interface Blocks {

    Optional<Block> findBy(PropertyId propertyId, String code);

    /** A property's blocks in code order. */
    List<Block> list(PropertyId propertyId);

    Block save(Block block);
}
