package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentGatewayException;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.billing.PaymentService;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/properties/{propertyId}/payments}: payments towards a booking's folio, and refunds of them. A declined
 * card is a payment with status {@code declined} (201), not an error; a failing gateway is 502 and records
 * nothing.
 */
final class PaymentsResource implements HttpService {

    private final PaymentService payments;
    private final InventoryService inventory;
    private final UnitOfWork transactions;
    private final Idempotent idempotent;
    private final Meters meters;

    PaymentsResource(PaymentService payments, InventoryService inventory, UnitOfWork transactions, Idempotent idempotent,
                     Meters meters) {
        this.payments = payments;
        this.inventory = inventory;
        this.transactions = transactions;
        this.idempotent = idempotent;
        this.meters = meters;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_PAYMENT, NewPayment.class, idempotent.creating(this::pay))
                .handle(Route.GET_PAYMENT, this::get)
                .handle(Route.REFUND_PAYMENT, NewRefund.class, idempotent.creating(this::refund)));
    }

    /** @param cardToken the gateway's token of the card, for card payments only; never a card number */
    record NewPayment(
            @NotNull @Size(min = 1, max = 64) String bookingId,
            @NotNull Money amount,
            @NotNull PaymentMethod method,
            @Nullable @Size(min = 1, max = 255) String cardToken,
            @Nullable @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(8) Integer window) {}

    record NewRefund(@NotNull Money amount) {}

    private Reply pay(ServerRequest req, NewPayment body) {
        PropertyId property = Params.property(req);
        Money amount = Params.positive(body.amount(), inventory.property(property).currency(), "amount");
        Payment payment;
        try {
            payment = body.window() == null || body.window() == 1
                    ? payments.pay(property, bookingId(body.bookingId()), amount, body.method(), body.cardToken(), Idempotent.key(req))
                    : payments.pay(property, bookingId(body.bookingId()), body.window(), amount, body.method(), body.cardToken(),
                            Idempotent.key(req));
        } catch (PaymentGatewayException e) {
            meters.payment("failed");
            throw e;
        }
        String outcome = payment.status().name().toLowerCase(Locale.ROOT);
        transactions.afterCommit(() -> meters.payment(outcome));
        return Reply.created(location(payment), Views.PaymentView.of(payment));
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(Views.PaymentView.of(payments.payment(Params.property(req), Params.payment(req))));
    }

    private Reply refund(ServerRequest req, NewRefund body) {
        PropertyId property = Params.property(req);
        PaymentId id = Params.payment(req);
        Money amount = Params.positive(body.amount(), inventory.property(property).currency(), "amount");
        Payment.Refund refund = payments.refund(property, id, amount, Idempotent.key(req));
        Payment payment = payments.payment(property, id);
        return Reply.created(location(payment), Views.RefundView.of(payment, refund));
    }

    private static BookingId bookingId(String value) {
        try {
            return BookingId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("booking_id", e.getMessage());
        }
    }

    private static String location(Payment payment) {
        return "/v1/properties/" + payment.propertyId().value() + "/payments/" + payment.id().value();
    }
}
