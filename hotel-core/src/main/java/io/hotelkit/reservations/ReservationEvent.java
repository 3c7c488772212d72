package io.hotelkit.reservations;

import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What happens to bookings and blocks. */
public sealed interface ReservationEvent extends EventPayload {

    /** A booking as its events describe it, after the change. */
    /** A booking as its events carry it; {@code channel} is the channel's reference of a channel booking. */
    record Summary(String confirmationCode, BookingStatus status, String roomType, @Nullable String roomNumber,
                   String ratePlan, LocalDate checkin, LocalDate checkout, Money total, @Nullable ChannelRef channel) {
        public static Summary of(Booking booking) {
            return new Summary(booking.confirmationCode(), booking.status(), booking.roomType(), booking.roomNumber(),
                    booking.ratePlan(), booking.stay().checkin(), booking.stay().checkout(), booking.total(),
                    booking.channel());
        }
    }

    record BookingCreated(Summary booking) implements ReservationEvent {
        public EventType type() {
            return EventType.BOOKING_CREATED;
        }
    }

    /** A booking's stay or room type changed; the previous ones come with it. */
    record BookingModified(Summary booking, LocalDate previousCheckin, LocalDate previousCheckout,
                           String previousRoomType) implements ReservationEvent {
        public EventType type() {
            return EventType.BOOKING_MODIFIED;
        }
    }

    record BookingRoomAssigned(String roomNumber) implements ReservationEvent {
        public EventType type() {
            return EventType.BOOKING_ROOM_ASSIGNED;
        }
    }

    /** A booking was cancelled; {@code fee} is what the policy charged (in the booking's currency). */
    record BookingCancelled(Summary booking, Money fee) implements ReservationEvent {
        public EventType type() {
            return EventType.BOOKING_CANCELLED;
        }
    }

    /** The guest did not arrive; {@code fee} is what the policy charged. */
    record BookingNoShow(Summary booking, Money fee) implements ReservationEvent {
        public EventType type() {
            return EventType.BOOKING_NO_SHOW;
        }
    }

    record BookingCheckedIn(Summary booking) implements ReservationEvent {
        public EventType type() {
            return EventType.BOOKING_CHECKED_IN;
        }
    }

    record BookingCheckedOut(Summary booking) implements ReservationEvent {
        public EventType type() {
            return EventType.BOOKING_CHECKED_OUT;
        }
    }

    /** A block of {@code rooms} rooms a night was created for the nights {@code from} to {@code to}. */
    record BlockCreated(String roomType, LocalDate from, LocalDate to, int rooms) implements ReservationEvent {
        public EventType type() {
            return EventType.BLOCK_CREATED;
        }
    }

    record BlockReleased() implements ReservationEvent {
        public EventType type() {
            return EventType.BLOCK_RELEASED;
        }
    }

    record BlockCancelled() implements ReservationEvent {
        public EventType type() {
            return EventType.BLOCK_CANCELLED;
        }
    }
}
