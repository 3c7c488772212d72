package io.hotelkit.privacy;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.Invoices;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.Payments;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.GuestEvent;
import io.hotelkit.guests.Guests;
import io.hotelkit.guests.LoyaltyAccount;
import io.hotelkit.guests.LoyaltyAccounts;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A guest's rights over their data: to see everything held about them, and to have it erased. Erasure
 * removes what names a person (name, email, phone, nationality, preferences, the free text of bookings)
 * and keeps the bookings, folios and invoices, anonymised, for the books.
 */
public final class PersonalData {

    private static final int MAX_BOOKINGS = 10_000;

    private final Guests guests;
    private final Bookings bookings;
    private final Folios folios;
    private final Payments payments;
    private final Invoices invoices;
    private final LoyaltyAccounts loyalty;
    private final UnitOfWork transactions;
    private final Events events;
    private final Clock clock;

    public PersonalData(Guests guests, Bookings bookings, Folios folios, Payments payments, Invoices invoices,
            LoyaltyAccounts loyalty, UnitOfWork transactions, Events events, Clock clock) {
        this.guests = Objects.requireNonNull(guests, "guests");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.loyalty = Objects.requireNonNull(loyalty, "loyalty accounts");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Everything held about a guest (the right of access). */
    public Export export(GuestId guestId) {
        Guest guest = guest(guestId);
        List<Booking> theirs = bookingsOf(guestId);
        List<Folio> theirFolios = new ArrayList<>();
        List<Payment> theirPayments = new ArrayList<>();
        List<Invoice> theirInvoices = new ArrayList<>();
        for (Booking booking : theirs) {
            folios.findBy(booking.propertyId(), booking.id()).ifPresent(theirFolios::add);
            theirPayments.addAll(payments.ofBooking(booking.propertyId(), booking.id()));
            theirInvoices.addAll(invoices.ofBooking(booking.propertyId(), booking.id()));
        }
        return new Export(guest, loyalty.findBy(guestId).orElse(LoyaltyAccount.open(guestId)), theirs, theirFolios,
                theirPayments, theirInvoices);
    }

    /** Erases what names the guest; idempotent. */
    public Guest erase(GuestId guestId) {
        return transactions.inTransaction(() -> {
            Guest guest = guest(guestId);
            if (guest.isErased()) {
                return guest;
            }
            Guest erased = guests.save(guest.erased(clock.instant()));
            for (Booking booking : bookingsOf(guestId)) {
                if (booking.specialRequests() != null) {
                    bookings.save(booking.anonymised(clock.instant()));
                }
            }
            events.record(null, guestId.value(), new GuestEvent.GuestErased());
            return erased;
        });
    }

    private List<Booking> bookingsOf(GuestId guestId) {
        return bookings.list(BookingFilter.ofGuest(guestId), null, MAX_BOOKINGS);
    }

    private Guest guest(GuestId id) {
        return guests.findBy(Objects.requireNonNull(id, "guest id")).orElseThrow(() -> new NotFoundException("guest", id));
    }

    /** All that is held about one guest. */
    public record Export(Guest guest, LoyaltyAccount loyalty, List<Booking> bookings, List<Folio> folios, List<Payment> payments,
            List<Invoice> invoices) {}
}
