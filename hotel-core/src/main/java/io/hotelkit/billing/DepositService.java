package io.hotelkit.billing;

import io.hotelkit.internal.CardTokens;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.rates.DepositPolicy;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Deposits and card guarantees: what a booking owes before arrival and what it paid, pre-authorisations of
 * a guest's card, and settling both when the booking ends.
 *
 * <p>Every gateway call that ends an authorisation or gives a deposit back has a key of its own derived from
 * what it ends ({@code cap_}/{@code void_} and the authorisation's id, {@code dep_} and the deposit payment's
 * id), so a step that failed after the gateway answered (a lost database, a conflict) and is done again asks
 * the gateway the same question and gets the first answer back: no money moves twice. As with
 * {@link PaymentService}, the gateway is called inside the transaction that records what it did.
 */
public final class DepositService {

    private final Properties properties;
    private final Folios folios;
    private final Payments payments;
    private final Deposits deposits;
    private final Authorisations authorisations;
    private final PaymentService paymentService;
    private final PaymentGateway gateway;
    private final UnitOfWork transactions;
    private final Idempotency idempotency;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;

    public DepositService(Properties properties, Folios folios, Payments payments, Deposits deposits,
            Authorisations authorisations, PaymentService paymentService, PaymentGateway gateway, UnitOfWork transactions,
            Idempotency idempotency, Events events, IdGenerator ids, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.deposits = Objects.requireNonNull(deposits, "deposits");
        this.authorisations = Objects.requireNonNull(authorisations, "authorisations");
        this.paymentService = Objects.requireNonNull(paymentService, "payment service");
        this.gateway = Objects.requireNonNull(gateway, "payment gateway");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Where a booking's deposit stands.
     *
     * @param paid the deposit payments less their refunds
     * @param dueOn when the deposit is due; {@code null} when none is asked
     * @param settledOn when the booking ended and the deposit stopped being held
     */
    public record DepositStatus(BookingId bookingId, DepositPolicy policy, Money due, Money paid, @Nullable LocalDate dueOn,
            @Nullable LocalDate settledOn) {

        /** What is still to pay: the due less the paid, never below zero. */
        public Money outstanding() {
            Money left = due.minus(paid);
            return left.isNegative() ? Money.zero(due.currency()) : left;
        }

        /** Whether the deposit is due on or before {@code date}, not paid in full, and still held. */
        public boolean isOverdueOn(LocalDate date) {
            return settledOn == null && dueOn != null && !dueOn.isAfter(date) && outstanding().isPositive();
        }
    }

    /** A booking's deposit money held on an evening. */
    public record HeldDeposit(BookingId bookingId, Money amount) {}

    /**
     * The deposits a property held on the evening of a business date: the deposit payments posted on or before it,
     * less their refunds posted on or before it, of bookings not settled (checked out, cancelled, no-show) by then.
     */
    public record DepositsHeld(PropertyId propertyId, LocalDate date, Money total, List<HeldDeposit> deposits) {
        public DepositsHeld {
            deposits = List.copyOf(deposits);
        }
    }

    // ---- deposits -----------------------------------------------------------------------------------

    /**
     * Freezes a new booking's deposit from its plan's policy, inside the caller's transaction (the booking's).
     * A plan without a deposit leaves nothing.
     */
    public Optional<Deposit> open(Property property, BookingId bookingId, DepositPolicy policy, List<Money> nightly,
            LocalDate checkin) {
        if (policy.isNone()) {
            return Optional.empty();
        }
        Money due = policy.amount(nightly, property.rounding());
        return Optional.of(deposits.save(Deposit.of(bookingId, property.id(), policy, due,
                policy.dueOn(property.businessDate(), checkin))));
    }

    /**
     * Asks a changed stay for its deposit again, by the policy the booking was made with, inside the caller's
     * transaction: the amount of the new nightly prices; a deposit due days before arrival falls due that many days
     * before the new arrival (never before today), one due at booking stays due when it was. A settled deposit, or
     * a booking without one, is left as it is.
     */
    public void reprice(Property property, BookingId bookingId, List<Money> nightly, LocalDate checkin) {
        deposits.findBy(property.id(), bookingId).filter(deposit -> deposit.isHeld() && !deposit.policy().isNone())
                .ifPresent(deposit -> deposits.save(new Deposit(deposit.bookingId(), deposit.propertyId(), deposit.policy(),
                        deposit.policy().amount(nightly, property.rounding()),
                        deposit.policy().daysBeforeArrival() == null ? deposit.dueOn()
                                : deposit.policy().dueOn(property.businessDate(), checkin),
                        null, deposit.version())));
    }

    public DepositStatus status(PropertyId propertyId, BookingId bookingId) {
        Folio folio = folio(propertyId, bookingId);
        return status(folio, deposits.findBy(propertyId, bookingId));
    }

    /** The property's deposits due on or before {@code date} and not paid in full, by due date: what the night audit lists. */
    public List<DepositStatus> overdue(PropertyId propertyId, LocalDate date) {
        properties.require(propertyId);
        List<DepositStatus> overdue = new ArrayList<>();
        for (Deposit deposit : deposits.dueBy(propertyId, date)) {
            DepositStatus status = status(folio(propertyId, deposit.bookingId()), Optional.of(deposit));
            if (status.isOverdueOn(date)) {
                overdue.add(status);
            }
        }
        overdue.sort(Comparator.comparing((DepositStatus status) -> Objects.requireNonNull(status.dueOn()))
                .thenComparing(status -> status.bookingId().value()));
        return overdue;
    }

    /** The deposits held on the evening of {@code date} (see {@link DepositsHeld}), by booking. */
    public DepositsHeld held(PropertyId propertyId, LocalDate date) {
        Property property = properties.require(propertyId);
        Money total = Money.zero(property.currency());
        List<HeldDeposit> held = new ArrayList<>();
        for (Deposit deposit : deposits.heldOn(propertyId, date)) {
            Folio folio = folio(propertyId, deposit.bookingId());
            Money amount = Money.zero(property.currency());
            for (Payment payment : payments.ofBooking(propertyId, deposit.bookingId())) {
                if (!payment.deposit() || payment.status() != Payment.Status.CAPTURED
                        || !postedBy(folio, "payment:" + payment.id(), date)) {
                    continue;
                }
                amount = amount.plus(payment.amount());
                for (Payment.Refund refund : payment.refunds()) {
                    if (postedBy(folio, "refund:" + refund.id(), date)) {
                        amount = amount.minus(refund.amount());
                    }
                }
            }
            if (amount.isPositive()) {
                held.add(new HeldDeposit(deposit.bookingId(), amount));
                total = total.plus(amount);
            }
        }
        held.sort(Comparator.comparing(deposit -> deposit.bookingId().value()));
        return new DepositsHeld(propertyId, date, total, held);
    }

    /**
     * Takes a deposit towards a booking: a payment marked as a deposit, on its folio. A booking whose plan asked
     * for none may still be paid one.
     *
     * @param stillToArrive runs inside the transaction before anything is done: the caller's check that the
     *     booking has not begun nor ended
     * @throws InvalidRequestException if the booking's deposit was settled already
     */
    public Payment payDeposit(PropertyId propertyId, BookingId bookingId, Money amount, PaymentMethod method,
            @Nullable String cardToken, @Nullable IdempotencyKey idempotencyKey, Runnable stillToArrive) {
        Objects.requireNonNull(stillToArrive, "check");
        return paymentService.pay(propertyId, bookingId, Folio.GUEST_WINDOW, amount, method, cardToken, idempotencyKey, true, () -> {
            stillToArrive.run();
            Optional<Deposit> deposit = deposits.findBy(propertyId, bookingId);
            if (deposit.isPresent() && !deposit.get().isHeld()) {
                throw new InvalidRequestException("booking_id", "the deposit of booking " + bookingId + " was settled on "
                        + deposit.get().settledOn());
            }
            if (deposit.isEmpty()) { // a deposit the plan did not ask for: held all the same
                Property property = properties.require(propertyId);
                deposits.save(Deposit.of(bookingId, propertyId, DepositPolicy.none(), Money.zero(property.currency()),
                        property.businessDate()));
            }
        });
    }

    // ---- authorisations -----------------------------------------------------------------------------

    /**
     * Pre-authorises {@code amount} on a guest's card to guarantee a booking. A declined card is an
     * authorisation with status declined, not an exception.
     *
     * @param check runs inside the transaction first: the caller's check that the booking can be guaranteed
     * @throws PaymentGatewayException if the gateway failed or its circuit is open; nothing was recorded
     */
    public Authorisation authorise(PropertyId propertyId, BookingId bookingId, String cardToken, Money amount,
            @Nullable IdempotencyKey idempotencyKey, Runnable check) {
        Objects.requireNonNull(amount, "amount").requirePositive("an authorisation");
        CardTokens.requireToken("card_token", Objects.requireNonNull(cardToken, "card token"));
        Idempotency.Request request = Idempotency.Request.of("authorise").with("property_id", propertyId.value())
                .with("booking_id", bookingId.value()).with("amount", amount).with("card_token", cardToken);
        String gatewayKey = PaymentService.gatewayIdempotencyKey("auth_", idempotencyKey, ids::next);
        return idempotency.once(idempotencyKey, request, () -> {
            folio(propertyId, bookingId);
            check.run();
            amount.requireCurrency(properties.require(propertyId).currency());
            PaymentGateway.Result result = gateway.authorise(gatewayKey, cardToken, amount);
            Authorisation saved = authorisations.save(new Authorisation(PaymentId.of(ids.next()), propertyId, bookingId, amount,
                    result.approved() ? Authorisation.Status.AUTHORISED : Authorisation.Status.DECLINED,
                    Money.zero(amount.currency()), result.reference(), null, PaymentService.hint(cardToken),
                    result.declineReason(), clock.instant(), 0));
            BillingEvent.AuthorisationSummary summary = BillingEvent.AuthorisationSummary.of(saved);
            events.record(propertyId, saved.id().value(), saved.isOpen() ? new BillingEvent.PaymentAuthorised(summary)
                    : new BillingEvent.AuthorisationDeclined(summary));
            return saved;
        }, authorisation -> authorisation.id().value(), id -> authorisation(propertyId, PaymentId.of(id)));
    }

    /**
     * Captures all or part of an open authorisation as a card payment on the folio; the rest goes back to the card.
     *
     * @throws PaymentDeclinedException if the gateway declined the capture; nothing was recorded
     */
    public Authorisation capture(PropertyId propertyId, PaymentId authorisationId, Money amount,
            @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(amount, "amount").requirePositive("a capture");
        Idempotency.Request request = Idempotency.Request.of("capture authorisation").with("property_id", propertyId.value())
                .with("authorisation_id", authorisationId.value()).with("amount", amount);
        return idempotency.once(idempotencyKey, request, () -> {
            Authorisation authorisation = authorisation(propertyId, authorisationId);
            amount.requireCurrency(authorisation.amount().currency());
            Authorisation captured = captureNow(authorisation, amount, "Card guarantee captured");
            if (captured == null) {
                throw new PaymentDeclinedException("the capture of authorisation " + authorisationId, "see the gateway");
            }
            return captured;
        }, authorisation -> authorisation.id().value(), id -> authorisation(propertyId, PaymentId.of(id)));
    }

    /** Releases an open authorisation in full. */
    public Authorisation voidAuthorisation(PropertyId propertyId, PaymentId authorisationId, @Nullable IdempotencyKey idempotencyKey) {
        Idempotency.Request request = Idempotency.Request.of("void authorisation").with("property_id", propertyId.value())
                .with("authorisation_id", authorisationId.value());
        return idempotency.once(idempotencyKey, request, () -> voidNow(authorisation(propertyId, authorisationId)),
                authorisation -> authorisation.id().value(), id -> authorisation(propertyId, PaymentId.of(id)));
    }

    public Authorisation authorisation(PropertyId propertyId, PaymentId id) {
        return authorisations.findBy(Objects.requireNonNull(propertyId, "property id"), Objects.requireNonNull(id, "authorisation id"))
                .orElseThrow(() -> new NotFoundException("authorisation", id));
    }

    public List<Authorisation> authorisations(PropertyId propertyId, BookingId bookingId) {
        folio(propertyId, bookingId);
        return authorisations.ofBooking(propertyId, bookingId);
    }

    // ---- settling, inside the caller's transaction --------------------------------------------------

    /**
     * Settles a booking that ended before it began (a cancellation or a no-show), inside the caller's
     * transaction, once its {@code fee} (zero for a free cancellation) is on the folio: the fee is kept from
     * the deposit payments first, then captured from the open authorisations; what the deposits hold beyond it
     * is refunded, and what the authorisations hold beyond it released. A capture the gateway declines leaves
     * the rest of the fee owed on the folio, and the authorisation released.
     *
     * @return what was collected towards the fee: kept from deposits and captured
     */
    public Money settleEnded(Property property, BookingId bookingId, Money fee) {
        Money left = fee;
        for (Payment payment : payments.ofBooking(property.id(), bookingId)) {
            Money refundable = payment.refundable();
            if (!payment.deposit() || !refundable.isPositive()) {
                continue;
            }
            Money kept = min(refundable, left);
            left = left.minus(kept);
            Money back = refundable.minus(kept);
            if (back.isPositive()) {
                paymentService.refundNow(payment, back, "dep_" + payment.id().value(),
                        fee.isZero() ? "Deposit refunded, free cancellation" : "Deposit refunded beyond the fee");
            }
        }
        for (Authorisation authorisation : authorisations.ofBooking(property.id(), bookingId)) {
            if (!authorisation.isOpen()) {
                continue;
            }
            if (left.isPositive()) {
                Money part = min(authorisation.amount(), left);
                if (captureNow(authorisation, part, "Card guarantee captured for the fee") != null) {
                    left = left.minus(part);
                }
            } else {
                voidNow(authorisation);
            }
        }
        settle(property, bookingId);
        return fee.minus(left);
    }

    /**
     * Settles a booking's guarantee at check-out, inside the caller's transaction: an open authorisation pays
     * the folio's {@code balance} (all of it, or nothing: a balance above what it holds is the guest's to
     * pay down first), the rest of it released; other open authorisations are released.
     *
     * @return the folio after the capture
     * @throws PaymentDeclinedException if the gateway declined the capture
     */
    public Folio settleAtCheckOut(Property property, BookingId bookingId, Money balance) {
        boolean paid = !balance.isPositive();
        for (Authorisation authorisation : authorisations.ofBooking(property.id(), bookingId)) {
            if (!authorisation.isOpen()) {
                continue;
            }
            if (!paid && balance.compareTo(authorisation.amount()) <= 0) {
                if (captureNow(authorisation, balance, "Card guarantee captured at check-out") == null) {
                    throw new PaymentDeclinedException("the capture of the card guarantee at check-out",
                            "pay the balance another way");
                }
                paid = true;
            } else if (paid) {
                voidNow(authorisation);
            }
        }
        settle(property, bookingId);
        return folio(property.id(), bookingId);
    }

    private void settle(Property property, BookingId bookingId) {
        deposits.findBy(property.id(), bookingId).filter(Deposit::isHeld)
                .ifPresent(deposit -> deposits.save(deposit.settled(property.businessDate())));
    }

    /** Captures {@code part}; {@code null} if the gateway declined (the authorisation is then released). */
    private @Nullable Authorisation captureNow(Authorisation authorisation, Money part, String description) {
        if (!authorisation.isOpen()) {
            throw new AuthorisationNotOpenException(authorisation.id(), "it is " + authorisation.status().code());
        }
        if (part.compareTo(authorisation.amount()) > 0) {
            throw new InvalidRequestException("amount", "at most the authorised " + authorisation.amount() + ", not " + part);
        }
        PaymentGateway.Result result = gateway.captureAuthorisation("cap_" + authorisation.id().value(),
                authorisation.gatewayReference(), part);
        if (!result.approved()) {
            voidNow(authorisation);
            return null;
        }
        Payment payment = paymentService.recordCapture(authorisation.propertyId(), authorisation.bookingId(), part,
                result.reference(), authorisation.cardHint(), description);
        Authorisation saved = authorisations.save(authorisation.capturedBy(payment.id(), part));
        events.record(saved.propertyId(), saved.id().value(), new BillingEvent.AuthorisationCaptured(
                BillingEvent.AuthorisationSummary.of(saved), payment.id().value(), part, saved.released()));
        return saved;
    }

    private Authorisation voidNow(Authorisation authorisation) {
        Authorisation voided = authorisation.voided(); // refuses before the gateway is asked
        PaymentGateway.Result result = gateway.voidAuthorisation("void_" + authorisation.id().value(),
                authorisation.gatewayReference());
        if (!result.approved()) {
            throw new PaymentDeclinedException("the release of authorisation " + authorisation.id(),
                    Objects.requireNonNullElse(result.declineReason(), "declined"));
        }
        Authorisation saved = authorisations.save(voided);
        events.record(saved.propertyId(), saved.id().value(),
                new BillingEvent.AuthorisationVoided(BillingEvent.AuthorisationSummary.of(saved)));
        return saved;
    }

    private DepositStatus status(Folio folio, Optional<Deposit> deposit) {
        Money paid = Money.zero(folio.currency());
        for (Payment payment : payments.ofBooking(folio.propertyId(), folio.bookingId())) {
            if (payment.deposit()) {
                paid = paid.plus(payment.refundable());
            }
        }
        Money total = paid;
        return deposit.map(d -> new DepositStatus(d.bookingId(), d.policy(), d.due(), total, d.due().isZero() ? null : d.dueOn(),
                        d.settledOn()))
                .orElseGet(() -> new DepositStatus(folio.bookingId(), DepositPolicy.none(), Money.zero(folio.currency()), total,
                        null, null));
    }

    private static boolean postedBy(Folio folio, String reference, LocalDate date) {
        return folio.line(reference).map(line -> !line.date().isAfter(date)).orElse(false);
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Folio folio(PropertyId propertyId, BookingId bookingId) {
        return folios.findBy(propertyId, bookingId)
                .orElseThrow(() -> new NotFoundException("booking", bookingId));
    }
}
