package io.hotelkit.reservations;

import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Several rooms booked at once, all or none, under one confirmation code; or one room booked by a channel
 * under its reference.
 *
 * @param rooms each room's booking request (one property, one guest who books them all) and its extras
 * @param channel the channel's reference; a second request with it returns the reservation the first made
 */
public record ReservationRequest(List<Room> rooms, @Nullable ChannelRef channel) {

    /** At most this many rooms in one request. */
    public static final int MAX_ROOMS = 50;

    /**
     * @param guestName who stays in this room, if the booker names someone
     * @param roomPrice the room price of the whole stay (before taxes added on top) the booker expects; a channel
     *     may send its own within the rate plan's tolerance, anyone else must send the offer's
     */
    public record Room(BookingRequest booking, @Nullable String guestName, @Nullable Money roomPrice) {

        public Room {
            Objects.requireNonNull(booking, "booking request");
        }

        public static Room of(BookingRequest booking) {
            return new Room(booking, null, null);
        }
    }

    public ReservationRequest {
        rooms = List.copyOf(rooms);
        if (rooms.isEmpty() || rooms.size() > MAX_ROOMS) {
            throw new InvalidRequestException("rooms", "a reservation has 1 to " + MAX_ROOMS + " rooms, not " + rooms.size());
        }
        BookingRequest first = rooms.getFirst().booking();
        for (int i = 1; i < rooms.size(); i++) {
            BookingRequest other = rooms.get(i).booking();
            if (!other.propertyId().equals(first.propertyId())) {
                throw new IllegalArgumentException("every room of a reservation is at one property");
            }
            if (!Objects.equals(other.guestId(), first.guestId()) || !Objects.equals(other.guest(), first.guest())) {
                throw new IllegalArgumentException("every room of a reservation is booked by one guest");
            }
        }
    }

    public static ReservationRequest of(List<Room> rooms) {
        return new ReservationRequest(rooms, null);
    }
}
