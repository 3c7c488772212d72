package io.hotelkit.jpa;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceKind;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import java.util.Currency;

/**
 * Maps folios, payments and invoices to their rows and back. Folio lines and refunds are only ever added
 * (see {@link AppendOnly}); an invoice is written once.
 */
final class BillingMapper {

    private BillingMapper() {}

    static void copy(Folio from, FolioEntity to) {
        to.bookingId = from.bookingId().value();
        to.propertyId = from.propertyId().value();
        to.guestId = from.guestId().value();
        to.currency = from.currency().getCurrencyCode();
        AppendOnly.copy(from.lines(), to.lines, FolioLine::id, row -> row.id, line -> {
            FolioEntity.LineRow row = new FolioEntity.LineRow();
            row.id = line.id();
            row.businessDate = line.date();
            row.kind = line.kind().name();
            row.description = line.description();
            row.amount = line.amount().amount();
            row.reference = line.reference();
            row.postedAt = line.postedAt();
            row.category = line.category();
            row.vatPercent = line.vatPercent();
            return row;
        }, "folio lines");
    }

    static Folio toDomain(FolioEntity row) {
        Currency currency = Money.currency(row.currency);
        return new Folio(BookingId.of(row.bookingId), PropertyId.of(row.propertyId), GuestId.of(row.guestId), currency,
                row.lines.stream()
                        .map(line -> new FolioLine(line.id, line.businessDate, FolioLineKind.valueOf(line.kind), line.description,
                                Money.of(line.amount, currency), line.reference, line.postedAt, line.category, line.vatPercent))
                        .toList(),
                row.version);
    }

    static void copy(Payment from, PaymentEntity to) {
        to.id = from.id().value();
        to.propertyId = from.propertyId().value();
        to.bookingId = from.bookingId().value();
        to.currency = from.amount().currency().getCurrencyCode();
        to.amount = from.amount().amount();
        to.method = from.method().name();
        to.status = from.status().name();
        to.gatewayReference = from.gatewayReference();
        to.cardHint = from.cardHint();
        to.declineReason = from.declineReason();
        to.loyaltyPoints = from.loyaltyPoints();
        to.createdAt = from.createdAt();
        AppendOnly.copy(from.refunds(), to.refunds, Payment.Refund::id, row -> row.id, refund -> {
            PaymentEntity.RefundRow row = new PaymentEntity.RefundRow();
            row.id = refund.id();
            row.amount = refund.amount().amount();
            row.gatewayReference = refund.gatewayReference();
            row.createdAt = refund.createdAt();
            return row;
        }, "refunds");
    }

    static Payment toDomain(PaymentEntity row) {
        Currency currency = Money.currency(row.currency);
        return new Payment(PaymentId.of(row.id), PropertyId.of(row.propertyId), BookingId.of(row.bookingId),
                Money.of(row.amount, currency), PaymentMethod.valueOf(row.method), Payment.Status.valueOf(row.status),
                row.gatewayReference, row.cardHint, row.declineReason, row.loyaltyPoints,
                row.refunds.stream()
                        .map(refund -> new Payment.Refund(refund.id, Money.of(refund.amount, currency), refund.gatewayReference,
                                refund.createdAt))
                        .toList(),
                row.createdAt, row.version);
    }

    static InvoiceEntity toEntity(Invoice from) {
        InvoiceEntity to = new InvoiceEntity();
        to.id = from.id().value();
        to.propertyId = from.propertyId().value();
        to.bookingId = from.bookingId().value();
        to.number = from.number();
        to.kind = from.kind().name();
        to.credits = from.credits() == null ? null : from.credits().value();
        to.issueDate = from.issueDate();
        to.issuedAt = from.issuedAt();
        to.guestId = from.guestId().value();
        to.currency = from.total().currency().getCurrencyCode();
        to.total = from.total().amount();
        to.vat = from.vat().amount();
        to.paymentHint = from.paymentHint();
        to.vatBreakdown = TaxRows.writeBreakdown(from.vatBreakdown());
        for (Invoice.Line line : from.lines()) {
            InvoiceEntity.LineRow row = new InvoiceEntity.LineRow();
            row.folioLineId = line.folioLineId();
            row.lineDate = line.date();
            row.kind = line.kind().name();
            row.description = line.description();
            row.amount = line.amount().amount();
            row.category = line.category();
            row.vatPercent = line.vatPercent();
            to.lines.add(row);
        }
        return to;
    }

    static Invoice toDomain(InvoiceEntity row) {
        Currency currency = Money.currency(row.currency);
        return new Invoice(InvoiceId.of(row.id), PropertyId.of(row.propertyId), BookingId.of(row.bookingId), row.number,
                InvoiceKind.valueOf(row.kind), row.credits == null ? null : InvoiceId.of(row.credits), row.issueDate,
                row.issuedAt, GuestId.of(row.guestId),
                row.lines.stream()
                        .map(line -> new Invoice.Line(line.folioLineId, line.lineDate, FolioLineKind.valueOf(line.kind),
                                line.description, Money.of(line.amount, currency), line.category, line.vatPercent))
                        .toList(),
                Money.of(row.total, currency), Money.of(row.vat, currency), row.paymentHint,
                TaxRows.readBreakdown(row.vatBreakdown, currency));
    }
}
