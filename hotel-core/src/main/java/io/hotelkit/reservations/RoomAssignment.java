package io.hotelkit.reservations;

import io.hotelkit.inventory.OutOfOrder;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds a room for a booking: a free room that fits the stay best (the one that leaves the smallest
 * gaps before and after it), or else a room made free by moving bookings of the type that have not
 * arrived yet, and were not given a room at the guest's request, to other rooms.
 *
 * <p>Why moving works: stays are intervals, and as long as no night of a type holds more bookings than
 * rooms (which the availability engine guarantees), movable bookings can always be given rooms without
 * clashes. Out-of-order periods and bookings that cannot move make this a harder problem in general, so
 * the moves are found greedily, in order of arrival; when that finds none, the assignment is refused and
 * nothing changes.
 */
final class RoomAssignment {

    private static final long NO_NEIGHBOUR_GAP = 366;
    private static final int NEIGHBOURHOOD_DAYS = 31;

    private final Bookings bookings;
    private final Rooms rooms;

    RoomAssignment(Bookings bookings, Rooms rooms) {
        this.bookings = bookings;
        this.rooms = rooms;
    }

    /** The room for the booking, and the other bookings to move, each to its new room. */
    record Plan(String room, Map<Booking, String> moves) {}

    /**
     * Plans a room for {@code target} for {@code stay}.
     *
     * @param chosen the room the booking must have, or null for the best one
     * @param acceptable which rooms the booking may have (ready ones, at check-in)
     * @throws NoRoomFitsException if no room can be found or made free
     */
    Plan place(Booking target, Stay stay, @Nullable String chosen, Predicate<Room> acceptable, LocalDate businessDate) {
        List<Room> ofType = rooms.list(target.propertyId()).stream()
                .filter(room -> room.roomType().equals(target.roomType()))
                .toList();
        if (chosen != null && ofType.stream().noneMatch(room -> room.number().equals(chosen))) {
            throw new InvalidRequestException("room_number", "room " + chosen + " is not a room of type " + target.roomType());
        }
        List<Room> candidates = ofType.stream()
                .filter(room -> chosen == null || room.number().equals(chosen))
                .filter(acceptable)
                .toList();
        if (candidates.isEmpty()) {
            throw new NoRoomFitsException(target.roomType(), stay, chosen == null ? "no room of the type is ready"
                    : "room " + chosen + " is not ready");
        }
        DateRange nights = stay.nightsAsRange();
        // neighbours a month either side, so that the best fit can see the gaps it leaves
        List<Booking> occupants = holdingRooms(target, DateRange.of(stay.checkin().minusDays(NEIGHBOURHOOD_DAYS),
                stay.checkout().plusDays(NEIGHBOURHOOD_DAYS)));
        Timeline timeline = new Timeline(ofType, occupants);
        String free = timeline.bestFit(candidates, nights);
        if (free != null) {
            return new Plan(free, Map.of());
        }

        Set<Booking> movable = occupants.stream()
                .filter(booking -> booking.stay().overlaps(stay))
                .filter(booking -> booking.status() == BookingStatus.CONFIRMED && !booking.roomRequested())
                .filter(booking -> !booking.stay().checkin().isBefore(businessDate))
                .collect(Collectors.toSet());
        if (movable.isEmpty()) {
            throw new NoRoomFitsException(target.roomType(), stay, "every room is taken by guests who cannot be moved");
        }
        LocalDate from = movable.stream().map(b -> b.stay().checkin()).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = movable.stream().map(b -> b.stay().checkout()).max(Comparator.naturalOrder()).orElseThrow();
        DateRange window = DateRange.of(from.isBefore(stay.checkin()) ? from : stay.checkin(),
                to.isAfter(stay.checkout()) ? to : stay.checkout());
        List<Booking> fixed = holdingRooms(target, window).stream().filter(booking -> !movable.contains(booking)).toList();
        Timeline replanned = new Timeline(ofType, fixed);

        String room = replanned.bestFit(candidates, nights);
        if (room == null) {
            throw new NoRoomFitsException(target.roomType(), stay, "not even after moving guests who have not arrived");
        }
        replanned.occupy(room, nights);
        Map<Booking, String> moves = new LinkedHashMap<>();
        List<Booking> byArrival = movable.stream()
                .sorted(Comparator.comparing((Booking b) -> b.stay().checkin())
                        .thenComparing(b -> -b.stay().nights())
                        .thenComparing(b -> b.id().value()))
                .toList();
        for (Booking booking : byArrival) {
            DateRange its = booking.stay().nightsAsRange();
            String newRoom = replanned.bestFit(ofType, its);
            if (newRoom == null) {
                throw new NoRoomFitsException(target.roomType(), stay, "moving guests who have not arrived does not make room");
            }
            replanned.occupy(newRoom, its);
            if (!newRoom.equals(booking.roomNumber())) {
                moves.put(booking, newRoom);
            }
        }
        return new Plan(room, moves);
    }

    private List<Booking> holdingRooms(Booking target, DateRange nights) {
        return bookings.overlapping(target.propertyId(), nights, target.roomType()).stream()
                .filter(booking -> booking.status().holdsInventory() && booking.roomNumber() != null)
                .filter(booking -> !booking.id().equals(target.id()))
                .toList();
    }

    /** Each room's occupied nights (bookings and out-of-order periods), as epoch-day intervals. */
    private static final class Timeline {
        private final Map<String, List<long[]>> intervals = new HashMap<>();

        Timeline(List<Room> rooms, List<Booking> occupants) {
            for (Room room : rooms) {
                List<long[]> taken = new ArrayList<>();
                for (OutOfOrder period : room.outOfOrder()) {
                    taken.add(new long[] {period.period().start().toEpochDay(), period.period().end().toEpochDay()});
                }
                intervals.put(room.number(), taken);
            }
            for (Booking booking : occupants) {
                occupy(booking.roomNumber(), booking.stay().nightsAsRange());
            }
        }

        void occupy(String room, DateRange nights) {
            intervals.computeIfAbsent(room, r -> new ArrayList<>())
                    .add(new long[] {nights.start().toEpochDay(), nights.end().toEpochDay()});
        }

        /** The candidate free for all of {@code nights} that leaves the smallest gaps, or null. */
        @Nullable String bestFit(List<Room> candidates, DateRange nights) {
            long start = nights.start().toEpochDay();
            long end = nights.end().toEpochDay();
            String best = null;
            long bestGap = Long.MAX_VALUE;
            for (Room room : candidates.stream().sorted(Comparator.comparing(Room::number)).toList()) {
                long gapBefore = NO_NEIGHBOUR_GAP;
                long gapAfter = NO_NEIGHBOUR_GAP;
                boolean free = true;
                for (long[] taken : intervals.getOrDefault(room.number(), List.of())) {
                    if (taken[0] < end && start < taken[1]) {
                        free = false;
                        break;
                    }
                    if (taken[1] <= start) {
                        gapBefore = Math.min(gapBefore, start - taken[1]);
                    } else {
                        gapAfter = Math.min(gapAfter, taken[0] - end);
                    }
                }
                if (free && gapBefore + gapAfter < bestGap) {
                    best = room.number();
                    bestGap = gapBefore + gapAfter;
                }
            }
            return best;
        }
    }
}
