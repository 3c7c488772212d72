package io.hotelkit.reservations;

import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.billing.BalanceNotZeroException;
import io.hotelkit.billing.DepositService;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.Companies;
import io.hotelkit.billing.InvoiceService;
import io.hotelkit.billing.internal.Posting;
import io.hotelkit.billing.internal.RoomCharges;
import io.hotelkit.guests.Loyalty;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The front desk: which room a booking has, checking its guest in, and checking them out once the folio
 * is settled. Every operation is one transaction.
 */
public final class FrontDesk {

    private final Properties properties;
    private final Rooms rooms;
    private final Bookings bookings;
    private final Folios folios;
    private final Posting posting;
    private final InvoiceService invoices;
    private final Loyalty loyalty;
    private final UnitOfWork transactions;
    private final AvailabilityEngine engine;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;
    private final BookingRecords records;
    private final RoomAssignment assignment;
    private final @Nullable DepositService deposits;

    public FrontDesk(Properties properties, Rooms rooms, Bookings bookings, Folios folios, Companies companies, InvoiceService invoices,
            Loyalty loyalty, UnitOfWork transactions, AvailabilityEngine engine, Events events, IdGenerator ids, Clock clock) {
        this(properties, rooms, bookings, folios, companies, invoices, loyalty, transactions, engine, events, ids, clock, null);
    }

    /**
     * A front desk that settles card guarantees at check-out (with {@code deposits}): an open pre-authorisation
     * pays the guest window's balance, the rest released.
     */
    public FrontDesk(Properties properties, Rooms rooms, Bookings bookings, Folios folios, Companies companies, InvoiceService invoices,
            Loyalty loyalty, UnitOfWork transactions, AvailabilityEngine engine, Events events, IdGenerator ids, Clock clock,
            @Nullable DepositService deposits) {
        this.deposits = deposits;
        this.posting = new Posting(Objects.requireNonNull(folios, "folios"), Objects.requireNonNull(companies, "companies"));
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.loyalty = Objects.requireNonNull(loyalty, "loyalty");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.records = new BookingRecords(bookings, folios);
        this.assignment = new RoomAssignment(bookings, rooms);
    }

    /**
     * Gives the booking this room, moving bookings that have not arrived to other rooms of the type if
     * that makes the room free. Unlike a room the guest asked for when booking, an assigned room may be
     * changed later by the same means, to make room for another guest.
     */
    public Booking assignRoom(PropertyId propertyId, BookingId id, String roomNumber) {
        Objects.requireNonNull(roomNumber, "room number");
        return transactions.inTransaction(() -> {
            Booking booking = records.booking(propertyId, id);
            if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.CHECKED_IN) {
                throw new BookingNotChangeableException(id, "it is " + booking.status().code());
            }
            if (roomNumber.equals(booking.roomNumber())) {
                return booking;
            }
            Property property = properties.require(propertyId);
            RoomAssignment.Plan plan = assignment.place(booking, booking.stay(), roomNumber, room -> true,
                    property.businessDate());
            return applyAssignment(booking, plan);
        });
    }

    private Booking applyAssignment(Booking booking, RoomAssignment.Plan plan) {
        Instant now = clock.instant();
        Map<Booking, Booking> moves = new LinkedHashMap<>();
        moves.put(booking, booking.withRoom(plan.room(), booking.roomRequested() && plan.room().equals(booking.roomNumber()), now));
        plan.moves().forEach((moved, room) -> moves.put(moved, moved.withRoom(room, false, now)));
        engine.change(moves.keySet().stream().map(Booking::claim).toList(), moves.values().stream().map(Booking::claim).toList())
                .settleWith(transactions);
        // rooms are given up before any is taken, so that a store with a unique key per room and night sees
        // no clash while bookings swap rooms within this transaction
        Map<Booking, Booking> released = new LinkedHashMap<>();
        moves.forEach((before, after) -> released.put(before,
                before.roomNumber() == null ? before : bookings.save(before.withRoom(null, false, now))));
        Booking assigned = null;
        for (Map.Entry<Booking, Booking> move : moves.entrySet()) {
            Booking after = move.getValue();
            Booking stored = bookings.save(released.get(move.getKey()).withRoom(after.roomNumber(), after.roomRequested(), now));
            assigned = assigned == null ? stored : assigned;
            events.record(stored.propertyId(), stored.id().value(),
                    new ReservationEvent.BookingRoomAssigned(stored.roomNumber()));
        }
        return assigned;
    }

    /**
     * Checks the guest in, on the arrival date, to the booking's room, the given one, or the best free
     * one that is ready (moving bookings that have not arrived if need be).
     *
     * @throws RoomNotReadyException if the room is dirty or out of order
     */
    public Booking checkIn(PropertyId propertyId, BookingId id, @Nullable String roomNumber) {
        return transactions.inTransaction(() -> {
            Booking booking = records.booking(propertyId, id);
            booking.requireTransition(BookingStatus.CHECKED_IN);
            Property property = properties.require(propertyId);
            LocalDate today = property.businessDate();
            if (!booking.stay().checkin().equals(today)) {
                throw new BookingNotChangeableException(id, "it arrives on " + booking.stay().checkin()
                        + ", not on the business date " + today);
            }
            String room = roomNumber != null ? roomNumber : booking.roomNumber();
            if (room != null) {
                requireReady(property.id(), room, today);
            }
            Booking assigned = booking;
            if (room == null || !room.equals(booking.roomNumber())) {
                RoomAssignment.Plan plan = assignment.place(booking, booking.stay(), room,
                        candidate -> candidate.housekeeping().readyForGuest() && !candidate.isOutOfOrderOn(today), today);
                assigned = applyAssignment(booking, plan);
            }
            Booking checkedIn = bookings.save(assigned.moveTo(BookingStatus.CHECKED_IN, clock.instant()));
            events.record(propertyId, id.value(), new ReservationEvent.BookingCheckedIn(ReservationEvent.Summary.of(checkedIn)));
            return checkedIn;
        });
    }

    private void requireReady(PropertyId propertyId, String number, LocalDate today) {
        Room room = rooms.findBy(propertyId, number)
                .orElseThrow(() -> new InvalidRequestException("room_number", "property has no room '" + number + "'"));
        if (!room.housekeeping().readyForGuest()) {
            throw new RoomNotReadyException(number, "it is " + room.housekeeping().name().toLowerCase());
        }
        if (room.isOutOfOrderOn(today)) {
            throw new RoomNotReadyException(number, "it is out of order");
        }
    }

    /**
     * Checks the guest out once the folio is settled. A guest leaving before the checkout date gives the
     * remaining nights back; a night not yet charged by the night audit is charged now (where the routing sends
     * it). Every window billed to the guest or another person must be at zero; what a company's window holds is
     * billed to the company's account (an invoice to the company, outstanding on its account). The room becomes
     * dirty.
     *
     * @throws BalanceNotZeroException while a window's balance, with the nights still to charge, is not zero
     */
    public Booking checkOut(PropertyId propertyId, BookingId id) {
        return transactions.inTransaction(() -> {
            Booking booking = records.booking(propertyId, id);
            booking.requireTransition(BookingStatus.CHECKED_OUT);
            Property property = properties.require(propertyId);
            LocalDate today = property.businessDate();
            Booking leaving = booking;
            if (today.isBefore(booking.stay().checkout())) {
                LocalDate departure = today.isAfter(booking.stay().checkin()) ? today : booking.stay().checkin().plusDays(1);
                Stay stay = Stay.of(booking.stay().checkin(), departure);
                List<Money> nightly = booking.nightly().subList(0, stay.nights());
                leaving = booking.withStay(stay, booking.roomType(), booking.occupancy(), nightly,
                        BookingRecords.stayTotal(property, engine.packages(propertyId, booking.ratePlan()), nightly,
                                booking.occupancy()), booking.roomNumber(), booking.specialRequests(),
                        clock.instant());
            }
            records.folio(propertyId, id);
            List<TaxPolicy.PackageCharge> packages = RoomCharges.packagesFor(engine.packages(propertyId, leaving.ratePlan()),
                    leaving.occupancy());
            for (LocalDate night = leaving.stay().checkin(); night.isBefore(leaving.stay().checkout()); night = night.plusDays(1)) {
                if (!RoomCharges.isPosted(posting, propertyId, id, night)) {
                    RoomCharges.postNight(posting, propertyId, id, night, leaving.stay().checkin(), leaving.priceOf(night),
                            leaving.occupancy(), packages, property, ids, clock.instant());
                }
            }
            if (deposits != null) { // window 1, the guest's, with the nights: what a card guarantee pays
                deposits.settleAtCheckOut(property, id, records.folio(propertyId, id).balance());
            }
            List<Folio> windows = posting.windows(propertyId, id);
            for (Folio window : windows) {
                if (!window.billsCompany() && !window.balance().isZero()) {
                    throw new BalanceNotZeroException(id, window.window(), window.balance());
                }
            }
            for (Folio window : windows) {
                if (window.billsCompany() && window.balance().isPositive()) {
                    invoices.billCompanyWindow(window);
                } else if (!window.balance().isZero()) {
                    throw new BalanceNotZeroException(id, window.window(), window.balance());
                }
            }
            Booking checkedOut = leaving.moveTo(BookingStatus.CHECKED_OUT, clock.instant());
            engine.change(booking.claim(), checkedOut.claim()).settleWith(transactions);
            Booking saved = bookings.save(checkedOut);
            if (saved.roomNumber() != null) {
                rooms.findBy(propertyId, saved.roomNumber()).ifPresent(room -> rooms.save(room.withHousekeeping(HousekeepingStatus.DIRTY)));
            }
            loyalty.earn(saved.guestId(), spent(windows), "stay:" + id);
            events.record(propertyId, id.value(), new ReservationEvent.BookingCheckedOut(ReservationEvent.Summary.of(saved)));
            return saved;
        });
    }

    /** What a stay earns loyalty points on: room, extras and fees, without taxes, on every window. */
    private static Money spent(List<Folio> windows) {
        Money spent = Money.zero(windows.getFirst().currency());
        for (Folio folio : windows) {
            for (FolioLine line : folio.lines()) {
                if (line.kind() == FolioLineKind.ROOM || line.kind() == FolioLineKind.EXTRA || line.kind() == FolioLineKind.FEE) {
                    spent = spent.plus(line.amount());
                }
            }
        }
        return spent;
    }
}
