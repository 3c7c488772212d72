package io.hotelkit.reservations;

import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.availability.Offer;
import io.hotelkit.billing.BalanceNotZeroException;
import io.hotelkit.billing.BillingEvent;
import io.hotelkit.internal.CardTokens;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.RoomCharges;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.GuestErasedException;
import io.hotelkit.guests.GuestService;
import io.hotelkit.guests.Loyalty;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.shared.UnitOfWork;
import io.hotelkit.shared.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A booking's whole life: booking, changing, room assignment, cancelling, check-in, check-out, no-show.
 * Every operation is one transaction: the booking, its folio, its inventory and its events change
 * together or not at all.
 */
public final class BookingService {

    private final Properties properties;
    private final Rooms rooms;
    private final Bookings bookings;
    private final Blocks blocks;
    private final Folios folios;
    private final GuestService guests;
    private final Loyalty loyalty;
    private final UnitOfWork transactions;
    private final Idempotency idempotency;
    private final AvailabilityEngine engine;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;
    private final RoomAssignment assignment;

    public BookingService(Properties properties, Rooms rooms, Bookings bookings, Blocks blocks, Folios folios,
            GuestService guests, Loyalty loyalty, UnitOfWork transactions, Idempotency idempotency, AvailabilityEngine engine,
            Events events, IdGenerator ids, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.guests = Objects.requireNonNull(guests, "guests");
        this.loyalty = Objects.requireNonNull(loyalty, "loyalty");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.assignment = new RoomAssignment(bookings, rooms);
    }

    // ---- reading ------------------------------------------------------------------------------------

    public Booking booking(BookingId id) {
        return bookings.findBy(Objects.requireNonNull(id, "booking id")).orElseThrow(() -> new NotFoundException("booking", id));
    }

    /** The booking, if it is of that property; another property's booking is not found. */
    public Booking booking(PropertyId propertyId, BookingId id) {
        return bookings.findBy(Objects.requireNonNull(propertyId, "property id"), Objects.requireNonNull(id, "booking id"))
                .orElseThrow(() -> new NotFoundException("booking", id));
    }

    public List<Booking> bookings(BookingFilter filter, @Nullable BookingId afterId, int limit) {
        if (filter.propertyId() != null) {
            properties.require(filter.propertyId());
        }
        return bookings.list(filter, afterId, limit);
    }

    /** As {@link #booking(PropertyId, BookingId)}, read to be changed in the current transaction. */
    private Booking bookingForUpdate(PropertyId propertyId, BookingId id) {
        return bookings.findForUpdate(Objects.requireNonNull(propertyId, "property id"), Objects.requireNonNull(id, "booking id"))
                .orElseThrow(() -> new NotFoundException("booking", id));
    }

    // ---- booking ------------------------------------------------------------------------------------

    /**
     * Books a stay at the price offered now, which the booking keeps whatever rates do later.
     *
     * @param idempotencyKey a client's key: a retry with the same key and request returns the booking the
     *     first one made
     * @throws NotAvailableException if a night is sold out, the room is taken, or a restriction refuses it
     */
    public Booking book(BookingRequest request, @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(request, "booking request");
        if (idempotencyKey == null) { // what once() does without a key, without rendering the request first
            return transactions.inTransaction(() -> create(request));
        }
        return idempotency.once(idempotencyKey, request.toString(), () -> create(request),
                booking -> booking.id().value(), id -> booking(BookingId.of(id)));
    }

    private Booking create(BookingRequest request) {
        Property property = properties.require(request.propertyId());
        property.requireSellable(request.stay());
        String cardToken = request.cardToken() == null ? null : CardTokens.requireToken("card_token", request.cardToken());
        String roomType = roomTypeOf(request);
        String ratePlan = request.ratePlan();
        if (request.block() != null) {
            Block block = blocks.findBy(property.id(), request.block())
                    .orElseThrow(() -> new InvalidRequestException("block", "property has no block '" + request.block() + "'"));
            if (!block.roomType().equals(roomType)) {
                throw new InvalidRequestException("room_type", "block " + block.code() + " holds room type " + block.roomType());
            }
            if (!block.ratePlan().equals(ratePlan)) {
                throw new InvalidRequestException("rate_plan", "block " + block.code() + " sells at rate plan " + block.ratePlan());
            }
        }
        Offer offer = engine.quote(property.id(), roomType, ratePlan, request.stay(), request.occupancy());
        return transactions.inTransaction(() -> {
            Guest guest = guestOf(request);
            Instant now = clock.instant();
            Booking booking = new Booking(BookingId.of(ids.next()), property.id(), ids.confirmationCode(), guest.id(), roomType,
                    request.roomNumber(), request.roomNumber() != null, ratePlan, request.block(), request.stay(),
                    request.occupancy(), offer.nightlyAmounts(), offer.total(), offer.cancellationPolicy(),
                    BookingStatus.CONFIRMED, request.specialRequests(), cardToken, events.actor(), now, now, null, 0);
            engine.change(null, booking.claim()).settleWith(transactions);
            Booking saved = bookings.save(booking);
            folios.save(Folio.open(saved.id(), property.id(), guest.id(), property.currency()));
            events.record(property.id(), saved.id().value(), new ReservationEvent.BookingCreated(ReservationEvent.Summary.of(saved)));
            return saved;
        });
    }

    private String roomTypeOf(BookingRequest request) {
        if (request.roomNumber() == null) {
            if (request.roomType() == null) {
                throw new InvalidRequestException("room_type", "give a room_type or a room_number");
            }
            return request.roomType();
        }
        Room room = rooms.findBy(request.propertyId(), request.roomNumber())
                .orElseThrow(() -> new InvalidRequestException("room_number", "property has no room '" + request.roomNumber() + "'"));
        if (request.roomType() != null && !request.roomType().equals(room.roomType())) {
            throw new InvalidRequestException("room_number",
                    "room " + room.number() + " is of room type " + room.roomType() + ", not " + request.roomType());
        }
        return room.roomType();
    }

    private Guest guestOf(BookingRequest request) {
        if ((request.guestId() == null) == (request.guest() == null)) {
            throw new InvalidRequestException("guest_id", "give either a guest_id or a guest, not both or neither");
        }
        if (request.guestId() != null) {
            Guest guest;
            try {
                guest = guests.guest(request.guestId());
            } catch (NotFoundException e) {
                throw new InvalidRequestException("guest_id", "no guest '" + request.guestId() + "'");
            }
            if (guest.isErased()) {
                throw new GuestErasedException(guest.id());
            }
            return guest;
        }
        return guests.findOrRegister(request.guest());
    }

    // ---- changing -----------------------------------------------------------------------------------

    /**
     * Changes dates, room type or guests, re-pricing and re-checking availability in one step; on any
     * refusal the booking is left exactly as it was. Nights the booking keeps keep their frozen price
     * unless the room type or the guests change; new nights are priced at today's rates.
     *
     * @param expectedVersion the version the caller read ({@code If-Match})
     */
    public Booking modify(PropertyId propertyId, BookingId id, long expectedVersion, BookingChanges changes) {
        Objects.requireNonNull(changes, "booking changes");
        return transactions.inTransaction(() -> {
            Booking booking = booking(propertyId, id);
            if (booking.version() != expectedVersion) {
                throw new VersionConflictException("booking", id.value(), expectedVersion, booking.version());
            }
            Property property = properties.require(propertyId);
            boolean inHouse = booking.status() == BookingStatus.CHECKED_IN;
            if (booking.status() != BookingStatus.CONFIRMED && !inHouse) {
                throw new BookingNotChangeableException(id, "it is " + booking.status().code());
            }
            LocalDate checkin = changes.checkinDate() != null ? changes.checkinDate() : booking.stay().checkin();
            LocalDate checkout = changes.checkoutDate() != null ? changes.checkoutDate() : booking.stay().checkout();
            if (!checkout.isAfter(checkin)) {
                throw new InvalidRequestException("checkout_date", "checkout date " + checkout + " must be after checkin date " + checkin);
            }
            Stay stay = Stay.of(checkin, checkout);
            String roomType = changes.roomType() != null ? changes.roomType() : booking.roomType();
            Occupancy occupancy = Occupancy.of(changes.adults() != null ? changes.adults() : booking.occupancy().adults(),
                    changes.children() != null ? changes.children() : booking.occupancy().children());
            boolean sameProduct = roomType.equals(booking.roomType()) && occupancy.equals(booking.occupancy());
            if (booking.block() != null && !roomType.equals(booking.roomType())) {
                throw new InvalidRequestException("room_type", "a booking from block " + booking.block() + " keeps its room type");
            }
            List<Money> nightly;
            if (inHouse) {
                if (!checkin.equals(booking.stay().checkin()) || !roomType.equals(booking.roomType())) {
                    throw new BookingNotChangeableException(id, "a guest in the house keeps the arrival date and room type");
                }
                if (!checkout.isAfter(property.businessDate())) {
                    throw new InvalidRequestException("checkout_date", "a guest in the house leaves after the business date "
                            + property.businessDate() + "; check out instead");
                }
                if (stay.nights() > property.maxStayNights()) {
                    throw new InvalidRequestException("checkout_date", "a stay of " + stay.nights()
                            + " nights is longer than the " + property.maxStayNights() + " the property sells");
                }
                if (!sameProduct) {
                    throw new BookingNotChangeableException(id, "a guest in the house keeps the number of guests");
                }
                nightly = inHousePrices(booking, stay, occupancy);
            } else {
                property.requireSellable(stay);
                Offer offer = engine.quote(propertyId, roomType, booking.ratePlan(), stay, occupancy);
                nightly = new ArrayList<>(offer.nightlyAmounts());
                if (sameProduct) {
                    for (int n = 0; n < stay.nights(); n++) {
                        LocalDate night = checkin.plusDays(n);
                        if (booking.stay().includesNight(night)) {
                            nightly.set(n, booking.priceOf(night));
                        }
                    }
                }
            }
            Money total = stayTotal(property, nightly, occupancy);
            String room = roomType.equals(booking.roomType()) ? booking.roomNumber() : null;
            String requests = changes.specialRequests() != null
                    ? (changes.specialRequests().isBlank() ? null : changes.specialRequests())
                    : booking.specialRequests();
            Booking changed = booking.withStay(stay, roomType, occupancy, nightly, total, room, requests, clock.instant());
            try {
                engine.change(booking.claim(), changed.claim()).settleWith(transactions);
            } catch (NotAvailableException taken) {
                boolean movable = booking.status() == BookingStatus.CONFIRMED && !booking.roomRequested();
                if (taken.reason() != NotAvailableException.Reason.ROOM_TAKEN || !movable) {
                    throw taken;
                }
                changed = changed.withRoom(null, false, changed.updatedAt()); // its room is taken then: assigned again later
                engine.change(booking.claim(), changed.claim()).settleWith(transactions);
            }
            Booking saved = bookings.save(changed);
            events.record(propertyId, id.value(), new ReservationEvent.BookingModified(ReservationEvent.Summary.of(saved),
                    booking.stay().checkin(), booking.stay().checkout(), booking.roomType()));
            return saved;
        });
    }

    private List<Money> inHousePrices(Booking booking, Stay stay, Occupancy occupancy) {
        List<Money> nightly = new ArrayList<>();
        LocalDate keptUntil = booking.stay().checkout().isBefore(stay.checkout()) ? booking.stay().checkout() : stay.checkout();
        for (LocalDate night = stay.checkin(); night.isBefore(keptUntil); night = night.plusDays(1)) {
            nightly.add(booking.priceOf(night));
        }
        if (stay.checkout().isAfter(keptUntil)) {
            Offer extension = engine.quoteExtension(booking.propertyId(), booking.roomType(), booking.ratePlan(),
                    Stay.of(keptUntil, stay.checkout()), occupancy);
            nightly.addAll(extension.nightlyAmounts());
        }
        return nightly;
    }

    // ---- rooms --------------------------------------------------------------------------------------

    /**
     * Gives the booking this room, moving bookings that have not arrived to other rooms of the type if
     * that makes the room free. Unlike a room the guest asked for when booking, an assigned room may be
     * changed later by the same means, to make room for another guest.
     */
    public Booking assignRoom(PropertyId propertyId, BookingId id, String roomNumber) {
        Objects.requireNonNull(roomNumber, "room number");
        return transactions.inTransaction(() -> {
            Booking booking = booking(propertyId, id);
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

    // ---- the status machine -------------------------------------------------------------------------

    /**
     * Cancels the booking. If the cancellation policy charges a fee on this business date, the fee goes to
     * the folio.
     */
    public Booking cancel(PropertyId propertyId, BookingId id, @Nullable String reason) {
        return transactions.inTransaction(() -> {
            Booking booking = bookingForUpdate(propertyId, id);
            booking.requireTransition(BookingStatus.CANCELLED);
            Property property = properties.require(propertyId);
            Money fee = booking.cancellationPolicy().cancellationFee(booking.nightly(), booking.stay().checkin(),
                    property.businessDate(), property.rounding());
            return release(booking, booking.cancelled(reason, clock.instant()), property, fee, "Cancellation fee",
                    "cancellation", EventType.BOOKING_CANCELLED);
        });
    }

    /** Marks a booking whose guest did not arrive; the policy's no-show fee goes to the folio. */
    public Booking markNoShow(PropertyId propertyId, BookingId id) {
        return transactions.inTransaction(() -> {
            Booking booking = booking(propertyId, id);
            booking.requireTransition(BookingStatus.NO_SHOW);
            Property property = properties.require(propertyId);
            if (property.businessDate().isBefore(booking.stay().checkin())) {
                throw new BookingNotChangeableException(id, "its guest is due on " + booking.stay().checkin()
                        + ", after the business date " + property.businessDate());
            }
            return noShow(booking, property);
        });
    }

    /**
     * Records a no-show of a confirmed booking, with its fee, inside the caller's transaction: the night
     * audit's way to mark the guests who did not arrive.
     */
    public Booking noShow(Booking booking, Property property) {
        booking.requireTransition(BookingStatus.NO_SHOW);
        Money fee = booking.cancellationPolicy().noShowFee(booking.nightly(), property.rounding());
        return release(booking, booking.moveTo(BookingStatus.NO_SHOW, clock.instant()), property, fee, "No-show fee", "no_show",
                EventType.BOOKING_NO_SHOW);
    }

    /** Ends a booking that never began: its nights go back to inventory and the policy's fee to the folio. */
    private Booking release(Booking booking, Booking ended, Property property, Money fee, String feeDescription,
            String feeReference, EventType event) {
        engine.change(booking.claim(), null).settleWith(transactions);
        Booking saved = bookings.save(ended);
        postFee(booking, property, fee, feeDescription, feeReference);
        ReservationEvent.Summary summary = ReservationEvent.Summary.of(saved);
        events.record(property.id(), saved.id().value(), event == EventType.BOOKING_NO_SHOW
                ? new ReservationEvent.BookingNoShow(summary, fee)
                : new ReservationEvent.BookingCancelled(summary, fee));
        return saved;
    }

    /**
     * Checks the guest in, on the arrival date, to the booking's room, the given one, or the best free
     * one that is ready (moving bookings that have not arrived if need be).
     *
     * @throws RoomNotReadyException if the room is dirty or out of order
     */
    public Booking checkIn(PropertyId propertyId, BookingId id, @Nullable String roomNumber) {
        return transactions.inTransaction(() -> {
            Booking booking = booking(propertyId, id);
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
     * remaining nights back; a night not yet charged by the night audit is charged now. The room becomes
     * dirty.
     *
     * @throws BalanceNotZeroException while the folio's balance, with the nights still to charge, is not zero
     */
    public Booking checkOut(PropertyId propertyId, BookingId id) {
        return transactions.inTransaction(() -> {
            Booking booking = booking(propertyId, id);
            booking.requireTransition(BookingStatus.CHECKED_OUT);
            Property property = properties.require(propertyId);
            LocalDate today = property.businessDate();
            Booking leaving = booking;
            if (today.isBefore(booking.stay().checkout())) {
                LocalDate departure = today.isAfter(booking.stay().checkin()) ? today : booking.stay().checkin().plusDays(1);
                Stay stay = Stay.of(booking.stay().checkin(), departure);
                List<Money> nightly = booking.nightly().subList(0, stay.nights());
                leaving = booking.withStay(stay, booking.roomType(), booking.occupancy(), nightly,
                        stayTotal(property, nightly, booking.occupancy()), booking.roomNumber(), booking.specialRequests(),
                        clock.instant());
            }
            Folio folio = folios.findBy(propertyId, id).orElseThrow(() -> new NotFoundException("folio of booking", id));
            Folio charged = folio;
            for (LocalDate night = leaving.stay().checkin(); night.isBefore(leaving.stay().checkout()); night = night.plusDays(1)) {
                charged = RoomCharges.postNight(charged, night, leaving.priceOf(night), leaving.occupancy(), property, ids,
                        clock.instant());
            }
            if (!charged.balance().isZero()) {
                throw new BalanceNotZeroException(id, charged.balance());
            }
            if (charged != folio) {
                folios.save(charged);
            }
            Booking checkedOut = leaving.moveTo(BookingStatus.CHECKED_OUT, clock.instant());
            engine.change(booking.claim(), checkedOut.claim()).settleWith(transactions);
            Booking saved = bookings.save(checkedOut);
            if (saved.roomNumber() != null) {
                rooms.findBy(propertyId, saved.roomNumber()).ifPresent(room -> rooms.save(room.withHousekeeping(HousekeepingStatus.DIRTY)));
            }
            loyalty.earn(saved.guestId(), spent(charged), "stay:" + id);
            events.record(propertyId, id.value(), new ReservationEvent.BookingCheckedOut(ReservationEvent.Summary.of(saved)));
            return saved;
        });
    }

    // ---- the folio ----------------------------------------------------------------------------------

    public Folio folio(PropertyId propertyId, BookingId id) {
        booking(propertyId, id);
        return folios.findBy(propertyId, id).orElseThrow(() -> new NotFoundException("folio of booking", id));
    }

    /**
     * Posts an extra (minibar, restaurant, parking) to the folio of a booking that is confirmed or in the
     * house.
     *
     * @param date the business date it belongs to; today's when null, never a later one
     */
    public FolioLine charge(PropertyId propertyId, BookingId id, String description, Money amount, String category,
            @Nullable LocalDate date, @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(amount, "amount").requirePositive("a charge");
        String request = String.join("|", "charge", propertyId.value(), id.value(), String.valueOf(description), amount.toString(),
                String.valueOf(category), String.valueOf(date));
        return idempotency.once(idempotencyKey, request, () -> {
            Booking booking = booking(propertyId, id);
            if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.CHECKED_IN) {
                throw new BookingNotChangeableException(id, "its folio is closed: it is " + booking.status().code());
            }
            Property property = properties.require(propertyId);
            amount.requireCurrency(property.currency());
            LocalDate on = date != null ? date : property.businessDate();
            if (on.isAfter(property.businessDate())) {
                throw new InvalidRequestException("date", "a charge cannot be dated after the business date " + property.businessDate());
            }
            if (category == null || !category.matches("[a-z][a-z_]{0,31}")) {
                throw new InvalidRequestException("category", "a category is 1 to 32 lower-case letters and '_', such as 'minibar'");
            }
            Folio folio = folio(propertyId, id);
            FolioLine line = new FolioLine(ids.next(), on, FolioLineKind.EXTRA, description, amount, null, clock.instant());
            folios.save(folio.post(line));
            events.record(propertyId, id.value(), new BillingEvent.ExtraCharged(category, amount.amount()));
            return line;
        }, FolioLine::id, lineId -> folio(propertyId, id).lines().stream()
                .filter(line -> line.id().equals(lineId)).findFirst().orElseThrow());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** What a stay earns loyalty points on: room, extras and fees, without taxes. */
    private static Money spent(Folio folio) {
        Money spent = Money.zero(folio.currency());
        for (FolioLine line : folio.lines()) {
            if (line.kind() == FolioLineKind.ROOM || line.kind() == FolioLineKind.EXTRA || line.kind() == FolioLineKind.FEE) {
                spent = spent.plus(line.amount());
            }
        }
        return spent;
    }

    private void postFee(Booking booking, Property property, Money fee, String description, String reference) {
        if (fee.isZero()) {
            return;
        }
        Folio folio = folios.findBy(booking.propertyId(), booking.id()).orElseThrow(() -> new NotFoundException("folio of booking", booking.id()));
        folios.save(folio.post(new FolioLine(ids.next(), property.businessDate(), FolioLineKind.FEE, description, fee,
                reference, clock.instant())));
    }

    private static Money stayTotal(Property property, List<Money> nightly, Occupancy occupancy) {
        long total = 0;
        for (Money night : nightly) {
            total += property.taxes().nightTotalMinor(night.minorUnits(), occupancy, property.rounding());
        }
        return Money.ofMinor(total, property.currency());
    }
}
