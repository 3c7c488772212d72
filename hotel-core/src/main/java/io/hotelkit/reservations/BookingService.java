package io.hotelkit.reservations;

import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.availability.Offer;
import io.hotelkit.billing.DepositService;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.guests.Guest;
import io.hotelkit.guests.GuestErasedException;
import io.hotelkit.guests.GuestService;
import io.hotelkit.internal.CardTokens;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.Rooms;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotAvailableException;
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
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Booking and changing a stay, and reading bookings. Every operation is one transaction: the booking,
 * its folio, its inventory and its events change together or not at all. What happens to a booking
 * later is the {@link FrontDesk}'s (check-in, check-out, rooms), {@link Cancellations}' (cancelling,
 * no-shows) and {@link FolioCharges}' (extras on the folio).
 */
public final class BookingService {

    private final Properties properties;
    private final Rooms rooms;
    private final Bookings bookings;
    private final Blocks blocks;
    private final Folios folios;
    private final GuestService guests;
    private final UnitOfWork transactions;
    private final Idempotency idempotency;
    private final AvailabilityEngine engine;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;
    private final BookingRecords records;
    private final @Nullable RatePlans ratePlans;
    private final @Nullable DepositService deposits;

    public BookingService(Properties properties, Rooms rooms, Bookings bookings, Blocks blocks, Folios folios,
            GuestService guests, UnitOfWork transactions, Idempotency idempotency, AvailabilityEngine engine, Events events,
            IdGenerator ids, Clock clock) {
        this(properties, rooms, bookings, blocks, folios, guests, transactions, idempotency, engine, events, ids, clock, null, null);
    }

    /**
     * A booking service that freezes each new booking's deposit from its rate plan's {@link
     * io.hotelkit.rates.DepositPolicy} (with {@code deposits}).
     */
    public BookingService(Properties properties, Rooms rooms, Bookings bookings, Blocks blocks, Folios folios,
            GuestService guests, UnitOfWork transactions, Idempotency idempotency, AvailabilityEngine engine, Events events,
            IdGenerator ids, Clock clock, @Nullable RatePlans ratePlans, @Nullable DepositService deposits) {
        this.ratePlans = ratePlans;
        this.deposits = deposits;
        this.properties = Objects.requireNonNull(properties, "properties");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.guests = Objects.requireNonNull(guests, "guests");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.records = new BookingRecords(bookings, folios);
    }

    // ---- reading ------------------------------------------------------------------------------------

    public Booking booking(BookingId id) {
        return records.booking(id);
    }

    /** The booking, if it is of that property; another property's booking is not found. */
    public Booking booking(PropertyId propertyId, BookingId id) {
        return records.booking(propertyId, id);
    }

    public List<Booking> bookings(BookingFilter filter, @Nullable BookingId afterId, int limit) {
        if (filter.propertyId() != null) {
            properties.require(filter.propertyId());
        }
        return bookings.list(filter, afterId, limit);
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
        return idempotency.once(idempotencyKey, Idempotency.Request.of("book").with("booking", request), () -> create(request),
                booking -> booking.id().value(), id -> booking(BookingId.of(id)));
    }

    private Booking create(BookingRequest request) {
        Prepared prepared = prepare(request);
        return transactions.inTransaction(() -> insert(prepared, guestOf(request), prepared.offer().nightlyAmounts(),
                prepared.offer().total(), ids.confirmationCode(), booking -> booking));
    }

    /** A request checked and quoted, outside any transaction: what {@link #insert} books. */
    record Prepared(BookingRequest request, Property property, String roomType, Offer offer, @Nullable String cardToken) {}

    /** What the plan of a prepared booking includes besides the room. */
    List<io.hotelkit.rates.RatePackage> packages(Prepared prepared) {
        return engine.packages(prepared.property().id(), prepared.offer().ratePlan());
    }

    /** Checks a request and quotes its stay; the transaction that books it re-checks the inventory. */
    Prepared prepare(BookingRequest request) {
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
        return new Prepared(request, property, roomType, offer, cardToken);
    }

    /**
     * Books a prepared request inside the caller's transaction at these prices: claims its nights from the
     * engine (refused at once if taken), saves the booking and its folio, records the event.
     *
     * @param asRoom makes the new booking a room of a reservation, or leaves it alone
     */
    Booking insert(Prepared prepared, Guest guest, List<Money> nightly, Money total, String confirmationCode,
            UnaryOperator<Booking> asRoom) {
        BookingRequest request = prepared.request();
        Property property = prepared.property();
        Instant now = clock.instant();
        Booking booking = asRoom.apply(new Booking(BookingId.of(ids.next()), property.id(), confirmationCode, guest.id(),
                prepared.roomType(), request.roomNumber(), request.roomNumber() != null, request.ratePlan(), request.block(),
                request.stay(), request.occupancy(), nightly, total, prepared.offer().cancellationPolicy(),
                BookingStatus.CONFIRMED, request.specialRequests(), prepared.cardToken(), events.actor(), now, now, null, 0));
        engine.change(null, booking.claim()).settleWith(transactions);
        // The folio first: a store that guards nights with row locks (the JPA store's type nights) then holds
        // them for less of the transaction. A refused booking rolls the folio back with the transaction.
        folios.save(Folio.open(booking.id(), property.id(), guest.id(), property.currency()));
        Booking saved = bookings.save(booking);
        openDeposit(property, saved);
        events.record(property.id(), saved.id().value(), new ReservationEvent.BookingCreated(ReservationEvent.Summary.of(saved)));
        return saved;
    }

    /** Freezes the new booking's deposit as its rate plan asks now. */
    private void openDeposit(Property property, Booking booking) {
        if (deposits == null || ratePlans == null) {
            return;
        }
        ratePlans.findBy(property.id(), booking.ratePlan()).ifPresent(plan -> deposits.open(property, booking.id(),
                plan.depositPolicy(), booking.nightly(), booking.stay().checkin()));
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

    Guest guestOf(BookingRequest request) {
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
            int children = changes.children() != null ? changes.children() : booking.occupancy().children();
            // the children's ages stay while their number does; a new number of children has no ages
            Occupancy occupancy = children == booking.occupancy().children()
                    ? new Occupancy(changes.adults() != null ? changes.adults() : booking.occupancy().adults(), children,
                            booking.occupancy().childrenAges())
                    : Occupancy.of(changes.adults() != null ? changes.adults() : booking.occupancy().adults(), children);
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
            Money total = BookingRecords.stayTotal(property, engine.packages(propertyId, booking.ratePlan()), nightly, occupancy);
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
            if (deposits != null && (!saved.nightly().equals(booking.nightly()) || !saved.stay().equals(booking.stay()))) {
                deposits.reprice(properties.require(propertyId), saved.id(), saved.nightly(), saved.stay().checkin());
            }
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
}
