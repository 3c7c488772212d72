package io.hotelkit.forecast;

import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A property's bookings turned into snapshots as they were made, each with what was known then of its
 * guest's past and its room type's occupancy; and the finished ones labelled with their outcome.
 *
 * <p>What was known then is worked out from the bookings' times: a guest's earlier stay counts if it ended
 * before the booking was made, an earlier cancellation if it was cancelled before (its last change); the
 * occupancy counts the type's bookings made before it, overlapping it, and not cancelled by then.
 */
public final class BookingHistory {

    private BookingHistory() {}

    /** The snapshot of each booking, in the order given. */
    public static List<BookingSnapshot> snapshots(List<Booking> bookings, ZoneId zone, Map<String, Integer> roomsPerType) {
        List<Booking> byCreation = new ArrayList<>(bookings);
        byCreation.sort(Comparator.comparing(Booking::createdAt).thenComparing(b -> b.id().toString()));
        Map<Object, BookingSnapshot> snapshots = new HashMap<>();
        for (Booking booking : byCreation) {
            Instant made = booking.createdAt();
            LocalDate madeOn = LocalDate.ofInstant(made, zone);
            int stays = 0;
            int cancellations = 0;
            int busiest = 0;
            Map<LocalDate, Integer> held = new HashMap<>();
            for (Booking earlier : byCreation) {
                if (!earlier.createdAt().isBefore(made)) {
                    break;
                }
                boolean cancelledBefore = !earlier.status().holdsInventory() && earlier.status() != BookingStatus.CHECKED_OUT
                        && earlier.updatedAt().isBefore(made);
                if (earlier.guestId().equals(booking.guestId())) {
                    if (earlier.status() == BookingStatus.CHECKED_OUT && earlier.stay().checkout().isBefore(madeOn.plusDays(1))) {
                        stays++;
                    } else if (cancelledBefore) {
                        cancellations++;
                    }
                }
                if (earlier.roomType().equals(booking.roomType()) && earlier.stay().overlaps(booking.stay()) && !cancelledBefore) {
                    for (LocalDate night : (Iterable<LocalDate>) earlier.stay().dates()::iterator) {
                        if (booking.stay().includesNight(night)) {
                            busiest = Math.max(busiest, held.merge(night, 1, Integer::sum));
                        }
                    }
                }
            }
            int rooms = Math.max(1, roomsPerType.getOrDefault(booking.roomType(), 1));
            snapshots.put(booking.id(), BookingSnapshot.of(booking, zone,
                    new BookingSnapshot.History(stays, cancellations, (double) busiest / rooms)));
        }
        return bookings.stream().map(b -> snapshots.get(b.id())).toList();
    }

    /**
     * The bookings whose outcome is known, labelled: cancelled or no-show against checked in or out.
     * Bookings still confirmed are left out.
     */
    public static List<LabelledBooking> labelled(List<Booking> bookings, ZoneId zone, Map<String, Integer> roomsPerType) {
        List<BookingSnapshot> snapshots = snapshots(bookings, zone, roomsPerType);
        List<LabelledBooking> out = new ArrayList<>();
        for (int i = 0; i < bookings.size(); i++) {
            BookingStatus status = bookings.get(i).status();
            if (status != BookingStatus.CONFIRMED) {
                out.add(new LabelledBooking(snapshots.get(i), status == BookingStatus.CANCELLED || status == BookingStatus.NO_SHOW));
            }
        }
        return out;
    }
}
