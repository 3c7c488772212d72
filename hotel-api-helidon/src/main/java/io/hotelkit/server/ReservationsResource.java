package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.HttpService;
import io.hotelkit.access.Role;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingChanges;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.Cancellations;
import io.hotelkit.reservations.ChannelRef;
import io.hotelkit.reservations.Reservation;
import io.hotelkit.reservations.ReservationRequest;
import io.hotelkit.reservations.ReservationService;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.shared.UnitOfWork;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/properties/{propertyId}/reservations}: several rooms booked at once, all or none, under one
 * confirmation code; and {@code .../bookings/by-external-ref/{source}/{externalRef}}: a channel's booking read,
 * changed and cancelled by the channel's own reference. A channel sees only what its key booked; any other
 * reservation is 404 to it.
 */
final class ReservationsResource implements HttpService {

    /** A channel's code, as a room type's code. */
    static final String SOURCE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}";
    /** A channel's confirmation: it travels in a path, so it is plain letters, digits and {@code _ . - :}. */
    static final String EXTERNAL_REF = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";
    /** A name with something in it besides spaces. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    private final ReservationService reservations;
    private final Cancellations cancellations;
    private final InventoryService inventory;
    private final GuestScope guestScope;
    private final UnitOfWork transactions;
    private final Idempotent idempotent;
    private final Meters meters;

    ReservationsResource(ReservationService reservations, Cancellations cancellations, InventoryService inventory,
                         GuestScope guestScope, UnitOfWork transactions, Idempotent idempotent, Meters meters) {
        this.inventory = inventory;
        this.reservations = reservations;
        this.cancellations = cancellations;
        this.guestScope = guestScope;
        this.transactions = transactions;
        this.idempotent = idempotent;
        this.meters = meters;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_RESERVATION, NewReservation.class,
                        resentByChannel(idempotent.creating(this::create), NewReservation::channelRef,
                                reservation -> Reply.ok(Views.ReservationView.of(reservation))))
                .handle(Route.GET_RESERVATION, this::get)
                .handle(Route.CANCEL_RESERVATION, BookingsResource.Cancellation.class, new BookingsResource.Cancellation(null),
                        this::cancel)
                .handle(Route.GET_BOOKING_BY_EXTERNAL_REF, this::getByRef)
                .handle(Route.MODIFY_BOOKING_BY_EXTERNAL_REF, RoomChanges.class, this::modifyByRef)
                .handle(Route.CANCEL_BOOKING_BY_EXTERNAL_REF, RoomCancellation.class, new RoomCancellation(null, null),
                        this::cancelByRef));
    }

    /**
     * Rooms booked together by one guest (or for one, named per room); {@code rate_plan} for every room that
     * names none. {@code source} and {@code external_ref} together make it a channel's reservation.
     */
    record NewReservation(
            @Nullable @Size(min = 1, max = 64) String guestId,
            BookingsResource.@Nullable @Valid NewBookingGuest guest,
            @NotBlank @Size(max = 32) String ratePlan,
            @NotNull LocalDate checkinDate,
            @NotNull LocalDate checkoutDate,
            @Nullable @Pattern(regexp = SOURCE) String source,
            @Nullable @Pattern(regexp = EXTERNAL_REF) String externalRef,
            @Nullable @Size(max = Booking.MAX_SPECIAL_REQUESTS) String specialRequests,
            @Nullable @Size(min = 1, max = 255) String cardToken,
            @NotNull @Size(min = 1, max = ReservationRequest.MAX_ROOMS) List<@NotNull @Valid RoomBody> rooms) {

        @Nullable ChannelRef channelRef() {
            return BookingsResource.channelRef(source, externalRef);
        }
    }

    /** One room of a reservation. */
    record RoomBody(
            @NotBlank @Size(max = 32) String roomType,
            @NotNull @Min(1) @Max(100) Integer adults,
            @Nullable @Min(0) @Max(100) Integer children,
            @Nullable @Size(min = 1, max = Booking.MAX_GUEST_NAME) @Pattern(regexp = NOT_BLANK) String guestName,
            @Nullable @Size(min = 1, max = 32) String ratePlan,
            @Nullable Money roomPrice) {}

    /** What is given changes, what is left out stays; {@code room} is which room of the reservation (0 if it has one). */
    record RoomChanges(
            @Nullable @Min(0) @Max(ReservationRequest.MAX_ROOMS - 1) Integer room,
            @Nullable LocalDate checkinDate,
            @Nullable LocalDate checkoutDate,
            @Nullable @Size(min = 1, max = 32) String roomType,
            @Nullable @Min(1) @Max(100) Integer adults,
            @Nullable @Min(0) @Max(100) Integer children,
            @Nullable @Size(max = Booking.MAX_SPECIAL_REQUESTS) String specialRequests) {}

    /** Without {@code room}, every room of the reservation is cancelled; with it, that room alone. */
    record RoomCancellation(
            @Nullable @Min(0) @Max(ReservationRequest.MAX_ROOMS - 1) Integer room,
            @Nullable @Size(max = 500) String reason) {}

    private Reply create(ServerRequest req, NewReservation body) {
        PropertyId property = Params.property(req);
        Stay stay = Params.stay(body.checkinDate(), body.checkoutDate());
        Caller caller = Caller.of(req);
        if (body.guestId() != null) {
            guestScope.requireForBooking(caller, GuestId.of(body.guestId()));
        }
        if (body.guest() != null) {
            guestScope.requireLinkable(caller, body.guest().email());
        }
        NewGuest guest = body.guest() == null ? null
                : new NewGuest(body.guest().name(), body.guest().email(), body.guest().phone(), null, null, false);
        List<ReservationRequest.Room> rooms = new ArrayList<>();
        for (int i = 0; i < body.rooms().size(); i++) {
            RoomBody room = body.rooms().get(i);
            rooms.add(new ReservationRequest.Room(new BookingRequest(property,
                    body.guestId() == null ? null : GuestId.of(body.guestId()), guest, room.roomType(), null,
                    room.ratePlan() != null ? room.ratePlan() : body.ratePlan(), stay,
                    Occupancy.of(room.adults(), room.children() == null ? 0 : room.children()), null, body.specialRequests(),
                    body.cardToken()), room.guestName(), roomPrice(property, room.roomPrice(), "rooms[" + i + "].room_price")));
        }
        ReservationService.Booked booked = reservations.book(new ReservationRequest(rooms, body.channelRef()));
        Reservation reservation = booked.created() ? booked.reservation() : sentBefore(req, booked.reservation());
        if (!booked.created()) {
            return Reply.ok(Views.ReservationView.of(reservation));
        }
        Role role = caller.role();
        transactions.afterCommit(() -> reservation.rooms().forEach(room -> meters.bookingCreated(role)));
        return Reply.created(location(reservation), Views.ReservationView.of(reservation));
    }

    /** A room price a request sent in {@code field}: in the property's currency, or 400 naming the field. */
    @Nullable Money roomPrice(PropertyId property, @Nullable Money price, String field) {
        return price == null ? null : Params.inCurrency(price, inventory.property(property).currency(), field);
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(Views.ReservationView.of(visible(req, reservations.reservation(Params.property(req),
                Params.reservation(req)))));
    }

    private Reply cancel(ServerRequest req, BookingsResource.Cancellation body) {
        PropertyId property = Params.property(req);
        visible(req, reservations.reservation(property, Params.reservation(req)));
        Reservation cancelled = reservations.cancel(property, Params.reservation(req), body.reason());
        meters.bookingCancelled(Caller.of(req).role());
        return Reply.ok(Views.ReservationView.of(cancelled));
    }

    private Reply getByRef(ServerRequest req) {
        return Reply.ok(Views.ReservationView.of(visible(req, reservations.reservation(Params.property(req),
                Params.channelRef(req)))));
    }

    private Reply modifyByRef(ServerRequest req, RoomChanges body) {
        PropertyId property = Params.property(req);
        ChannelRef ref = Params.channelRef(req);
        visible(req, reservations.reservation(property, ref));
        Booking changed = reservations.modify(property, ref, body.room() == null ? 0 : body.room(), IfMatch.optionalVersion(req),
                new BookingChanges(body.checkinDate(), body.checkoutDate(), body.roomType(), body.adults(), body.children(),
                        body.specialRequests()));
        return Reply.ok(Views.BookingView.of(changed)).withHeader("ETag", IfMatch.etag(changed.version()));
    }

    private Reply cancelByRef(ServerRequest req, RoomCancellation body) {
        PropertyId property = Params.property(req);
        ChannelRef ref = Params.channelRef(req);
        Reservation reservation = visible(req, reservations.reservation(property, ref));
        if (body.room() == null) {
            Reservation cancelled = reservations.cancel(property, ref, body.reason());
            meters.bookingCancelled(Caller.of(req).role());
            return Reply.ok(Views.ReservationView.of(cancelled));
        }
        if (body.room() >= reservation.rooms().size()) {
            throw new InvalidRequestException("room", "the reservation has rooms 0 to " + (reservation.rooms().size() - 1));
        }
        Booking room = reservation.room(body.room());
        return transactions.inTransaction(() -> {
            Booking cancelled = cancellations.cancel(property, room.id(), body.reason());
            meters.bookingCancelled(Caller.of(req).role());
            List<Booking> rooms = new ArrayList<>(reservation.rooms());
            rooms.set(body.room(), cancelled);
            return Reply.ok(Views.ReservationView.of(new Reservation(reservation.id(), reservation.propertyId(),
                    reservation.confirmationCode(), reservation.channel(), rooms)));
        });
    }

    /**
     * A reservation its channel reference booked before: the caller's, or to a channel that is not its
     * booker a 409 that tells nothing of it.
     */
    static Reservation sentBefore(ServerRequest req, Reservation reservation) {
        try {
            return visible(req, reservation);
        } catch (NotFoundException anothersKey) {
            ChannelRef ref = reservation.channel();
            throw new DuplicateException("booking with external ref", ref == null ? "?" : ref.toString(), null);
        }
    }

    /** The reservation, if the caller may see it: a channel only sees what its own key booked. */
    private static Reservation visible(ServerRequest req, Reservation reservation) {
        Caller caller = Caller.of(req);
        if (caller.role() == Role.CHANNEL && !caller.id().equals(reservation.room(0).createdBy())) {
            throw new NotFoundException("reservation", reservation.id().value());
        }
        return reservation;
    }

    static String location(Reservation reservation) {
        return "/v1/properties/" + reservation.propertyId().value() + "/reservations/" + reservation.id().value();
    }

    /**
     * {@code create}, and for a channel's request that lost a race for its reference (the other request's
     * transaction committed it first, and the store's unique key refused this one, ending its transaction),
     * the reservation the other made, read in a transaction of its own.
     */
    <T> Routes.BodyEndpoint<T> resentByChannel(Routes.BodyEndpoint<T> create, Function<T, @Nullable ChannelRef> refOf,
            Function<Reservation, Reply> reply) {
        return (req, body) -> {
            try {
                return create.handle(req, body);
            } catch (DuplicateException taken) {
                ChannelRef ref = refOf.apply(body);
                if (ref == null) {
                    throw taken;
                }
                Reservation existing;
                try {
                    existing = transactions.inTransaction(() -> reservations.reservation(Params.property(req), ref));
                } catch (NotFoundException none) {
                    throw taken;
                }
                return reply.apply(sentBefore(req, existing));
            }
        };
    }
}
