/**
 * What storage adapters need of the engine and the unit of work, and nothing an embedder needs: a
 * booking's {@link io.hotelkit.spi.Claim} on the inventory, a block's {@link io.hotelkit.spi.BlockHold},
 * their net {@link io.hotelkit.spi.InventoryDelta} that a database applies as guarded updates, and the
 * {@link io.hotelkit.spi.PendingChange} the engine settles with a transaction. The module exports this
 * package only to the adapter modules, by name.
 */
@NullMarked
package io.hotelkit.spi;

import org.jspecify.annotations.NullMarked;
