package io.hotelkit.jpa;

import io.hotelkit.billing.Company;
import io.hotelkit.billing.CompanyId;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceKind;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.Payer;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.billing.RoutingRule;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

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

    private static FolioEntity.LineRow row(FolioLine line) {
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
    }

    private static FolioLine line(FolioEntity.LineRow line, Currency currency) {
        return new FolioLine(line.id, line.businessDate, FolioLineKind.valueOf(line.kind), line.description,
                Money.of(line.amount, currency), line.reference, line.postedAt, line.category, line.vatPercent);
    }

    static void copy(Folio from, FolioWindowEntity to) {
        to.propertyId = from.propertyId().value();
        to.bookingId = from.bookingId().value();
        to.windowNo = from.window();
        to.guestId = from.guestId().value();
        to.currency = from.currency().getCurrencyCode();
        to.payerKind = from.payer().kind().name();
        to.payerName = from.payer().name();
        to.companyId = from.payer().companyId() == null ? null : from.payer().companyId().value();
        to.routes = String.join(",", from.routes().stream().map(BillingMapper::wire).toList());
        AppendOnly.copy(from.lines(), to.lines, FolioLine::id, row -> row.id, BillingMapper::row, "folio lines");
    }

    static Folio toDomain(FolioWindowEntity row) {
        Currency currency = Money.currency(row.currency);
        Payer payer = new Payer(Payer.Kind.valueOf(row.payerKind), row.payerName, row.companyId == null ? null : CompanyId.of(row.companyId));
        List<RoutingRule> routes = row.routes.isEmpty() ? List.of()
                : Arrays.stream(row.routes.split(",")).map(BillingMapper::rule).toList();
        return new Folio(BookingId.of(row.bookingId), PropertyId.of(row.propertyId), GuestId.of(row.guestId), currency,
                row.lines.stream().map(line -> line(line, currency)).toList(), row.version, row.windowNo, payer, routes);
    }

    private static String wire(RoutingRule rule) {
        return rule.category() == null ? rule.kind().name() : rule.kind().name() + ":" + rule.category();
    }

    private static RoutingRule rule(String wire) {
        String[] parts = wire.split(":", 2);
        return new RoutingRule(FolioLineKind.valueOf(parts[0]), parts.length == 2 ? parts[1] : null);
    }

    static void copy(Company from, CompanyEntity to) {
        to.propertyId = from.propertyId().value();
        to.id = from.id().value();
        to.kind = from.kind().name();
        to.name = from.name();
        to.line1 = from.address().line1();
        to.line2 = from.address().line2();
        to.postalCode = from.address().postalCode();
        to.city = from.address().city();
        to.country = from.address().country();
        to.vatId = from.vatId();
        to.currency = from.currency().getCurrencyCode();
        to.creditLimit = from.creditLimit().amount();
        AppendOnly.copy(from.entries(), to.entries, Company.Entry::id, row -> row.id, entry -> {
            CompanyEntity.EntryRow row = new CompanyEntity.EntryRow();
            row.id = entry.id();
            row.kind = entry.kind().name();
            row.entryDate = entry.date();
            row.amount = entry.amount().amount();
            row.invoiceId = entry.invoiceId() == null ? null : entry.invoiceId().value();
            row.number = entry.number();
            row.paymentId = entry.paymentId();
            row.reference = entry.reference();
            row.entryAt = entry.at();
            return row;
        }, "company account entries");
    }

    static Company toDomain(CompanyEntity row) {
        Currency currency = Money.currency(row.currency);
        return new Company(CompanyId.of(row.id), PropertyId.of(row.propertyId), Company.Kind.valueOf(row.kind), row.name,
                new Company.Address(row.line1, row.line2, row.postalCode, row.city, row.country), row.vatId,
                Money.of(row.creditLimit, currency),
                row.entries.stream().map(entry -> new Company.Entry(entry.id, Company.EntryKind.valueOf(entry.kind), entry.entryDate,
                        Money.of(entry.amount, currency), entry.invoiceId == null ? null : InvoiceId.of(entry.invoiceId), entry.number,
                        entry.paymentId, entry.reference, entry.entryAt)).toList(),
                row.version);
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
        to.deposit = from.deposit();
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
                row.createdAt, row.version, row.deposit);
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
        to.windowNo = from.window();
        to.companyId = from.companyId() == null ? null : from.companyId().value();
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
                Money.of(row.total, currency), Money.of(row.vat, currency), row.paymentHint, row.windowNo,
                row.companyId == null ? null : CompanyId.of(row.companyId), TaxRows.readBreakdown(row.vatBreakdown, currency));
    }
}
