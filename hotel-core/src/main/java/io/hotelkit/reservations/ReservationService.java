package io.hotelkit.reservations;

import io.hotelkit.availability.Offer;
import io.hotelkit.guests.Guest;
import io.hotelkit.inventory.Property;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.shared.ReservationId;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reservations: several rooms booked at once, all or none, under one confirmation code, and channel
 * bookings under the channel's own reference. Each room is a booking of its own, which
 * {@link BookingService}, {@link FrontDesk} and {@link Cancellations} handle as any other; this service
 * books the rooms together, reads them together, and cancels or changes them by the channel's reference.
 *
 * <p>A reservation's rooms claim the inventory one after the other in one transaction, exactly as a single
 * booking does (the engine at once, the database's guarded night rows when the bookings are saved): the first
 * refusal rolls back the claims of the rooms before it, so nothing of the reservation is booked.
 */
public final class ReservationService {

    private final BookingService bookingService;
    private final Cancellations cancellations;
    private final Bookings bookings;
    private final RatePlans ratePlans;
    private final UnitOfWork transactions;
    private final IdGenerator ids;

    public ReservationService(BookingService bookingService, Cancellations cancellations, Bookings bookings, RatePlans ratePlans,
            UnitOfWork transactions, IdGenerator ids) {
        this.bookingService = Objects.requireNonNull(bookingService, "booking service");
        this.cancellations = Objects.requireNonNull(cancellations, "cancellations");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.ratePlans = Objects.requireNonNull(ratePlans, "rate plans");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** A reservation, and whether this request made it ({@code false}: a channel's reference booked it before). */
    public record Booked(Reservation reservation, boolean created) {}

    // ---- booking ------------------------------------------------------------------------------------

    /**
     * Books every room of the request or none. With a channel's reference, a reservation booked under it
     * before is returned as it is ({@code created} false), whatever this request asks: the reference is
     * unique per property in the store, so two requests racing with it book once.
     *
     * @throws RoomNotAvailableException naming the first room that cannot be had; nothing is booked
     * @throws PriceMismatchException if a room's price is not one its rate plan takes
     * @throws DuplicateException if this call runs inside a caller's transaction and loses a race for the
     *     reference: the caller's transaction cannot go on, and its caller reads the reservation anew
     */
    public Booked book(ReservationRequest request) {
        Objects.requireNonNull(request, "reservation request");
        PropertyId propertyId = request.rooms().getFirst().booking().propertyId();
        ChannelRef channel = request.channel();
        if (channel != null) {
            List<Booking> existing = transactions.inTransaction(() -> bookings.withChannelRef(propertyId, channel));
            if (!existing.isEmpty()) {
                return new Booked(Reservation.of(existing), false);
            }
        }
        List<BookingService.Prepared> prepared = new ArrayList<>();
        List<List<Money>> prices = new ArrayList<>();
        for (int i = 0; i < request.rooms().size(); i++) {
            ReservationRequest.Room room = request.rooms().get(i);
            BookingService.Prepared quoted;
            try {
                quoted = bookingService.prepare(room.booking());
            } catch (NotAvailableException refused) {
                throw new RoomNotAvailableException(i, refused.roomType(), refused);
            }
            prepared.add(quoted);
            prices.add(nightly(i, quoted, room.roomPrice(), channel != null));
        }
        boolean outermost = !transactions.inTransaction();
        try {
            return transactions.inTransaction(() -> {
                if (channel != null) {
                    List<Booking> existing = bookings.withChannelRef(propertyId, channel);
                    if (!existing.isEmpty()) {
                        return new Booked(Reservation.of(existing), false);
                    }
                }
                Guest guest = bookingService.guestOf(request.rooms().getFirst().booking());
                ReservationId id = ReservationId.of(ids.next());
                String confirmationCode = ids.confirmationCode();
                List<Booking> rooms = new ArrayList<>();
                for (int i = 0; i < prepared.size(); i++) {
                    BookingService.Prepared room = prepared.get(i);
                    List<Money> nightly = prices.get(i);
                    Money total = nightly == room.offer().nightlyAmounts() ? room.offer().total()
                            : BookingRecords.stayTotal(room.property(), bookingService.packages(room), nightly,
                                    room.request().occupancy());
                    int index = i;
                    String guestName = request.rooms().get(i).guestName();
                    try {
                        rooms.add(bookingService.insert(room, guest, nightly, total, confirmationCode,
                                booking -> booking.inReservation(id, index, channel, guestName)));
                    } catch (NotAvailableException refused) {
                        throw new RoomNotAvailableException(i, room.roomType(), refused);
                    }
                }
                return new Booked(new Reservation(id, propertyId, confirmationCode, channel, rooms), true);
            });
        } catch (DuplicateException taken) {
            // Another request booked the reference between our look and our insert; the store's unique key
            // refused ours. Inside a caller's transaction, that transaction may not read on (PostgreSQL).
            if (channel == null || !outermost) {
                throw taken;
            }
            List<Booking> existing = transactions.inTransaction(() -> bookings.withChannelRef(propertyId, channel));
            if (existing.isEmpty()) {
                throw taken;
            }
            return new Booked(Reservation.of(existing), false);
        }
    }

    /**
     * The nightly prices room {@code index} is booked at: the offer's; or, where the booker sent a room price
     * that differs and the rate plan takes a channel's price within its tolerance, the offer's prices scaled to
     * it (rounded to the currency, the last night taking what rounding left over).
     */
    private List<Money> nightly(int index, BookingService.Prepared room, @Nullable Money roomPrice, boolean byChannel) {
        Offer offer = room.offer();
        List<Money> offered = offer.nightlyAmounts();
        if (roomPrice == null) {
            return offered;
        }
        Money expected = offered.stream().reduce(Money::plus).orElseThrow();
        roomPrice.requireCurrency(expected.currency());
        if (roomPrice.compareTo(expected) == 0) {
            return offered;
        }
        RatePlan plan = ratePlans.findBy(room.property().id(), room.request().ratePlan())
                .orElseThrow(() -> new NotFoundException("rate plan", room.request().ratePlan()));
        BigDecimal tolerance = byChannel ? plan.channelPriceTolerance() : null;
        if (tolerance == null) {
            throw new PriceMismatchException(index, room.roomType(), expected, roomPrice, null);
        }
        BigDecimal allowed = expected.amount().multiply(tolerance).divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP);
        if (roomPrice.minus(expected).abs().amount().compareTo(allowed) > 0 || roomPrice.isNegative()) {
            throw new PriceMismatchException(index, room.roomType(), expected, roomPrice, tolerance);
        }
        return scaled(offered, expected, roomPrice, room.property());
    }

    private static List<Money> scaled(List<Money> offered, Money expected, Money target, Property property) {
        List<Money> nightly = new ArrayList<>();
        Money sum = Money.zero(target.currency());
        for (int n = 0; n < offered.size() - 1; n++) {
            BigDecimal share = expected.isZero() ? BigDecimal.ZERO
                    : offered.get(n).amount().multiply(target.amount()).divide(expected.amount(), 10, RoundingMode.HALF_UP);
            Money night = property.rounding().round(share, target.currency());
            nightly.add(night);
            sum = sum.plus(night);
        }
        Money last = target.minus(sum);
        if (last.isNegative()) { // only when every other night rounded up past a price of almost nothing
            return offered;
        }
        nightly.add(last);
        return nightly;
    }

    // ---- reading ------------------------------------------------------------------------------------

    public Reservation reservation(PropertyId propertyId, ReservationId id) {
        List<Booking> rooms = bookings.ofReservation(Objects.requireNonNull(propertyId, "property id"),
                Objects.requireNonNull(id, "reservation id"));
        if (rooms.isEmpty()) {
            throw new NotFoundException("reservation", id.value());
        }
        return Reservation.of(rooms);
    }

    /** The reservation a channel booked under its reference. */
    public Reservation reservation(PropertyId propertyId, ChannelRef ref) {
        List<Booking> rooms = bookings.withChannelRef(Objects.requireNonNull(propertyId, "property id"),
                Objects.requireNonNull(ref, "channel ref"));
        if (rooms.isEmpty()) {
            throw new NotFoundException("booking with external ref", ref.toString());
        }
        return Reservation.of(rooms);
    }

    // ---- changing -----------------------------------------------------------------------------------

    /**
     * Cancels every room of the reservation that is still to arrive, in one transaction, each by its own
     * cancellation policy; rooms cancelled before (or not shown) stay as they are. A room whose guest has
     * arrived refuses the whole cancellation ({@link IllegalTransitionException}).
     */
    public Reservation cancel(PropertyId propertyId, ReservationId id, @Nullable String reason) {
        return transactions.inTransaction(() -> cancelAll(reservation(propertyId, id), reason));
    }

    /** {@link #cancel(PropertyId, ReservationId, String)} by the channel's reference. */
    public Reservation cancel(PropertyId propertyId, ChannelRef ref, @Nullable String reason) {
        return transactions.inTransaction(() -> cancelAll(reservation(propertyId, ref), reason));
    }

    private Reservation cancelAll(Reservation reservation, @Nullable String reason) {
        List<Booking> rooms = new ArrayList<>();
        for (Booking room : reservation.rooms()) {
            boolean ended = room.status() == BookingStatus.CANCELLED || room.status() == BookingStatus.NO_SHOW;
            rooms.add(ended ? room : cancellations.cancel(room.propertyId(), room.id(), reason));
        }
        return new Reservation(reservation.id(), reservation.propertyId(), reservation.confirmationCode(),
                reservation.channel(), rooms);
    }

    /**
     * Changes room {@code room} of the reservation a channel booked under its reference, as
     * {@link BookingService#modify} does.
     *
     * @param expectedVersion the version the caller read, or {@code null} to change the booking as it is now
     *     (a channel sends the stay as it wants it, not as it read it)
     */
    public Booking modify(PropertyId propertyId, ChannelRef ref, int room, @Nullable Long expectedVersion, BookingChanges changes) {
        return transactions.inTransaction(() -> {
            Reservation reservation = reservation(propertyId, ref);
            if (room < 0 || room >= reservation.rooms().size()) {
                throw new InvalidRequestException("room", "reservation " + ref + " has rooms 0 to " + (reservation.rooms().size() - 1));
            }
            Booking booking = reservation.room(room);
            return bookingService.modify(propertyId, booking.id(), expectedVersion == null ? booking.version() : expectedVersion,
                    changes);
        });
    }
}
