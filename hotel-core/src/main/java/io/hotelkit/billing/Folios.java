package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

/**
 * The folios: the windows of each booking, window 1 (the guest's) from the moment it is made. Without a window
 * number a folio is window 1. See {@link io.hotelkit.inventory.Properties} for how {@code save} versions.
 */
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

    /**
     * Window {@code window} of the property's booking. The default knows window 1 only: a store written before
     * windows keeps working, and a booking cannot open another window in it.
     */
    default Optional<Folio> findBy(PropertyId propertyId, BookingId bookingId, int window) {
        return window == Folio.GUEST_WINDOW ? findBy(propertyId, bookingId) : Optional.empty();
    }

    /** Every window of the property's booking, by window number (window 1 first); empty if it has none. */
    default List<Folio> windows(PropertyId propertyId, BookingId bookingId) {
        return findBy(propertyId, bookingId).map(List::of).orElse(List.of());
    }

    /** The windows of the property's bookings that bill {@code companyId}, by booking and window. */
    default List<Folio> billing(PropertyId propertyId, CompanyId companyId) {
        return List.of();
    }

    /** Saves a window: window 1, or another the booking has opened. */
    Folio save(Folio folio);
}
