package io.hotelkit.billing;

import io.hotelkit.guests.Loyalty;
import io.hotelkit.internal.CardTokens;
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
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Payments and refunds against folios. A card payment calls the gateway inside the transaction that
 * records it, with a gateway idempotency key derived from the client's: if the recording fails after the
 * gateway captured, the client's retry with the same key gets the same capture from the gateway, never a
 * second one. Bounding the gateway call in time is the gateway adapter's job (the reference server's is
 * wrapped in a time limit, retries and a circuit breaker).
 */
public final class PaymentService {

    private final Properties properties;
    private final Folios folios;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final Loyalty loyalty;
    private final UnitOfWork transactions;
    private final Idempotency idempotency;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;

    public PaymentService(Properties properties, Folios folios, Payments payments, PaymentGateway gateway, Loyalty loyalty,
            UnitOfWork transactions, Idempotency idempotency, Events events, IdGenerator ids, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.gateway = Objects.requireNonNull(gateway, "payment gateway");
        this.loyalty = Objects.requireNonNull(loyalty, "loyalty");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Takes a payment towards a booking's folio. A declined card is a payment with status declined, not an
     * exception; only a captured payment goes on the folio.
     *
     * @param cardToken the gateway token of the card, for card payments only
     * @throws PaymentGatewayException if the gateway failed or its circuit is open; nothing was recorded
     */
    public Payment pay(PropertyId propertyId, BookingId bookingId, Money amount, PaymentMethod method, @Nullable String cardToken,
            @Nullable IdempotencyKey idempotencyKey) {
        return pay(propertyId, bookingId, Folio.GUEST_WINDOW, amount, method, cardToken, idempotencyKey);
    }

    /**
     * Takes a payment towards one window of a booking's folio (the guest's is window 1), as {@link #pay}.
     *
     * @throws InvalidRequestException naming {@code window} if the booking has no such window
     */
    public Payment pay(PropertyId propertyId, BookingId bookingId, int window, Money amount, PaymentMethod method,
            @Nullable String cardToken, @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(amount, "amount").requirePositive("a payment");
        Objects.requireNonNull(method, "method");
        Idempotency.Request request = Idempotency.Request.of("pay").with("property_id", propertyId.value())
                .with("booking_id", bookingId.value()).with("amount", amount).with("method", method)
                .with("card_token", cardToken);
        if (window != Folio.GUEST_WINDOW) {
            request = request.with("window", window);
        }
        String gatewayKey = gatewayIdempotencyKey("pay_", idempotencyKey, ids::next);
        return idempotency.once(idempotencyKey, request, () -> {
            Folio folio = window == Folio.GUEST_WINDOW ? folio(propertyId, bookingId)
                    : folios.findBy(propertyId, bookingId, window).orElseThrow(() -> new InvalidRequestException("window",
                            "booking " + bookingId + " has no folio window " + window));
            Property property = properties.require(propertyId);
            amount.requireCurrency(property.currency());
            if (method == PaymentMethod.CARD) {
                if (cardToken == null) {
                    throw new InvalidRequestException("card_token", "a card payment needs a card_token");
                }
                CardTokens.requireToken("card_token", cardToken);
            } else if (cardToken != null) {
                throw new InvalidRequestException("card_token", "only card payments take a card_token");
            }
            PaymentId id = PaymentId.of(ids.next());
            Instant now = clock.instant();
            Payment payment = switch (method) {
                case CARD -> {
                    PaymentGateway.Result result = gateway.capture(gatewayKey, cardToken, amount);
                    yield new Payment(id, propertyId, bookingId, amount, method,
                            result.approved() ? Payment.Status.CAPTURED : Payment.Status.DECLINED, result.reference(),
                            hint(cardToken), result.declineReason(), 0, List.of(), now, 0);
                }
                case LOYALTY_POINTS -> {
                    long points = loyalty.redeem(folio.guestId(), amount, id.value());
                    yield new Payment(id, propertyId, bookingId, amount, method, Payment.Status.CAPTURED, "points_" + id,
                            null, null, points, List.of(), now, 0);
                }
                case CASH, BANK_TRANSFER -> new Payment(id, propertyId, bookingId, amount, method, Payment.Status.CAPTURED,
                        method.name().toLowerCase() + "_" + id, null, null, 0, List.of(), now, 0);
            };
            Payment saved = payments.save(payment);
            if (saved.status() == Payment.Status.CAPTURED) {
                folios.save(folio.post(new FolioLine(ids.next(), property.businessDate(), FolioLineKind.PAYMENT,
                        "Payment, " + method.name().toLowerCase().replace('_', ' '), amount.negate(), "payment:" + id, now)));
            }
            BillingEvent.PaymentSummary summary = BillingEvent.PaymentSummary.of(saved);
            events.record(propertyId, id.value(), saved.status() == Payment.Status.CAPTURED
                    ? new BillingEvent.PaymentCaptured(summary) : new BillingEvent.PaymentDeclined(summary));
            return saved;
        }, payment -> payment.id().value(), id -> payment(propertyId, PaymentId.of(id)));
    }

    /**
     * Gives back part or all of a captured payment: to the card through the gateway, to the loyalty
     * account for points, over the counter otherwise. The refund goes on the folio.
     *
     * @throws RefundNotAllowedException if the payment was declined or less of it is left than asked
     */
    public Payment.Refund refund(PropertyId propertyId, PaymentId paymentId, Money amount, @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(amount, "amount").requirePositive("a refund");
        Idempotency.Request request = Idempotency.Request.of("refund").with("property_id", propertyId.value())
                .with("payment_id", paymentId.value()).with("amount", amount);
        String gatewayKey = gatewayIdempotencyKey("ref_", idempotencyKey, ids::next);
        return idempotency.once(idempotencyKey, request, () -> {
            Payment payment = payment(propertyId, paymentId);
            amount.requireCurrency(payment.amount().currency());
            String refundId = ids.next();
            Instant now = clock.instant();
            payment.withRefund(new Payment.Refund(refundId, amount, "pending", now)); // refuses before money moves
            String reference = switch (payment.method()) {
                case CARD -> {
                    PaymentGateway.Result result = gateway.refund(gatewayKey, payment.gatewayReference(), amount);
                    if (!result.approved()) {
                        throw new RefundNotAllowedException(paymentId, "the gateway declined it: " + result.declineReason());
                    }
                    yield result.reference();
                }
                case LOYALTY_POINTS -> {
                    long points = amount.equals(payment.refundable()) ? payment.loyaltyPoints()
                            - refundedPoints(payment) : loyalty.program().pointsToPay(amount.amount());
                    loyalty.restore(folio(propertyId, payment.bookingId()).guestId(), points, refundId);
                    yield "points_" + refundId;
                }
                case CASH, BANK_TRANSFER -> payment.method().name().toLowerCase() + "_" + refundId;
            };
            Payment.Refund refund = new Payment.Refund(refundId, amount, reference, now);
            payments.save(payment.withRefund(refund));
            Folio folio = folios.windows(propertyId, payment.bookingId()).stream()
                    .filter(window -> window.hasReference("payment:" + paymentId)).findFirst()
                    .orElseGet(() -> folio(propertyId, payment.bookingId()));
            folios.save(folio.post(new FolioLine(ids.next(), properties.require(propertyId).businessDate(), FolioLineKind.REFUND,
                    "Refund of payment " + paymentId, amount, "refund:" + refundId, now)));
            events.record(propertyId, paymentId.value(),
                    new BillingEvent.PaymentRefunded(BillingEvent.PaymentSummary.of(payment), refundId, amount));
            return refund;
        }, refund -> refund.id(), id -> payment(propertyId, paymentId).refunds().stream()
                .filter(refund -> refund.id().equals(id)).findFirst().orElseThrow());
    }

    public Payment payment(PropertyId propertyId, PaymentId id) {
        return payments.findBy(Objects.requireNonNull(propertyId, "property id"), Objects.requireNonNull(id, "payment id"))
                .orElseThrow(() -> new NotFoundException("payment", id));
    }

    public List<Payment> payments(PropertyId propertyId, BookingId bookingId) {
        folio(propertyId, bookingId);
        return payments.ofBooking(propertyId, bookingId);
    }

    private long refundedPoints(Payment payment) {
        Money refunded = payment.amount().minus(payment.refundable());
        return refunded.isZero() ? 0 : loyalty.program().pointsToPay(refunded.amount());
    }

    private Folio folio(PropertyId propertyId, BookingId bookingId) {
        return folios.findBy(propertyId, bookingId)
                .orElseThrow(() -> new InvalidRequestException("booking_id", "property has no booking '" + bookingId + "'"));
    }


    /**
     * The payment gateway's idempotency key for a call: a key of its own, never the client's (which the
     * gateway must not see, and which names a request to hotelkit, not a call to the gateway). One rule:
     * {@code prefix} ({@code pay_} for a capture, {@code ref_} for a refund) and the first 40 hex digits of
     * the fingerprint of the client key's scope and value, so that a retry of the request, on this instance
     * or another after this one died, asks the gateway with the same key and gets its first capture back
     * instead of a second one. Without a client key a retry is a new payment, and its gateway key a new id.
     */
    static String gatewayIdempotencyKey(String prefix, @Nullable IdempotencyKey clientKey, Supplier<String> newId) {
        return prefix + (clientKey == null ? newId.get()
                : Idempotency.Request.of("gateway key").with("scope", clientKey.scope()).with("key", clientKey.key())
                        .fingerprint().substring(0, 40));
    }

    /** The last four characters of a token, masked: {@code ****visa}. */
    static String hint(String cardToken) {
        return "****" + cardToken.substring(Math.max(0, cardToken.length() - 4));
    }
}
