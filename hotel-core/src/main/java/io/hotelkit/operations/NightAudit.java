package io.hotelkit.operations;

import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.billing.BillingEvent;
import io.hotelkit.billing.Companies;
import io.hotelkit.billing.DepositService;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.internal.Posting;
import io.hotelkit.billing.internal.RoomCharges;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.reservations.BlockService;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.Cancellations;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The night audit closes a property's business date: it charges every guest in the house for the night,
 * marks the guests who were due and did not come as no-shows (with the policy's fee), releases the blocks
 * whose release date has come, and moves the business date on by a day.
 *
 * <p>Each booking is handled in a transaction of its own, and every charge carries a reference that a
 * second posting finds; so an audit that stops halfway (a crash, a lost database) and runs again charges
 * nothing twice. The business date moves only once everything else is done.
 */
public final class NightAudit {

    private final Properties properties;
    private final Bookings bookings;
    private final Posting posting;
    private final Cancellations cancellations;
    private final BlockService blockService;
    private final UnitOfWork transactions;
    private final AvailabilityEngine engine;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;
    private final @Nullable DepositService deposits;

    public NightAudit(Properties properties, Bookings bookings, Folios folios, Companies companies, Cancellations cancellations,
            BlockService blockService, UnitOfWork transactions, AvailabilityEngine engine, Events events, IdGenerator ids,
            Clock clock) {
        this(properties, bookings, folios, companies, cancellations, blockService, transactions, engine, events, ids, clock, null);
    }

    /** A night audit that lists the deposits overdue on the date it closes (with {@code deposits}). */
    public NightAudit(Properties properties, Bookings bookings, Folios folios, Companies companies, Cancellations cancellations,
            BlockService blockService, UnitOfWork transactions, AvailabilityEngine engine, Events events, IdGenerator ids,
            Clock clock, @Nullable DepositService deposits) {
        this.deposits = deposits;
        this.properties = Objects.requireNonNull(properties, "properties");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.posting = new Posting(Objects.requireNonNull(folios, "folios"), Objects.requireNonNull(companies, "companies"));
        this.cancellations = Objects.requireNonNull(cancellations, "cancellations");
        this.blockService = Objects.requireNonNull(blockService, "block service");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The earliest time, where the property is, that a business date can be closed on that date: its evening. */
    public static final LocalTime EARLIEST_CLOSE = LocalTime.of(18, 0);

    /**
     * Closes the property's business date.
     *
     * @throws NightAuditTooEarlyException before {@link #EARLIEST_CLOSE} of the business date where the
     *     property is: a night nobody has slept yet is not charged
     */
    public Result close(PropertyId propertyId) {
        Property property = properties.require(propertyId);
        LocalDate date = property.businessDate();
        LocalDateTime now = LocalDateTime.now(clock.withZone(property.timezone()));
        if (now.isBefore(date.atTime(EARLIEST_CLOSE))) {
            throw new NightAuditTooEarlyException(property.code(), date, now);
        }
        List<Booking> tonight = bookings.overlapping(propertyId, DateRange.of(date, date.plusDays(1)), null);
        int[] charged = {0};
        int[] noShows = {0};
        for (Booking booking : tonight) {
            if (booking.status() == BookingStatus.CHECKED_IN && booking.stay().includesNight(date)) {
                if (chargeNight(property, booking, date)) {
                    charged[0]++;
                }
            }
        }
        for (Booking booking : bookings.overlapping(propertyId, DateRange.of(date.minusDays(1), date.plusDays(1)), null)) {
            if (booking.status() == BookingStatus.CONFIRMED && !booking.stay().checkin().isAfter(date)) {
                transactions.run(() -> cancellations.noShow(bookings.findBy(booking.propertyId(), booking.id()).orElseThrow(), property));
                noShows[0]++;
            }
        }
        List<String> released = transactions.inTransaction(() ->
                blockService.releaseDue(propertyId, date).stream().map(block -> block.code()).toList());
        Property closed = transactions.inTransaction(() -> {
            Property current = properties.require(propertyId);
            if (!current.businessDate().equals(date)) {
                throw new NightAuditConflictException(current.code(), date);
            }
            Property next = properties.save(current.withBusinessDate(date.plusDays(1)));
            events.record(propertyId, propertyId.value(), new OperationsEvent.BusinessDateChanged(date, next.businessDate()));
            events.record(propertyId, propertyId.value(),
                    new OperationsEvent.NightAuditCompleted(date, next.businessDate(), charged[0], noShows[0]));
            transactions.afterCommit(() -> engine.updateProperty(next));
            return next;
        });
        return new Result(date, closed.businessDate(), charged[0], noShows[0], released, overdueDeposits(propertyId, date));
    }

    /**
     * The deposits due on or before the closed date and not paid in full, of bookings still to arrive or in the
     * house (the no-shows just marked are settled, and drop out).
     */
    private List<DepositService.DepositStatus> overdueDeposits(PropertyId propertyId, LocalDate date) {
        return deposits == null ? List.of() : deposits.overdue(propertyId, date);
    }

    /**
     * Posts a night's charges to a booking's folio windows (where its routing sends them) unless they are
     * there; whether anything was posted.
     */
    private boolean chargeNight(Property property, Booking booking, LocalDate night) {
        return transactions.inTransaction(() -> {
            if (RoomCharges.isPosted(posting, booking.propertyId(), booking.id(), night)) {
                return false;
            }
            RoomCharges.postNight(posting, booking.propertyId(), booking.id(), night, booking.stay().checkin(), booking.priceOf(night),
                    booking.occupancy(), packagesOf(booking), property, ids, clock.instant());
            events.record(property.id(), booking.id().value(), new BillingEvent.RoomNightCharged(night));
            return true;
        });
    }

    /** The packages of the booking's rate plan, priced for its guests: posted each night beside the room. */
    private List<TaxPolicy.PackageCharge> packagesOf(Booking booking) {
        return RoomCharges.packagesFor(engine.packages(booking.propertyId(), booking.ratePlan()), booking.occupancy());
    }

    /**
     * What an audit did.
     *
     * @param charged bookings whose night it charged now (not those charged by an earlier, interrupted run)
     * @param overdueDeposits the deposits due on or before the closed date and not paid in full, by due date
     */
    public record Result(LocalDate closedDate, LocalDate businessDate, int charged, int noShows, List<String> releasedBlocks,
            List<DepositService.DepositStatus> overdueDeposits) {
        public Result {
            releasedBlocks = List.copyOf(releasedBlocks);
            overdueDeposits = List.copyOf(overdueDeposits);
        }

        public Result(LocalDate closedDate, LocalDate businessDate, int charged, int noShows, List<String> releasedBlocks) {
            this(closedDate, businessDate, charged, noShows, releasedBlocks, List.of());
        }
    }

    /** The business date's evening has not come yet where the property is: closing it would charge a night not slept. */
    public static final class NightAuditTooEarlyException extends ConflictException {
        NightAuditTooEarlyException(String property, LocalDate businessDate, LocalDateTime now) {
            super("property " + property + " cannot close " + businessDate + " before " + EARLIEST_CLOSE + " that day; it is "
                    + now.truncatedTo(ChronoUnit.MINUTES) + " there");
        }

        @Override
        public String code() {
            return "night-audit-too-early";
        }
    }

    /** Another audit closed the date first. */
    public static final class NightAuditConflictException extends ConflictException {
        NightAuditConflictException(String property, LocalDate date) {
            super("the business date " + date + " of property " + property + " was closed by another night audit");
        }

        @Override
        public String code() {
            return "night-audit-conflict";
        }
    }
}
