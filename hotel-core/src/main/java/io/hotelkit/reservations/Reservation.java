package io.hotelkit.reservations;

import io.hotelkit.shared.ReservationId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rooms booked together: one confirmation code, one guest who booked them, and each room its own booking
 * (its own folio, check-in and check-out). Read from the bookings, which carry the reservation's id.
 *
 * @param rooms the bookings in the order they were asked for, whatever their status
 */
public record Reservation(ReservationId id, PropertyId propertyId, String confirmationCode, @Nullable ChannelRef channel,
        List<Booking> rooms) {

    public Reservation {
        Objects.requireNonNull(id, "reservation id");
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(confirmationCode, "confirmation code");
        rooms = List.copyOf(rooms);
        if (rooms.isEmpty()) {
            throw new IllegalArgumentException("a reservation has at least one room");
        }
    }

    /** The reservation the bookings are the rooms of: all of one reservation, in room order. */
    static Reservation of(List<Booking> rooms) {
        Booking first = rooms.getFirst();
        if (first.reservationId() == null) {
            throw new IllegalArgumentException("booking " + first.id() + " is of no reservation");
        }
        return new Reservation(first.reservationId(), first.propertyId(), first.confirmationCode(), first.channel(), rooms);
    }

    /** What the rooms cost together, cancelled ones included (their fees are on their folios). */
    public Money total() {
        return rooms.stream().map(Booking::total).reduce(Money::plus).orElseThrow();
    }

    /** The booking of room {@code index}. */
    public Booking room(int index) {
        if (index < 0 || index >= rooms.size()) {
            throw new IndexOutOfBoundsException("reservation " + id + " has rooms 0 to " + (rooms.size() - 1) + ", not " + index);
        }
        return rooms.get(index);
    }
}
