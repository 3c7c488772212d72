package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

/** The card pre-authorisations. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions. */
public interface Authorisations {

    Optional<Authorisation> findBy(PropertyId propertyId, PaymentId id);

    /** A booking's authorisations, oldest first. */
    List<Authorisation> ofBooking(PropertyId propertyId, BookingId bookingId);

    Authorisation save(Authorisation authorisation);
}
