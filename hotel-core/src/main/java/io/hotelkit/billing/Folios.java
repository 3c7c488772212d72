package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PropertyId;
import java.util.Optional;

/** The folios, one a booking. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions. */
public interface Folios {

    Optional<Folio> findBy(BookingId bookingId);

    /**
     * The folio of the property's booking.
     *
     * <p>By property and id: a store sharded by property (docs/SCALING.md) reads one shard. A folio
     * of another property is not found.
     */
    default Optional<Folio> findBy(PropertyId propertyId, BookingId bookingId) {
        return findBy(bookingId).filter(folio -> folio.propertyId().equals(propertyId));
    }

    Folio save(Folio folio);
}
