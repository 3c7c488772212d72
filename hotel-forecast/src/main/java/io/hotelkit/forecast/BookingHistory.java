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

    /**
     * The snapshot of each booking, in the order given. Each booking looks only at the guest's bookings and
     * at its type's bookings of its own nights, so that the cost grows with the bookings, not their square.
     */
    public static List<BookingSnapshot> snapshots(List<Booking> bookings, ZoneId zone, Map<String, Integer> roomsPerType) {
        List<Booking> byCreation = new ArrayList<>(bookings);
        byCreation.sort(Comparator.comparing(Booking::createdAt).thenComparing(b -> b.id().toString()));
        Map<Object, List<Booking>> byGuest = new HashMap<>();
        Map<String, Map<LocalDate, List<Booking>>> byTypeNight = new HashMap<>();
        Map<Object, BookingSnapshot> snapshots = new HashMap<>();
        for (Booking booking : byCreation) {
            Instant made = booking.createdAt();
            LocalDate madeOn = LocalDate.ofInstant(made, zone);
            int stays = 0;
            int cancellations = 0;
            for (Booking earlier : byGuest.getOrDefault(booking.guestId(), List.of())) {
                if (!earlier.createdAt().isBefore(made)) {
                    continue;
                }
                if (earlier.status() == BookingStatus.CHECKED_OUT && earlier.stay().checkout().isBefore(madeOn.plusDays(1))) {
                    stays++;
                } else if (cancelledBefore(earlier, made)) {
                    cancellations++;
                }
            }
            int busiest = 0;
            Map<LocalDate, List<Booking>> typeNights = byTypeNight.computeIfAbsent(booking.roomType(), t -> new HashMap<>());
            for (LocalDate night : (Iterable<LocalDate>) booking.stay().dates()::iterator) {
                int held = 0;
                for (Booking earlier : typeNights.getOrDefault(night, List.of())) {
                    if (earlier.createdAt().isBefore(made) && !cancelledBefore(earlier, made)) {
                        held++;
                    }
                }
                busiest = Math.max(busiest, held);
            }
            int rooms = Math.max(1, roomsPerType.getOrDefault(booking.roomType(), 1));
            snapshots.put(booking.id(), BookingSnapshot.of(booking, zone,
                    new BookingSnapshot.History(stays, cancellations, (double) busiest / rooms)));
            byGuest.computeIfAbsent(booking.guestId(), g -> new ArrayList<>()).add(booking);
            for (LocalDate night : (Iterable<LocalDate>) booking.stay().dates()::iterator) {
                typeNights.computeIfAbsent(night, n -> new ArrayList<>()).add(booking);
            }
        }
        return bookings.stream().map(b -> snapshots.get(b.id())).toList();
    }

    /** Whether {@code earlier} no longer held its rooms at {@code made}: cancelled or no-show by then (its last change). */
    private static boolean cancelledBefore(Booking earlier, Instant made) {
        return !earlier.status().holdsInventory() && earlier.status() != BookingStatus.CHECKED_OUT && earlier.updatedAt().isBefore(made);
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
