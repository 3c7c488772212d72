package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import java.util.Optional;

/** The folios, one a booking. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions. */
public interface Folios {

    Optional<Folio> findBy(BookingId bookingId);

    Folio save(Folio folio);
}
