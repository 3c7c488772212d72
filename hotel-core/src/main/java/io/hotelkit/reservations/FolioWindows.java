package io.hotelkit.reservations;

import io.hotelkit.billing.BillingEvent;
import io.hotelkit.billing.Companies;
import io.hotelkit.billing.CorrectionRefusedException;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.Payer;
import io.hotelkit.billing.RoutingRule;
import io.hotelkit.billing.internal.Posting;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A booking's folio windows: opening windows billed to another payer, routing charges to them, moving a
 * charge to another window or booking, and correcting lines: a void on the line's business date, an
 * allowance after it. Lines are never changed: every correction is a new line that references the one it
 * corrects, and every one is an event in the audit trail. Each operation is one transaction.
 */
public final class FolioWindows {

    private final Properties properties;
    private final Folios folios;
    private final Posting posting;
    private final BookingRecords records;
    private final UnitOfWork transactions;
    private final Idempotency idempotency;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;

    public FolioWindows(Properties properties, Bookings bookings, Folios folios, Companies companies, UnitOfWork transactions,
            Idempotency idempotency, Events events, IdGenerator ids, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.posting = new Posting(folios, Objects.requireNonNull(companies, "companies"));
        this.records = new BookingRecords(bookings, folios);
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every window of the booking, window 1 first. */
    public List<Folio> windows(PropertyId propertyId, BookingId bookingId) {
        records.booking(propertyId, bookingId);
        return posting.windows(propertyId, bookingId);
    }

    public Folio window(PropertyId propertyId, BookingId bookingId, int window) {
        records.booking(propertyId, bookingId);
        return folios.findBy(propertyId, bookingId, window)
                .orElseThrow(() -> new NotFoundException("folio window", bookingId + "/" + window));
    }

    /**
     * Opens the booking's next window, billed to {@code payer}: the guest, another person or a company of the
     * property.
     *
     * @throws InvalidRequestException naming {@code payer} for a company the property does not have, or when
     *     the booking has {@value Folio#MAX_WINDOWS} windows
     */
    public Folio open(PropertyId propertyId, BookingId bookingId, Payer payer, @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(payer, "payer");
        Idempotency.Request request = Idempotency.Request.of("open folio window").with("property_id", propertyId.value())
                .with("booking_id", bookingId.value()).with("payer_kind", payer.kind().name()).with("payer_name", payer.name())
                .with("company_id", payer.companyId() == null ? null : payer.companyId().value());
        return idempotency.once(idempotencyKey, request, () -> {
            Booking booking = records.booking(propertyId, bookingId);
            requireOpen(booking);
            if (payer.companyId() != null) {
                posting.requireCredit(propertyId, payer.companyId(), Money.zero(properties.require(propertyId).currency()));
            }
            List<Folio> windows = posting.windows(propertyId, bookingId);
            if (windows.size() >= Folio.MAX_WINDOWS) {
                throw new InvalidRequestException("payer", "a booking has at most " + Folio.MAX_WINDOWS + " folio windows");
            }
            Folio opened = folios.save(windows.getFirst().openWindow(windows.getLast().window() + 1, payer));
            events.record(propertyId, bookingId.value(), new BillingEvent.FolioWindowOpened(opened.window(), payer.kind(),
                    payer.name() != null ? payer.name() : payer.companyId() != null ? payer.companyId().value() : null));
            return opened;
        }, folio -> String.valueOf(folio.window()), window -> window(propertyId, bookingId, Integer.parseInt(window)));
    }

    /**
     * Sets what window {@code window} takes instead of the guest's window; the same charges stop going to any
     * other window. Lines posted already stay where they are (move them to change that).
     *
     * @throws InvalidRequestException naming {@code window} for window 1 (it takes what is not routed)
     * @throws io.hotelkit.billing.CreditLimitExceededException if the window bills a company that is over its
     *     credit limit already
     */
    public Folio route(PropertyId propertyId, BookingId bookingId, int window, List<RoutingRule> rules) {
        List<RoutingRule> routes = List.copyOf(Objects.requireNonNull(rules, "routes"));
        if (window == Folio.GUEST_WINDOW) {
            throw new InvalidRequestException("window", "window 1 takes every charge not routed elsewhere; route to another window");
        }
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                if (routes.get(i).overlaps(routes.get(j))) {
                    throw new InvalidRequestException("routes", "routes " + wire(routes.get(i)) + " and " + wire(routes.get(j)) + " overlap");
                }
            }
        }
        return transactions.inTransaction(() -> {
            Booking booking = records.booking(propertyId, bookingId);
            requireOpen(booking);
            Folio target = window(propertyId, bookingId, window);
            if (target.billsCompany() && !routes.isEmpty()) {
                posting.requireCredit(propertyId, Objects.requireNonNull(target.payer().companyId()),
                        Money.zero(target.currency()));
            }
            for (Folio other : posting.windows(propertyId, bookingId)) {
                if (other.window() != window && !other.routes().isEmpty()) {
                    List<RoutingRule> kept = other.routes().stream().filter(rule -> routes.stream().noneMatch(rule::overlaps)).toList();
                    if (kept.size() != other.routes().size()) {
                        folios.save(other.withRoutes(kept));
                    }
                }
            }
            Folio saved = folios.save(window(propertyId, bookingId, window).withRoutes(routes));
            events.record(propertyId, bookingId.value(), new BillingEvent.FolioRoutingSet(window,
                    routes.stream().map(FolioWindows::wire).toList()));
            return saved;
        });
    }

    /**
     * Moves a charge off its window: a transfer line reverses it there, and the charge is posted again, dated
     * the business date, to window {@code toWindow} of this booking or of another booking of the property.
     *
     * @throws CorrectionRefusedException if the line is not a charge, or was voided, moved or given an allowance
     * @throws io.hotelkit.billing.CreditLimitExceededException if the target bills a company over its limit
     */
    public Move move(PropertyId propertyId, BookingId bookingId, int window, String lineId, BookingId toBooking, int toWindow,
            @Nullable IdempotencyKey idempotencyKey) {
        Idempotency.Request request = Idempotency.Request.of("move charge").with("property_id", propertyId.value())
                .with("booking_id", bookingId.value()).with("window", window).with("line_id", lineId)
                .with("to_booking_id", toBooking.value()).with("to_window", toWindow);
        return idempotency.once(idempotencyKey, request, () -> {
            Property property = properties.require(propertyId);
            requireOpen(records.booking(propertyId, bookingId));
            Folio source = window(propertyId, bookingId, window);
            FolioLine line = correctable(source, lineId);
            if (!source.remainderOf(line).equals(line.amount())) {
                throw new CorrectionRefusedException("line-corrected", "line " + lineId + " was voided, moved or given an allowance; "
                        + "it cannot be moved");
            }
            Booking target = records.booking(propertyId, toBooking);
            if (toBooking.equals(bookingId) && toWindow == window) {
                throw new InvalidRequestException("to_window", "a charge is moved to another window or booking");
            }
            requireOpen(target);
            Folio to = folios.findBy(propertyId, toBooking, toWindow)
                    .orElseThrow(() -> new InvalidRequestException("to_window", "booking " + toBooking + " has no folio window " + toWindow));
            FolioLine out = new FolioLine(ids.next(), property.businessDate(), FolioLineKind.TRANSFER,
                    "Moved to " + (toBooking.equals(bookingId) ? "" : "booking " + target.confirmationCode() + ", ") + "window " + toWindow
                            + ": " + clip(line.description()), line.amount().negate(), "move-out:" + line.id(), clock.instant());
            Folio savedSource = folios.save(source.post(out));
            FolioLine in = new FolioLine(ids.next(), property.businessDate(), line.kind(), line.description(), line.amount(),
                    "move-in:" + line.id(), clock.instant());
            Folio savedTarget = posting.postTo(to, in);
            BillingEvent.ChargeMoved moved = new BillingEvent.ChargeMoved(line.id(), window, toBooking, toWindow, line.amount());
            events.record(propertyId, bookingId.value(), moved);
            if (!toBooking.equals(bookingId)) {
                events.record(propertyId, toBooking.value(), moved);
            }
            return new Move(savedSource, out, savedTarget, in);
        }, move -> move.in().id(), inId -> replayMove(propertyId, bookingId, window, toBooking, toWindow, inId));
    }

    /** A move as done: the source window with its transfer line, the target window with the charge. */
    public record Move(Folio source, FolioLine out, Folio target, FolioLine in) {}

    /**
     * Voids a charge on its business date: a void line reverses it in full.
     *
     * @throws CorrectionRefusedException with code {@code business-date-closed} once the night audit has closed
     *     the line's business date (post an allowance instead), or if the line was voided, moved or corrected
     */
    public FolioLine voidLine(PropertyId propertyId, BookingId bookingId, int window, String lineId, String reason,
            @Nullable IdempotencyKey idempotencyKey) {
        String why = requireReason(reason);
        Idempotency.Request request = Idempotency.Request.of("void folio line").with("property_id", propertyId.value())
                .with("booking_id", bookingId.value()).with("window", window).with("line_id", lineId).with("reason", why);
        return idempotency.once(idempotencyKey, request, () -> {
            Property property = properties.require(propertyId);
            records.booking(propertyId, bookingId);
            Folio folio = window(propertyId, bookingId, window);
            FolioLine line = correctable(folio, lineId);
            if (!line.date().equals(property.businessDate()) || line.movedFromLineId() != null) {
                throw new CorrectionRefusedException("business-date-closed", "line " + lineId + " belongs to " + line.date()
                        + (line.movedFromLineId() != null ? " (moved here from another window)" : "")
                        + ", which the night audit has closed" + (line.movedFromLineId() != null ? " or which is not its own" : "")
                        + "; the business date is " + property.businessDate() + ". Post an allowance instead");
            }
            if (!folio.remainderOf(line).equals(line.amount())) {
                throw new CorrectionRefusedException("line-corrected", "line " + lineId + " was voided, moved or given an allowance already");
            }
            FolioLine reversal = new FolioLine(ids.next(), property.businessDate(), FolioLineKind.VOID,
                    "Void: " + clip(line.description()) + " (" + why + ")", line.amount().negate(), "void:" + line.id(), clock.instant());
            folios.save(folio.post(reversal));
            events.record(propertyId, bookingId.value(), new BillingEvent.LineVoided(line.id(), window, line.amount(), why));
            return reversal;
        }, FolioLine::id, id -> lineOf(propertyId, bookingId, window, id));
    }

    /**
     * Posts an allowance: a negative adjustment of a charge, dated the business date, with a reason; what is
     * left of the line after its corrections may not go below zero.
     *
     * @param amount positive: how much of the line to take back
     * @throws InvalidRequestException naming {@code amount} if it is not positive or more than is left of the line
     */
    public FolioLine allowance(PropertyId propertyId, BookingId bookingId, int window, String lineId, Money amount, String reason,
            @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(amount, "amount");
        String why = requireReason(reason);
        if (!amount.isPositive()) {
            throw new InvalidRequestException("amount", "an allowance is a positive amount to take off the line");
        }
        Idempotency.Request request = Idempotency.Request.of("folio allowance").with("property_id", propertyId.value())
                .with("booking_id", bookingId.value()).with("window", window).with("line_id", lineId).with("amount", amount)
                .with("reason", why);
        return idempotency.once(idempotencyKey, request, () -> {
            Property property = properties.require(propertyId);
            amount.requireCurrency(property.currency());
            records.booking(propertyId, bookingId);
            Folio folio = window(propertyId, bookingId, window);
            FolioLine line = correctable(folio, lineId);
            Money left = folio.remainderOf(line);
            if (amount.compareTo(left) > 0) {
                throw new InvalidRequestException("amount", "line " + lineId + " has " + left + " left after its corrections; "
                        + "an allowance cannot take more");
            }
            int n = (int) folio.lines().stream().filter(other -> line.id().equals(other.correctedLineId())).count() + 1;
            FolioLine allowance = new FolioLine(ids.next(), property.businessDate(), FolioLineKind.ALLOWANCE,
                    "Allowance: " + clip(line.description()) + " (" + why + ")", amount.negate(), "allowance:" + line.id() + ":" + n,
                    clock.instant());
            folios.save(folio.post(allowance));
            events.record(propertyId, bookingId.value(), new BillingEvent.AllowancePosted(line.id(), window, amount, why));
            return allowance;
        }, FolioLine::id, id -> lineOf(propertyId, bookingId, window, id));
    }

    private FolioLine lineOf(PropertyId propertyId, BookingId bookingId, int window, String lineId) {
        return window(propertyId, bookingId, window).lineById(lineId).orElseThrow(() -> new NotFoundException("folio line", lineId));
    }

    private Move replayMove(PropertyId propertyId, BookingId bookingId, int window, BookingId toBooking, int toWindow, String inId) {
        Folio target = window(propertyId, toBooking, toWindow);
        FolioLine in = target.lineById(inId).orElseThrow(() -> new NotFoundException("folio line", inId));
        Folio source = window(propertyId, bookingId, window);
        FolioLine out = source.line("move-out:" + in.movedFromLineId()).orElseThrow();
        return new Move(source, out, target, in);
    }

    private static FolioLine correctable(Folio folio, String lineId) {
        FolioLine line = folio.lineById(lineId).orElseThrow(() -> new NotFoundException("folio line", lineId));
        if (!line.kind().isCorrectable()) {
            throw new CorrectionRefusedException("line-not-correctable", "line " + lineId + " is a " + line.kind().name().toLowerCase()
                    + " line; only charges (room, tax, city tax, extra, fee) are voided, moved or given allowances");
        }
        return line;
    }

    private static void requireOpen(Booking booking) {
        if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.CHECKED_IN) {
            throw new BookingNotChangeableException(booking.id(), "its folio is closed: it is " + booking.status().code());
        }
    }

    private static String requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            throw new InvalidRequestException("reason", "a reason has 1 to 200 characters");
        }
        return reason.strip();
    }

    private static String clip(String description) {
        return description.length() > 120 ? description.substring(0, 120) : description;
    }

    /** A routing rule as the API and events write it: {@code room}, {@code extra}, {@code extra:minibar}. */
    public static String wire(RoutingRule rule) {
        String kind = rule.kind().name().toLowerCase(java.util.Locale.ROOT);
        return rule.category() == null ? kind : kind + ":" + rule.category();
    }

    /** A routing rule from its wire form. */
    public static RoutingRule rule(String wire) {
        String[] parts = wire.split(":", 2);
        FolioLineKind kind;
        try {
            kind = FolioLineKind.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("routes", "'" + wire + "' is not room, tax, city_tax, extra or extra:<category>");
        }
        try {
            return new RoutingRule(kind, parts.length == 2 ? parts[1] : null);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("routes", e.getMessage());
        }
    }
}
