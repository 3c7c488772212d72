package io.hotelkit.memory;

import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.reservations.ChannelRef;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.ReservationId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

final class MemoryBookings implements Bookings {

    private final MemoryTable<Booking> table;

    MemoryBookings(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    @Override
    public Optional<Booking> findBy(BookingId id) {
        return table.get(id.value());
    }

    @Override
    public List<Booking> list(BookingFilter filter, @Nullable BookingId afterId, int limit) {
        return table.scan("", afterId == null ? null : afterId.value(), filter::matches, limit);
    }

    @Override
    public List<Booking> overlapping(PropertyId propertyId, DateRange nights, @Nullable String roomType) {
        return table.scan("", booking -> booking.propertyId().equals(propertyId)
                && booking.stay().checkin().isBefore(nights.end()) && nights.start().isBefore(booking.stay().checkout())
                && (roomType == null || roomType.equals(booking.roomType())));
    }

    @Override
    public Booking save(Booking booking) {
        // the database's unique index bookings_channel_ref: (property, source, external_ref, room)
        ChannelRef ref = booking.channel();
        if (booking.version() == 0 && ref != null && !table.scan("", other -> other.propertyId().equals(booking.propertyId())
                && ref.equals(other.channel()) && other.reservationRoom() == booking.reservationRoom()).isEmpty()) {
            throw new DuplicateException("booking with external ref", ref.toString(), null);
        }
        return table.putVersioned(booking.id().value(), booking, "booking");
    }

    @Override
    public List<Booking> ofReservation(PropertyId propertyId, ReservationId reservationId) {
        return inRoomOrder(table.scan("", booking -> booking.propertyId().equals(propertyId)
                && reservationId.equals(booking.reservationId())));
    }

    @Override
    public List<Booking> withChannelRef(PropertyId propertyId, ChannelRef ref) {
        return inRoomOrder(table.scan("", booking -> booking.propertyId().equals(propertyId) && ref.equals(booking.channel())));
    }

    private static List<Booking> inRoomOrder(List<Booking> rooms) {
        return rooms.stream().sorted(Comparator.comparingInt(Booking::reservationRoom)).toList();
    }
}
