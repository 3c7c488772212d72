package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.billing.Authorisation;
import io.hotelkit.billing.DepositService;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.inventory.Property;
import io.hotelkit.rates.DepositPolicy;
import io.hotelkit.reservations.Guarantees;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A booking's deposit and card guarantees: what is due, paid and when ({@code GET .../bookings/{id}/deposit}),
 * deposit payments, pre-authorisations of a card, and the property's overdue deposits. A declined card is an
 * answer with status {@code declined} (201), as for payments; a failing gateway is 502 and records nothing.
 */
final class DepositsResource implements HttpService {

    private final DepositService deposits;
    private final Guarantees guarantees;
    private final InventoryService inventory;
    private final Idempotent idempotent;

    DepositsResource(DepositService deposits, Guarantees guarantees, InventoryService inventory, Idempotent idempotent) {
        this.deposits = deposits;
        this.guarantees = guarantees;
        this.inventory = inventory;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.GET_DEPOSIT, this::get)
                .handle(Route.PAY_DEPOSIT, NewDeposit.class, idempotent.creating(this::pay))
                .handle(Route.GUARANTEE_BOOKING, NewGuarantee.class, idempotent.creating(this::guarantee))
                .handle(Route.GET_AUTHORISATION, this::authorisation)
                .handle(Route.CAPTURE_AUTHORISATION, NewCapture.class, idempotent.creating(this::capture))
                .handle(Route.VOID_AUTHORISATION, idempotent.creating(this::voidAuthorisation))
                .handle(Route.OVERDUE_DEPOSITS_REPORT, this::overdue));
    }

    /** A rate plan's deposit policy as the API reads and writes it. */
    record DepositPolicyBody(
            @NotNull DepositPolicy.Kind kind,
            @Nullable BigDecimal percent,
            @Nullable Integer daysBeforeArrival) {

        static DepositPolicyBody of(DepositPolicy policy) {
            return new DepositPolicyBody(policy.kind(), policy.percent(), policy.daysBeforeArrival());
        }

        /** The policy, or a 400 naming {@code field} and what is wrong with it. */
        DepositPolicy toPolicy(String field) {
            try {
                return new DepositPolicy(kind, percent, daysBeforeArrival);
            } catch (IllegalArgumentException e) {
                String which = e.getMessage().contains("days before") || e.getMessage().contains("due date")
                        ? ".days_before_arrival" : ".percent";
                throw new io.hotelkit.shared.InvalidRequestException(field + which, e.getMessage());
            }
        }
    }

    /** @param cardToken the gateway's token of the card, for card deposits only; never a card number */
    record NewDeposit(@NotNull Money amount, @NotNull PaymentMethod method, @Nullable @Size(min = 1, max = 255) String cardToken) {}

    /** @param amount what to hold; by default the most the guest can owe before staying (see API.md) */
    record NewGuarantee(@NotNull @Size(min = 1, max = 255) String cardToken, @Nullable Money amount) {}

    record NewCapture(@NotNull Money amount) {}

    record AuthorisationView(String id, String bookingId, Money amount, Authorisation.Status status, Money captured,
                             Money released, String gatewayReference, @Nullable String paymentId, @Nullable String cardHint,
                             @Nullable String declineReason, Instant createdAt) {
        static AuthorisationView of(Authorisation a) {
            return new AuthorisationView(a.id().value(), a.bookingId().value(), a.amount(), a.status(), a.captured(),
                    a.released(), a.gatewayReference(), a.paymentId() == null ? null : a.paymentId().value(), a.cardHint(),
                    a.declineReason(), a.createdAt());
        }
    }

    record DepositView(String bookingId, DepositPolicyBody policy, Money due, Money paid, Money outstanding,
                       @Nullable LocalDate dueOn, boolean overdue, @Nullable LocalDate settledOn,
                       List<AuthorisationView> authorisations) {}

    record OverdueDeposit(String bookingId, Money due, Money paid, Money outstanding, LocalDate dueOn) {}

    record OverdueDeposits(String propertyId, LocalDate date, List<OverdueDeposit> items) {}

    private Reply get(ServerRequest req) {
        PropertyId property = Params.property(req);
        BookingId booking = Params.booking(req);
        return Reply.ok(view(property, booking));
    }

    private DepositView view(PropertyId property, BookingId booking) {
        DepositService.DepositStatus status = deposits.status(property, booking);
        LocalDate today = inventory.property(property).businessDate();
        return new DepositView(booking.value(), DepositPolicyBody.of(status.policy()), status.due(), status.paid(),
                status.outstanding(), status.dueOn(), status.isOverdueOn(today), status.settledOn(),
                deposits.authorisations(property, booking).stream().map(AuthorisationView::of).toList());
    }

    private Reply pay(ServerRequest req, NewDeposit body) {
        PropertyId property = Params.property(req);
        Money amount = Params.positive(body.amount(), inventory.property(property).currency(), "amount");
        Payment payment = guarantees.payDeposit(property, Params.booking(req), amount, body.method(), body.cardToken(),
                Idempotent.key(req));
        return Reply.created("/v1/properties/" + property.value() + "/payments/" + payment.id().value(),
                Views.PaymentView.of(payment));
    }

    private Reply guarantee(ServerRequest req, NewGuarantee body) {
        PropertyId property = Params.property(req);
        Property hotel = inventory.property(property);
        Money amount = body.amount() == null ? null : Params.positive(body.amount(), hotel.currency(), "amount");
        Authorisation authorisation = guarantees.guarantee(property, Params.booking(req), body.cardToken(), amount,
                Idempotent.key(req));
        return Reply.created(location(authorisation), AuthorisationView.of(authorisation));
    }

    private Reply authorisation(ServerRequest req) {
        return Reply.ok(AuthorisationView.of(deposits.authorisation(Params.property(req), Params.authorisation(req))));
    }

    /** Captures all or part of an open authorisation as a card payment; the rest goes back to the card. */
    private Reply capture(ServerRequest req, NewCapture body) {
        PropertyId property = Params.property(req);
        Money amount = Params.positive(body.amount(), inventory.property(property).currency(), "amount");
        Authorisation captured = deposits.capture(property, Params.authorisation(req), amount, Idempotent.key(req));
        return Reply.created(location(captured), AuthorisationView.of(captured));
    }

    private Reply voidAuthorisation(ServerRequest req) {
        PropertyId property = Params.property(req);
        return Reply.ok(AuthorisationView.of(deposits.voidAuthorisation(property, Params.authorisation(req), Idempotent.key(req))));
    }

    private static String location(Authorisation authorisation) {
        return "/v1/properties/" + authorisation.propertyId().value() + "/authorisations/" + authorisation.id().value();
    }

    private Reply overdue(ServerRequest req) {
        PropertyId property = Params.property(req);
        LocalDate date = Params.optionalDate(req, "date").orElseGet(() -> inventory.property(property).businessDate());
        return Reply.ok(new OverdueDeposits(property.value(), date, deposits.overdue(property, date).stream()
                .map(status -> new OverdueDeposit(status.bookingId().value(), status.due(), status.paid(), status.outstanding(),
                        java.util.Objects.requireNonNull(status.dueOn())))
                .toList()));
    }
}
