package io.hotelkit.reservations;

import io.hotelkit.guests.NewGuest;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What booking a stay takes: a known guest or a new one (matched by email), a room type or a particular
 * room, a rate plan, and optionally a block to pick up from.
 *
 * @param roomType the type to book; may be left out when {@code roomNumber} is given
 * @param roomNumber the room the guest asked for; the booking then never moves to another room
 * @param cardToken a payment gateway's token for the guarantee; never a card number
 */
public record BookingRequest(
        PropertyId propertyId,
        @Nullable GuestId guestId,
        @Nullable NewGuest guest,
        @Nullable String roomType,
        @Nullable String roomNumber,
        String ratePlan,
        Stay stay,
        Occupancy occupancy,
        @Nullable String block,
        @Nullable String specialRequests,
        @Nullable String cardToken) {

    public BookingRequest {
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(ratePlan, "rate plan");
        Objects.requireNonNull(stay, "stay");
        Objects.requireNonNull(occupancy, "occupancy");
    }

    /** A booking of a room type for a known guest: the common case. */
    public static BookingRequest of(PropertyId propertyId, GuestId guestId, String roomType, String ratePlan, Stay stay,
            Occupancy occupancy) {
        return new BookingRequest(propertyId, guestId, null, roomType, null, ratePlan, stay, occupancy, null, null, null);
    }
}
