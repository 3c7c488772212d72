package io.hotelkit.forecast;

import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.Stay;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the library knew of a booking at the moment it was made, and nothing it learned later: the only
 * input of a cancellation forecast. It has no status, no assigned room and no later change by
 * construction, so a model trained on snapshots cannot learn from what happens after the booking.
 *
 * @param bookedOn the property's date on which the booking was made
 * @param pricePerNight the mean nightly room price in the property's currency (a feature, not an amount
 *     to charge: money stays in {@link io.hotelkit.shared.Money})
 * @param guaranteed whether a card or deposit guaranteed the booking when it was made
 * @param specialRequests how many special requests the booking came with
 * @param guestStays the guest's earlier stays at the property, when the booking was made
 * @param guestCancellations the guest's earlier cancelled or no-show bookings, when the booking was made
 * @param occupancyAtBooking rooms of the type already on the books for the stay's busiest night, as a
 *     share of the type's rooms, when the booking was made
 * @param source the channel the booking came from (an API key, an agent, a segment), or null if unknown
 */
public record BookingSnapshot(
        String roomType,
        String ratePlan,
        LocalDate bookedOn,
        Stay stay,
        int adults,
        int children,
        double pricePerNight,
        CancellationPolicy cancellationPolicy,
        boolean guaranteed,
        int specialRequests,
        int guestStays,
        int guestCancellations,
        double occupancyAtBooking,
        @Nullable String source) {

    public BookingSnapshot {
        Objects.requireNonNull(roomType, "room type");
        Objects.requireNonNull(ratePlan, "rate plan");
        Objects.requireNonNull(bookedOn, "booked on");
        Objects.requireNonNull(stay, "stay");
        Objects.requireNonNull(cancellationPolicy, "cancellation policy");
        if (bookedOn.isAfter(stay.checkin())) {
            throw new IllegalArgumentException("a booking made on " + bookedOn + " cannot arrive earlier, on " + stay.checkin());
        }
        if (adults < 0 || children < 0 || specialRequests < 0 || guestStays < 0 || guestCancellations < 0) {
            throw new IllegalArgumentException("adults, children, special requests and the guest's history must not be negative");
        }
        if (!(pricePerNight >= 0) || !(occupancyAtBooking >= 0)) {
            throw new IllegalArgumentException("price per night and occupancy at booking must be 0 or more");
        }
    }

    /**
     * The snapshot of a booking as it was made. Read it when the booking is created and keep it: a booking
     * modified later has a new stay and prices, which were not known when it was made.
     *
     * @param zone the property's time zone, which turns the moment of booking into its date
     * @param history the guest's earlier stays and cancellations and the type's occupancy, when booked
     */
    public static BookingSnapshot of(Booking booking, ZoneId zone, History history) {
        double price = booking.roomTotal().amount().doubleValue() / booking.stay().nights();
        String requests = booking.specialRequests();
        int requestCount = requests == null || requests.isBlank() ? 0 : (int) requests.lines().filter(l -> !l.isBlank()).count();
        // Recorded on or after its arrival (a walk-in while the business date lags the clock, or a stay
        // entered afterwards): it was booked with no lead time.
        LocalDate recordedOn = LocalDate.ofInstant(booking.createdAt(), zone);
        LocalDate bookedOn = recordedOn.isAfter(booking.stay().checkin()) ? booking.stay().checkin() : recordedOn;
        return new BookingSnapshot(booking.roomType(), booking.ratePlan(), bookedOn,
                booking.stay(), booking.occupancy().adults(), booking.occupancy().children(), price,
                booking.cancellationPolicy(), booking.cardToken() != null, requestCount, history.guestStays(),
                history.guestCancellations(), history.occupancyAtBooking(), booking.createdBy());
    }

    /** What else was known when a booking was made: the guest's past and how full the type was. */
    public record History(int guestStays, int guestCancellations, double occupancyAtBooking) {
        public static History none() {
            return new History(0, 0, 0);
        }
    }

    public int leadTimeDays() {
        return (int) ChronoUnit.DAYS.between(bookedOn, stay.checkin());
    }

    public int nights() {
        return stay.nights();
    }

    /** Nights of the stay that are a Friday or a Saturday night. */
    public int weekendNights() {
        return (int) stay.dates().filter(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY || d.getDayOfWeek() == DayOfWeek.SATURDAY).count();
    }
}
