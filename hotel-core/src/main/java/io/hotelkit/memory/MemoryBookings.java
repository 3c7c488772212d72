package io.hotelkit.memory;

import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
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
        return table.putVersioned(booking.id().value(), booking, "booking");
    }
}
