package io.hotelkit.reservations;

import io.hotelkit.spi.Claim;
import io.hotelkit.internal.Codes;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.shared.ReservationId;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Money;
import io.hotelkit.internal.MoneyList;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.shared.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A booking of a room type (and, once assigned, a room) for a stay, at nightly prices frozen when it was
 * made. Changes make a new copy; which changes its status allows is {@link BookingStatus}'s to say.
 *
 * @param roomRequested whether the guest asked for this room, so that room assignment never moves it
 * @param block the block the booking picked up its rooms from, if any
 * @param nightly the room price of each night of the stay, frozen (kept as a {@link MoneyList})
 * @param total what the stay costs with the taxes on top of prices, as quoted
 * @param cardToken a payment gateway's token of the guarantee card; never a card number
 * @param createdBy who made the booking (an API key's id), so that a channel sees only its own
 * @param reservationId the reservation the booking is a room of, when it was booked with others or by a
 *     channel's reference; {@code null} for a booking made alone
 * @param reservationRoom the booking's place among its reservation's rooms, from 0 (0 when it has no reservation)
 * @param channel the channel's reference of a channel booking, shared by all rooms of its reservation
 * @param guestName the name of the guest staying in this room, where the booker named one per room
 */
public record Booking(
        BookingId id,
        PropertyId propertyId,
        String confirmationCode,
        GuestId guestId,
        String roomType,
        @Nullable String roomNumber,
        boolean roomRequested,
        String ratePlan,
        @Nullable String block,
        Stay stay,
        Occupancy occupancy,
        List<Money> nightly,
        Money total,
        CancellationPolicy cancellationPolicy,
        BookingStatus status,
        @Nullable String specialRequests,
        @Nullable String cardToken,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String cancellationReason,
        long version,
        @Nullable ReservationId reservationId,
        int reservationRoom,
        @Nullable ChannelRef channel,
        @Nullable String guestName) implements Versioned<Booking> {

    public static final int MAX_SPECIAL_REQUESTS = 2000;
    public static final int MAX_GUEST_NAME = 200;

    public Booking {
        Objects.requireNonNull(id, "booking id");
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(confirmationCode, "confirmation code");
        Objects.requireNonNull(guestId, "guest id");
        Codes.require(roomType, "room type code");
        if (roomNumber != null) {
            Codes.require(roomNumber, "room number");
        }
        Codes.require(ratePlan, "rate plan code");
        Objects.requireNonNull(stay, "stay");
        Objects.requireNonNull(occupancy, "occupancy");
        if (nightly.size() != stay.nights()) {
            throw new IllegalArgumentException(
                    "a stay of " + stay.nights() + " nights needs " + stay.nights() + " nightly prices, not " + nightly.size());
        }
        Objects.requireNonNull(total, "total");
        nightly = MoneyList.copyOf(nightly, total.currency()).requireNotNegative("nightly price");
        Objects.requireNonNull(cancellationPolicy, "cancellation policy");
        Objects.requireNonNull(status, "status");
        if (specialRequests != null && specialRequests.length() > MAX_SPECIAL_REQUESTS) {
            throw new IllegalArgumentException("special requests have at most " + MAX_SPECIAL_REQUESTS + " characters");
        }
        Objects.requireNonNull(createdBy, "created by");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(updatedAt, "updated at");
        if (reservationRoom < 0 || reservationId == null && reservationRoom != 0) {
            throw new IllegalArgumentException("reservation room must be 0 or more, and 0 without a reservation, not " + reservationRoom);
        }
        if (channel != null && reservationId == null) {
            throw new IllegalArgumentException("a channel booking is a room of a reservation");
        }
        if (guestName != null) {
            guestName = Codes.requireName(guestName, "guest name");
        }
    }

    /** A booking made alone: no reservation, no channel reference, no guest named for the room. */
    public Booking(BookingId id, PropertyId propertyId, String confirmationCode, GuestId guestId, String roomType,
            @Nullable String roomNumber, boolean roomRequested, String ratePlan, @Nullable String block, Stay stay,
            Occupancy occupancy, List<Money> nightly, Money total, CancellationPolicy cancellationPolicy, BookingStatus status,
            @Nullable String specialRequests, @Nullable String cardToken, String createdBy, Instant createdAt, Instant updatedAt,
            @Nullable String cancellationReason, long version) {
        this(id, propertyId, confirmationCode, guestId, roomType, roomNumber, roomRequested, ratePlan, block, stay, occupancy,
                nightly, total, cancellationPolicy, status, specialRequests, cardToken, createdBy, createdAt, updatedAt,
                cancellationReason, version, null, 0, null, null);
    }

    /** This booking as room {@code room} of a reservation, with the channel's reference if a channel made it. */
    public Booking inReservation(ReservationId reservation, int room, @Nullable ChannelRef channelRef, @Nullable String name) {
        return new Booking(id, propertyId, confirmationCode, guestId, roomType, roomNumber, roomRequested, ratePlan, block, stay,
                occupancy, nightly, total, cancellationPolicy, status, specialRequests, cardToken, createdBy, createdAt, updatedAt,
                cancellationReason, version, reservation, room, channelRef, name);
    }

    /** What the booking holds of the inventory, or {@code null} once it holds nothing. */
    public @Nullable Claim claim() {
        return status.holdsInventory() ? new Claim(propertyId, roomType, stay.nightsAsRange(), block, roomNumber) : null;
    }

    /** The room prices alone, without taxes. */
    public Money roomTotal() {
        return nightly.stream().reduce(Money::plus).orElseThrow();
    }

    /** The frozen room price of a night of the stay. */
    public Money priceOf(LocalDate night) {
        if (!stay.includesNight(night)) {
            throw new IllegalArgumentException("the night of " + night + " is not in the stay " + stay);
        }
        return nightly.get((int) (night.toEpochDay() - stay.checkin().toEpochDay()));
    }

    /** Whether the guest is in the house, or is expected, on the night of {@code date}. */
    public boolean isInHouseOn(LocalDate date) {
        return (status == BookingStatus.CONFIRMED || status == BookingStatus.CHECKED_IN) && stay.includesNight(date);
    }

    public Booking withRoom(@Nullable String room, boolean requested, Instant at) {
        return copy(status, room, requested, stay, occupancy, roomType, nightly, total, specialRequests, cancellationReason, at);
    }

    public Booking withStay(Stay newStay, String newRoomType, Occupancy newOccupancy, List<Money> newNightly, Money newTotal,
            @Nullable String newRoom, @Nullable String newSpecialRequests, Instant at) {
        return copy(status, newRoom, newRoom != null && roomRequested, newStay, newOccupancy, newRoomType, newNightly, newTotal,
                newSpecialRequests, cancellationReason, at);
    }

    /** This booking in {@code next} status. */
    public Booking moveTo(BookingStatus next, Instant at) {
        requireTransition(next);
        return copy(next, roomNumber, roomRequested, stay, occupancy, roomType, nightly, total, specialRequests, cancellationReason, at);
    }

    public Booking cancelled(@Nullable String reason, Instant at) {
        requireTransition(BookingStatus.CANCELLED);
        return copy(BookingStatus.CANCELLED, roomNumber, roomRequested, stay, occupancy, roomType, nightly, total, specialRequests,
                reason, at);
    }

    /** This booking with nothing in it that could name a guest; kept for the books. */
    public Booking anonymised(Instant at) {
        Booking copy = copy(status, roomNumber, roomRequested, stay, occupancy, roomType, nightly, total, null, null, at);
        return copy.reservationId == null ? copy : copy.inReservation(copy.reservationId, reservationRoom, channel, null);
    }

    /** @throws IllegalTransitionException unless the status allows {@code next} */
    public void requireTransition(BookingStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(id, status, next);
        }
    }

    private Booking copy(BookingStatus newStatus, @Nullable String room, boolean requested, Stay newStay, Occupancy newOccupancy,
            String newRoomType, List<Money> newNightly, Money newTotal, @Nullable String requests, @Nullable String reason,
            Instant at) {
        return new Booking(id, propertyId, confirmationCode, guestId, newRoomType, room, requested, ratePlan, block, newStay,
                newOccupancy, newNightly, newTotal, cancellationPolicy, newStatus, requests, cardToken, createdBy, createdAt, at,
                reason, version, reservationId, reservationRoom, channel, guestName);
    }

    @Override
    public Booking withVersion(long newVersion) {
        return new Booking(id, propertyId, confirmationCode, guestId, roomType, roomNumber, roomRequested, ratePlan, block, stay,
                occupancy, nightly, total, cancellationPolicy, status, specialRequests, cardToken, createdBy, createdAt, updatedAt,
                cancellationReason, newVersion, reservationId, reservationRoom, channel, guestName);
    }
}
