package io.hotelkit.reservations;

import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which bookings a list wants; every criterion given must hold.
 *
 * @param propertyId one property's, or every property's when null (a guest's bookings)
 * @param createdBy only those made by this API key, for channels
 * @param from with {@code to}, only stays with a night in {@code [from, to)}: checking out after {@code from}
 *     and in before {@code to} (a tape chart's window); either may be left out
 */
public record BookingFilter(
        @Nullable PropertyId propertyId,
        @Nullable BookingStatus status,
        @Nullable LocalDate checkinDate,
        @Nullable LocalDate checkoutDate,
        @Nullable GuestId guestId,
        @Nullable String createdBy,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    /** Without a window of nights. */
    public BookingFilter(@Nullable PropertyId propertyId, @Nullable BookingStatus status, @Nullable LocalDate checkinDate,
                         @Nullable LocalDate checkoutDate, @Nullable GuestId guestId, @Nullable String createdBy) {
        this(propertyId, status, checkinDate, checkoutDate, guestId, createdBy, null, null);
    }

    public static BookingFilter ofProperty(PropertyId propertyId) {
        return new BookingFilter(propertyId, null, null, null, null, null);
    }

    public static BookingFilter ofGuest(GuestId guestId) {
        return new BookingFilter(null, null, null, null, guestId, null);
    }

    public boolean matches(Booking booking) {
        return (propertyId == null || propertyId.equals(booking.propertyId()))
                && (status == null || status == booking.status())
                && (checkinDate == null || checkinDate.equals(booking.stay().checkin()))
                && (checkoutDate == null || checkoutDate.equals(booking.stay().checkout()))
                && (guestId == null || guestId.equals(booking.guestId()))
                && (createdBy == null || createdBy.equals(booking.createdBy()))
                && (from == null || booking.stay().checkout().isAfter(from))
                && (to == null || booking.stay().checkin().isBefore(to));
    }
}
