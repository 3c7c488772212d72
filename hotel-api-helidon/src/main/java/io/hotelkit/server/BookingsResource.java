package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.access.Role;
import io.hotelkit.guests.NewGuest;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingChanges;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.BookingRequest;
import io.hotelkit.reservations.BookingService;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.Cancellations;
import io.hotelkit.reservations.ChannelRef;
import io.hotelkit.reservations.Reservation;
import io.hotelkit.reservations.ReservationRequest;
import io.hotelkit.reservations.ReservationService;
import io.hotelkit.shared.Money;
import io.hotelkit.reservations.FrontDesk;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import io.hotelkit.shared.UnitOfWork;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/properties/{propertyId}/bookings}: booking a stay, finding bookings, changing them under
 * {@code If-Match}, and moving them through their life. A channel sees only the bookings its key made;
 * any other is 404 to it.
 */
final class BookingsResource implements HttpService {

    private final BookingService bookings;
    private final ReservationsResource reservationsResource;
    private final ReservationService reservations;
    private final FrontDesk frontDesk;
    private final Cancellations cancellations;
    private final GuestScope guestScope;
    private final UnitOfWork transactions;
    private final Idempotent idempotent;
    private final Meters meters;

    BookingsResource(BookingService bookings, ReservationsResource reservationsResource, ReservationService reservations,
                     FrontDesk frontDesk, Cancellations cancellations, GuestScope guestScope, UnitOfWork transactions,
                     Idempotent idempotent, Meters meters) {
        this.reservationsResource = reservationsResource;
        this.reservations = reservations;
        this.guestScope = guestScope;
        this.bookings = bookings;
        this.frontDesk = frontDesk;
        this.cancellations = cancellations;
        this.transactions = transactions;
        this.idempotent = idempotent;
        this.meters = meters;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_BOOKING, NewBooking.class, reservationsResource.resentByChannel(
                        idempotent.creating(this::create), NewBooking::channelRef, BookingsResource::firstRoom))
                .handle(Route.LIST_BOOKINGS, this::list)
                .handle(Route.GET_BOOKING, this::get)
                .handle(Route.MODIFY_BOOKING, Changes.class, this::modify)
                .handle(Route.ASSIGN_ROOM, RoomAssignment.class, this::assignRoom)
                .handle(Route.CANCEL_BOOKING, Cancellation.class, new Cancellation(null), this::cancel)
                .handle(Route.CHECK_IN, CheckIn.class, new CheckIn(null), this::checkIn)
                .handle(Route.CHECK_OUT, this::checkOut)
                .handle(Route.MARK_NO_SHOW, this::noShow));
    }

    /** Either {@code guest_id} or {@code guest}; either {@code room_type} or {@code room_number} (or both, if they agree). */
    record NewBooking(
            @Nullable @Size(min = 1, max = 64) String guestId,
            @Nullable @Valid NewBookingGuest guest,
            @Nullable @Size(min = 1, max = 32) String roomType,
            @Nullable @Size(min = 1, max = 32) String roomNumber,
            @NotBlank @Size(max = 32) String ratePlan,
            @NotNull LocalDate checkinDate,
            @NotNull LocalDate checkoutDate,
            @NotNull @Min(1) @Max(100) Integer adults,
            @Nullable @Min(0) @Max(100) Integer children,
            @Nullable @Size(max = 100) List<Integer> childrenAges,
            @Nullable @Size(min = 1, max = 32) String block,
            @Nullable @Size(max = Booking.MAX_SPECIAL_REQUESTS) String specialRequests,
            @Nullable @Size(min = 1, max = 255) String cardToken,
            @Nullable @Pattern(regexp = ReservationsResource.SOURCE) String source,
            @Nullable @Pattern(regexp = ReservationsResource.EXTERNAL_REF) String externalRef,
            @Nullable Money roomPrice,
            @Nullable @Size(min = 1, max = Booking.MAX_GUEST_NAME) @Pattern(regexp = ReservationsResource.NOT_BLANK)
            String guestName) {

        @Nullable ChannelRef channelRef() {
            return BookingsResource.channelRef(source, externalRef);
        }
    }

    /** A channel's reference from a body's {@code source} and {@code external_ref}, which come together or not at all. */
    static @Nullable ChannelRef channelRef(@Nullable String source, @Nullable String externalRef) {
        if (source == null && externalRef == null) {
            return null;
        }
        if (source == null) {
            throw new InvalidRequestException("source", "give the channel's source with its external_ref");
        }
        if (externalRef == null) {
            throw new InvalidRequestException("external_ref", "give the channel's external_ref with its source");
        }
        return ChannelRef.of(source, externalRef);
    }

    /** A booking sent before under the same channel reference: its first room, as the first answer showed it. */
    private static Reply firstRoom(Reservation reservation) {
        return withVersion(Reply.ok(Views.BookingView.of(reservation.room(0))), reservation.room(0));
    }

    /** A guest given with the booking: the guest with this email if there is one, else a new one. */
    record NewBookingGuest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Nullable @Size(min = 3, max = 32) String phone) {}

    /** What is given changes; what is left out stays. */
    record Changes(
            @Nullable LocalDate checkinDate,
            @Nullable LocalDate checkoutDate,
            @Nullable @Size(min = 1, max = 32) String roomType,
            @Nullable @Min(1) @Max(100) Integer adults,
            @Nullable @Min(0) @Max(100) Integer children,
            @Nullable @Size(max = Booking.MAX_SPECIAL_REQUESTS) String specialRequests) {}

    record RoomAssignment(@NotBlank @Size(max = 32) String roomNumber) {}

    record Cancellation(@Nullable @Size(max = 500) String reason) {}

    record CheckIn(@Nullable @Size(min = 1, max = 32) String roomNumber) {}

    private Reply create(ServerRequest req, NewBooking body) {
        PropertyId property = Params.property(req);
        Stay stay = Params.stay(body.checkinDate(), body.checkoutDate());
        // A guest out of the caller's reach is neither linked to the booking nor told of (GuestScope).
        Caller caller = Caller.of(req);
        if (body.guestId() != null) {
            guestScope.requireForBooking(caller, GuestId.of(body.guestId()));
        }
        if (body.guest() != null) {
            guestScope.requireLinkable(caller, body.guest().email());
        }
        NewGuest guest = body.guest() == null ? null
                : new NewGuest(body.guest().name(), body.guest().email(), body.guest().phone(), null, null, false);
        BookingRequest request = new BookingRequest(property, body.guestId() == null ? null : GuestId.of(body.guestId()),
                guest, body.roomType(), body.roomNumber(), body.ratePlan(), stay,
                Params.occupancy(body.adults(), body.children(), body.childrenAges(), ""), body.block(),
                body.specialRequests(), body.cardToken());
        ChannelRef channel = body.channelRef();
        Booking booking;
        if (channel == null && body.roomPrice() == null && body.guestName() == null) {
            booking = bookings.book(request, Idempotent.key(req));
        } else {
            // A channel's booking (or one with a price or a guest's name for the room): a reservation of one room.
            ReservationService.Booked booked = reservations.book(new ReservationRequest(
                    List.of(new ReservationRequest.Room(request, body.guestName(),
                            reservationsResource.roomPrice(property, body.roomPrice(), "room_price"))), channel));
            if (!booked.created()) {
                return firstRoom(ReservationsResource.sentBefore(req, booked.reservation()));
            }
            booking = booked.reservation().room(0);
        }
        Role role = caller.role();
        transactions.afterCommit(() -> meters.bookingCreated(role));
        return withVersion(Reply.created(location(booking), Views.BookingView.of(booking)), booking);
    }

    /**
     * In creation order; a channel's list holds only the bookings it made. {@code from} and {@code to} keep the
     * stays with a night in {@code [from, to)}.
     */
    private Reply list(ServerRequest req) {
        PropertyId property = Params.property(req);
        LocalDate from = Params.optionalDate(req, "from").orElse(null);
        LocalDate to = Params.optionalDate(req, "to").orElse(null);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        BookingFilter filter = new BookingFilter(property,
                Params.enumeration(req, "status", BookingStatus.class).orElse(null),
                Params.optionalDate(req, "checkin_date").orElse(null),
                Params.optionalDate(req, "checkout_date").orElse(null),
                Params.query(req, "guest_id").map(GuestId::of).orElse(null),
                ownerOnly(req), from, to);
        return Reply.ok(Page.Request.of(req).fetch(
                (after, limit) -> bookings.bookings(filter, after == null ? null : BookingId.of(after), limit),
                (Booking b) -> b.id().value()).map(Views.BookingView::of));
    }

    private Reply get(ServerRequest req) {
        Booking booking = visible(req);
        return withVersion(Reply.ok(Views.BookingView.of(booking)), booking);
    }

    /** Re-prices and re-checks availability in one step; on 409 the booking is left as it was. */
    private Reply modify(ServerRequest req, Changes body) {
        long version = IfMatch.version(req);
        Booking booking = bookings.modify(Params.property(req), Params.booking(req), version,
                new BookingChanges(body.checkinDate(), body.checkoutDate(), body.roomType(), body.adults(),
                        body.children(), body.specialRequests()));
        return withVersion(Reply.ok(Views.BookingView.of(booking)), booking);
    }

    private Reply assignRoom(ServerRequest req, RoomAssignment body) {
        return ok(frontDesk.assignRoom(Params.property(req), Params.booking(req), body.roomNumber()));
    }

    private Reply cancel(ServerRequest req, Cancellation body) {
        visible(req);
        Booking cancelled = cancellations.cancel(Params.property(req), Params.booking(req), body.reason());
        meters.bookingCancelled(Caller.of(req).role());
        return ok(cancelled);
    }

    private Reply checkIn(ServerRequest req, CheckIn body) {
        return ok(frontDesk.checkIn(Params.property(req), Params.booking(req), body.roomNumber()));
    }

    private Reply checkOut(ServerRequest req) {
        return ok(frontDesk.checkOut(Params.property(req), Params.booking(req)));
    }

    private Reply noShow(ServerRequest req) {
        return ok(cancellations.markNoShow(Params.property(req), Params.booking(req)));
    }

    /** The booking of the path, if the caller may see it: a channel only sees its own. */
    private Booking visible(ServerRequest req) {
        BookingId id = Params.booking(req);
        Booking booking = bookings.booking(Params.property(req), id);
        String owner = ownerOnly(req);
        if (owner != null && !owner.equals(booking.createdBy())) {
            throw new NotFoundException("booking", id);
        }
        return booking;
    }

    /** The key whose bookings alone the caller sees, or null when it sees all. */
    private static @Nullable String ownerOnly(ServerRequest req) {
        Caller caller = Caller.of(req);
        return caller.role() == Role.CHANNEL ? caller.id() : null;
    }

    private static Reply ok(Booking booking) {
        return withVersion(Reply.ok(Views.BookingView.of(booking)), booking);
    }

    private static Reply withVersion(Reply reply, Booking booking) {
        return reply.withHeader("ETag", IfMatch.etag(booking.version()));
    }

    static String location(Booking booking) {
        return "/v1/properties/" + booking.propertyId().value() + "/bookings/" + booking.id().value();
    }
}
