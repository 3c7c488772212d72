package io.hotelkit.jpa;

import io.hotelkit.billing.Authorisation;
import io.hotelkit.billing.Deposit;
import io.hotelkit.rates.DepositPolicy;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import java.util.Currency;

/** Maps deposits and authorisations to their rows and back; {@code copy} leaves the version alone. */
final class DepositsMapper {

    private DepositsMapper() {}

    static void copy(Deposit from, DepositEntity to) {
        to.propertyId = from.propertyId().value();
        to.bookingId = from.bookingId().value();
        to.kind = from.policy().kind().name();
        to.percent = from.policy().percent();
        to.daysBefore = from.policy().daysBeforeArrival();
        to.currency = from.due().currency().getCurrencyCode();
        to.due = from.due().amount();
        to.dueOn = from.dueOn();
        to.settledOn = from.settledOn();
    }

    static Deposit toDomain(DepositEntity row) {
        return new Deposit(BookingId.of(row.bookingId), PropertyId.of(row.propertyId),
                new DepositPolicy(DepositPolicy.Kind.valueOf(row.kind), row.percent, row.daysBefore),
                Money.of(row.due, Money.currency(row.currency)), row.dueOn, row.settledOn, row.version);
    }

    static void copy(Authorisation from, AuthorisationEntity to) {
        to.propertyId = from.propertyId().value();
        to.id = from.id().value();
        to.bookingId = from.bookingId().value();
        to.currency = from.amount().currency().getCurrencyCode();
        to.amount = from.amount().amount();
        to.status = from.status().name();
        to.captured = from.captured().amount();
        to.gatewayReference = from.gatewayReference();
        to.paymentId = from.paymentId() == null ? null : from.paymentId().value();
        to.cardHint = from.cardHint();
        to.declineReason = from.declineReason();
        to.createdAt = from.createdAt();
    }

    static Authorisation toDomain(AuthorisationEntity row) {
        Currency currency = Money.currency(row.currency);
        return new Authorisation(PaymentId.of(row.id), PropertyId.of(row.propertyId), BookingId.of(row.bookingId),
                Money.of(row.amount, currency), Authorisation.Status.valueOf(row.status), Money.of(row.captured, currency),
                row.gatewayReference, row.paymentId == null ? null : PaymentId.of(row.paymentId), row.cardHint,
                row.declineReason, row.createdAt, row.version);
    }
}
