package io.hotelkit.reservations;

import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.billing.DepositService;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Folios;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ending bookings that never began: cancellations and no-shows. Their nights go back to inventory and
 * the cancellation policy's fee, if any, to the folio, in one transaction.
 */
public final class Cancellations {

    private final Properties properties;
    private final Bookings bookings;
    private final Folios folios;
    private final UnitOfWork transactions;
    private final AvailabilityEngine engine;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;
    private final BookingRecords records;
    private final @Nullable DepositService deposits;

    public Cancellations(Properties properties, Bookings bookings, Folios folios, UnitOfWork transactions,
            AvailabilityEngine engine, Events events, IdGenerator ids, Clock clock) {
        this(properties, bookings, folios, transactions, engine, events, ids, clock, null);
    }

    /**
     * Cancellations that settle deposits and card guarantees too (with {@code deposits}): a free cancellation
     * refunds the deposit and releases the card; a fee is kept from the deposit or captured from the card, and
     * the rest refunded or released.
     */
    public Cancellations(Properties properties, Bookings bookings, Folios folios, UnitOfWork transactions,
            AvailabilityEngine engine, Events events, IdGenerator ids, Clock clock, @Nullable DepositService deposits) {
        this.deposits = deposits;
        this.properties = Objects.requireNonNull(properties, "properties");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.records = new BookingRecords(bookings, folios);
    }

    /**
     * Cancels the booking. If the cancellation policy charges a fee on this business date, the fee goes to
     * the folio.
     */
    public Booking cancel(PropertyId propertyId, BookingId id, @Nullable String reason) {
        return transactions.inTransaction(() -> {
            Booking booking = records.bookingForUpdate(propertyId, id);
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
            Booking booking = records.booking(propertyId, id);
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
        if (deposits != null) {
            deposits.settleEnded(property, booking.id(), fee);
        }
        ReservationEvent.Summary summary = ReservationEvent.Summary.of(saved);
        events.record(property.id(), saved.id().value(), event == EventType.BOOKING_NO_SHOW
                ? new ReservationEvent.BookingNoShow(summary, fee)
                : new ReservationEvent.BookingCancelled(summary, fee));
        return saved;
    }

    private void postFee(Booking booking, Property property, Money fee, String description, String reference) {
        if (fee.isZero()) {
            return;
        }
        Folio folio = records.folio(booking.propertyId(), booking.id());
        folios.save(folio.post(new FolioLine(ids.next(), property.businessDate(), FolioLineKind.FEE, description, fee,
                reference, clock.instant())));
    }
}
