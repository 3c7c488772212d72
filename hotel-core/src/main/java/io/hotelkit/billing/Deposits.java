package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The bookings' deposits, one a booking at most. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions. */
public interface Deposits {

    Optional<Deposit> findBy(PropertyId propertyId, BookingId bookingId);

    /** The property's deposits still held, or settled after {@code date}: those held on the evening of {@code date}. */
    List<Deposit> heldOn(PropertyId propertyId, LocalDate date);

    /** The property's deposits still held that were due on or before {@code date}, by due date. */
    List<Deposit> dueBy(PropertyId propertyId, LocalDate date);

    Deposit save(Deposit deposit);
}
