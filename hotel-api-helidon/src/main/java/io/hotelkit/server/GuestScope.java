package io.hotelkit.server;

import io.hotelkit.guests.Guest;
import io.hotelkit.guests.GuestService;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.BookingService;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import java.util.List;

/**
 * Which guests a key reaches. Guest profiles are the chain's, but a key scoped to some properties reaches
 * only the guests known at one of them: those with a booking there, and those registered there (by a key
 * scoped to it; a registration is recorded in the audit trail of each property of the registering key).
 * Any other guest is, to that key, a guest that does not exist: reading, changing, erasing or exporting it
 * is 404; booking with its {@code guest_id} is the 400 of an unknown id; and registering or booking with
 * its e-mail creates nothing and links nothing: 409, as for any taken e-mail, without the existing id.
 * A key for all properties reaches every guest.
 */
final class GuestScope {

    private static final int MAX_BOOKINGS_LOOKED_AT = 1_000;

    private final GuestService guests;
    private final BookingService bookings;
    private final Outbox outbox;

    GuestScope(GuestService guests, BookingService bookings, Outbox outbox) {
        this.guests = guests;
        this.bookings = bookings;
        this.outbox = outbox;
    }

    /** Whether {@code caller} reaches the guest. */
    boolean reaches(Caller caller, GuestId id) {
        if (caller.apiKey().allProperties()) {
            return true;
        }
        List<Booking> theirs = bookings.bookings(BookingFilter.ofGuest(id), null, MAX_BOOKINGS_LOOKED_AT);
        if (theirs.stream().anyMatch(booking -> caller.mayAccess(booking.propertyId()))) {
            return true;
        }
        String entity = EventType.GUEST_REGISTERED.entity();
        for (PropertyId property : caller.apiKey().propertyIds()) {
            if (outbox.history(property, entity, id.value(), 1).stream()
                    .anyMatch(stored -> stored.event().type() == EventType.GUEST_REGISTERED)) {
                return true;
            }
        }
        return false;
    }

    /** The guest, if {@code caller} reaches it; else 404, as if there were none. */
    GuestId require(Caller caller, GuestId id) {
        if (!reaches(caller, id)) {
            throw new NotFoundException("guest", id);
        }
        return id;
    }

    /** A booking's {@code guest_id}: one the caller reaches, else the 400 of an id that names no guest. */
    GuestId requireForBooking(Caller caller, GuestId id) {
        if (!reaches(caller, id)) {
            throw new InvalidRequestException("guest_id", "no guest '" + id + "'");
        }
        return id;
    }

    /**
     * A booking's inline guest: if its e-mail is a guest's the caller does not reach, nothing is linked to
     * that guest and nothing of it is told: 409, the conflict of a taken e-mail, without the guest's id.
     */
    void requireLinkable(Caller caller, String email) {
        String normalized;
        try {
            normalized = Guest.normalizeEmail(email);
        } catch (IllegalArgumentException invalid) {
            return; // the booking refuses it itself
        }
        guests.search(normalized, null, null, 1).stream().findFirst()
                .filter(existing -> !reaches(caller, existing.id()))
                .ifPresent(existing -> {
                    throw takenOutOfReach();
                });
    }

    /** A registration refused for a taken e-mail: with the existing guest's id only if the caller reaches it. */
    DuplicateException withinReach(Caller caller, DuplicateException taken) {
        return taken.existingId().filter(id -> !reaches(caller, GuestId.of(id))).isPresent() ? takenOutOfReach() : taken;
    }

    private static DuplicateException takenOutOfReach() {
        return new DuplicateException("guest with email", "(redacted)", null);
    }
}
