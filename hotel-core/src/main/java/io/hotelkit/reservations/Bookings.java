package io.hotelkit.reservations;

import io.hotelkit.shared.ReservationId;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The bookings. {@code save} versions as {@link io.hotelkit.inventory.Properties} says. A store with
 * constraints of its own (a database) also refuses, inside the transaction, a save that would sell a
 * night of a room twice or a room type past its capacity, with
 * {@link io.hotelkit.shared.NotAvailableException}.
 */
public interface Bookings {

    Optional<Booking> findBy(BookingId id);

    /**
     * The property's booking with this id, or none if it has none.
     *
     * <p>By property and id: a store sharded by property (docs/SCALING.md) reads one shard. A booking
     * of another property is not found.
     */
    default Optional<Booking> findBy(PropertyId propertyId, BookingId id) {
        return findBy(id).filter(booking -> booking.propertyId().equals(propertyId));
    }

    /**
     * The booking, read to be changed in the current transaction: a store that locks rows locks it now, so
     * that {@link #save} need not read it again. The same as {@link #findBy} unless a store says otherwise.
     */
    default Optional<Booking> findForUpdate(BookingId id) {
        return findBy(id);
    }

    /** {@link #findForUpdate(BookingId)} by property and id, as {@link #findBy(PropertyId, BookingId)}. */
    default Optional<Booking> findForUpdate(PropertyId propertyId, BookingId id) {
        return findForUpdate(id).filter(booking -> booking.propertyId().equals(propertyId));
    }

    /** Bookings matching the filter in id (creation) order, after {@code afterId} if given, at most {@code limit}. */
    List<Booking> list(BookingFilter filter, @Nullable BookingId afterId, int limit);

    /**
     * A property's bookings, of any status, whose stay has a night in {@code nights}, of one room type or
     * all; in id order.
     */
    List<Booking> overlapping(PropertyId propertyId, DateRange nights, @Nullable String roomType);

    Booking save(Booking booking);

    /**
     * The rooms of a reservation, in their order; empty if the property has none by that id. This default
     * reads the property's bookings page by page; a store with an index on the reservation overrides it.
     */
    default List<Booking> ofReservation(PropertyId propertyId, ReservationId reservationId) {
        return scan(propertyId, booking -> reservationId.equals(booking.reservationId()));
    }

    /**
     * The rooms booked under a channel's reference, in their order; empty if none is. Per property a reference
     * names one reservation: a store refuses, with {@link io.hotelkit.shared.DuplicateException}, a second
     * booking of the same reference and room, and a database with a unique key does so whatever the
     * concurrency. This default reads page by page, as {@link #ofReservation}.
     */
    default List<Booking> withChannelRef(PropertyId propertyId, ChannelRef ref) {
        return scan(propertyId, booking -> ref.equals(booking.channel()));
    }

    private List<Booking> scan(PropertyId propertyId, java.util.function.Predicate<Booking> wanted) {
        List<Booking> found = new java.util.ArrayList<>();
        BookingId after = null;
        while (true) {
            List<Booking> page = list(BookingFilter.ofProperty(propertyId), after, 500);
            page.stream().filter(wanted).forEach(found::add);
            if (page.size() < 500) {
                found.sort(java.util.Comparator.comparingInt(Booking::reservationRoom));
                return found;
            }
            after = page.getLast().id();
        }
    }
}
