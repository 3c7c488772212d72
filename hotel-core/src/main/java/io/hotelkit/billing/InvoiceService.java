package io.hotelkit.billing;

import io.hotelkit.guests.Guest;
import io.hotelkit.guests.Guests;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import io.hotelkit.internal.Decimals;
import org.jspecify.annotations.Nullable;

/** Issuing invoices from folios, and credit notes that reverse them. */
public final class InvoiceService {

    /** Whether an invoice is still to be paid. */
    public enum Status {
        OUTSTANDING,
        PAID,
        CREDITED
    }

    private final Properties properties;
    private final Folios folios;
    private final Invoices invoices;
    private final InvoiceNumbers numbers;
    private final Payments payments;
    private final Guests guests;
    private final UnitOfWork transactions;
    private final Idempotency idempotency;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;

    public InvoiceService(Properties properties, Folios folios, Invoices invoices, InvoiceNumbers numbers, Payments payments,
            Guests guests, UnitOfWork transactions, Idempotency idempotency, Events events, IdGenerator ids, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.numbers = Objects.requireNonNull(numbers, "invoice numbers");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.guests = Objects.requireNonNull(guests, "guests");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues an invoice of the folio's charges that no standing invoice has yet, numbered next in the
     * property's series for the year of the business date.
     *
     * @throws InvoiceRefusedException if every charge is invoiced already
     */
    public Invoice issue(PropertyId propertyId, BookingId bookingId, @Nullable IdempotencyKey idempotencyKey) {
        return idempotency.once(idempotencyKey, Idempotency.Request.of("issue invoice").with("property_id", propertyId.value())
                .with("booking_id", bookingId.value()), () -> {
            Property property = properties.require(propertyId);
            Folio folio = folios.findBy(propertyId, bookingId)
                    .orElseThrow(() -> new NotFoundException("booking", bookingId));
            Set<String> invoiced = invoicedLines(propertyId, bookingId);
            List<Invoice.Line> lines = folio.lines().stream()
                    .filter(line -> line.kind().isCharge() && !invoiced.contains(line.id()))
                    .map(line -> new Invoice.Line(line.id(), line.date(), line.kind(), line.description(), line.amount(),
                            line.category(), line.vatPercent()))
                    .toList();
            if (lines.isEmpty()) {
                throw new InvoiceRefusedException("booking " + bookingId + " has no charges that are not invoiced already");
            }
            List<Invoice.VatAmount> breakdown = vatBreakdown(property, lines);
            Money vat = breakdown.stream().map(Invoice.VatAmount::vat).reduce(Money.zero(property.currency()), Money::plus);
            String paymentHint = payments.ofBooking(propertyId, bookingId).stream()
                    .filter(payment -> payment.cardHint() != null && payment.status() == Payment.Status.CAPTURED)
                    .map(Payment::cardHint).findFirst().orElse(null);
            return save(property, new Invoice(InvoiceId.of(ids.next()), propertyId, bookingId,
                    nextNumber(property), InvoiceKind.INVOICE, null, property.businessDate(), clock.instant(), folio.guestId(), lines,
                    sum(property, lines), vat, paymentHint, breakdown), EventType.INVOICE_ISSUED);
        }, invoice -> invoice.id().value(), id -> invoice(propertyId, InvoiceId.of(id)));
    }

    /**
     * Issues a credit note that reverses an invoice in full; the invoice's charges may then be invoiced
     * again.
     *
     * @throws InvoiceRefusedException if the invoice is a credit note, or credited already
     */
    public Invoice credit(PropertyId propertyId, InvoiceId invoiceId, @Nullable IdempotencyKey idempotencyKey) {
        return idempotency.once(idempotencyKey, Idempotency.Request.of("credit invoice").with("property_id", propertyId.value())
                .with("invoice_id", invoiceId.value()), () -> {
            Property property = properties.require(propertyId);
            Invoice invoice = invoice(propertyId, invoiceId);
            if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
                throw new InvoiceRefusedException("invoice " + invoice.number() + " is a credit note; it cannot be credited");
            }
            if (creditNoteOf(invoice) != null) {
                throw new InvoiceRefusedException("invoice " + invoice.number() + " is credited already");
            }
            List<Invoice.Line> lines = invoice.lines().stream()
                    .map(line -> new Invoice.Line(line.folioLineId(), line.date(), line.kind(), line.description(),
                            line.amount().negate(), line.category(), line.vatPercent()))
                    .toList();
            return save(property, new Invoice(InvoiceId.of(ids.next()), propertyId, invoice.bookingId(), nextNumber(property),
                    InvoiceKind.CREDIT_NOTE, invoice.id(), property.businessDate(), clock.instant(), invoice.guestId(), lines,
                    invoice.total().negate(), invoice.vat().negate(), invoice.paymentHint(),
                    invoice.vatBreakdown().stream().map(Invoice.VatAmount::negate).toList()), EventType.CREDIT_NOTE_ISSUED);
        }, note -> note.id().value(), id -> invoice(propertyId, InvoiceId.of(id)));
    }

    public Invoice invoice(PropertyId propertyId, InvoiceId id) {
        return invoices.findBy(Objects.requireNonNull(propertyId, "property id"), Objects.requireNonNull(id, "invoice id"))
                .orElseThrow(() -> new NotFoundException("invoice", id));
    }

    /** Who the invoice is made out to: its guest's name, or {@code erased} once the guest's data is erased. */
    public String billTo(Invoice invoice) {
        return guests.findBy(invoice.guestId()).map(Guest::name).orElse(Guest.ERASED_NAME);
    }

    public List<Invoice> invoices(PropertyId propertyId, @Nullable InvoiceId afterId, int limit) {
        properties.require(propertyId);
        return invoices.list(propertyId, afterId, limit);
    }

    /**
     * Whether an invoice is credited, paid (its folio is settled: no balance is due) or outstanding.
     * Credit notes are paid: nothing is due on them.
     */
    public Status status(Invoice invoice) {
        if (invoice.kind() == InvoiceKind.INVOICE && creditNoteOf(invoice) != null) {
            return Status.CREDITED;
        }
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            return Status.PAID;
        }
        Money balance = folios.findBy(invoice.propertyId(), invoice.bookingId()).map(Folio::balance).orElse(Money.zero(invoice.total().currency()));
        return balance.isPositive() ? Status.OUTSTANDING : Status.PAID;
    }

    private @Nullable Invoice creditNoteOf(Invoice invoice) {
        return invoices.ofBooking(invoice.propertyId(), invoice.bookingId()).stream()
                .filter(other -> invoice.id().equals(other.credits()))
                .findFirst().orElse(null);
    }

    private Set<String> invoicedLines(PropertyId propertyId, BookingId bookingId) {
        List<Invoice> all = invoices.ofBooking(propertyId, bookingId);
        Set<InvoiceId> credited = new HashSet<>();
        all.stream().filter(invoice -> invoice.credits() != null).forEach(note -> credited.add(note.credits()));
        Set<String> lines = new HashSet<>();
        all.stream()
                .filter(invoice -> invoice.kind() == InvoiceKind.INVOICE && !credited.contains(invoice.id()))
                .forEach(invoice -> invoice.lines().forEach(line -> lines.add(line.folioLineId())));
        return lines;
    }

    private Invoice save(Property property, Invoice invoice, EventType type) {
        invoices.add(invoice);
        events.record(property.id(), invoice.id().value(), type == EventType.CREDIT_NOTE_ISSUED
                ? new BillingEvent.CreditNoteIssued(invoice.number(), invoice.bookingId(), invoice.total())
                : new BillingEvent.InvoiceIssued(invoice.number(), invoice.bookingId(), invoice.total()));
        return invoice;
    }

    private String nextNumber(Property property) {
        int year = property.businessDate().getYear();
        return Invoice.number(year, numbers.next(property.id(), year));
    }

    /**
     * The VAT in the lines per rate, each line's worked out on its own and rounded: the tax lines when VAT
     * is added on top (the charges they tax are the net), else what each charge with a VAT rate contains.
     * Lines posted before rates have none: a room or tax line then has the property's accommodation rate.
     */
    static List<Invoice.VatAmount> vatBreakdown(Property property, List<Invoice.Line> lines) {
        Map<BigDecimal, Money[]> byRate = new TreeMap<>();
        Money zero = Money.zero(property.currency());
        for (Invoice.Line line : lines) {
            BigDecimal rate = line.vatPercent();
            if (rate == null && (line.kind() == FolioLineKind.TAX || line.kind() == FolioLineKind.ROOM)) {
                rate = property.taxes().vatPercent();
            }
            if (rate == null) {
                continue;
            }
            Money[] sums = byRate.computeIfAbsent(Decimals.normalized(rate), r -> new Money[] {zero, zero});
            if (line.kind() == FolioLineKind.TAX) {
                sums[1] = sums[1].plus(line.amount());
            } else if (property.taxes().vatIncluded()) {
                Money contained = property.rounding().includedVat(line.amount(), rate);
                sums[0] = sums[0].plus(line.amount().minus(contained));
                sums[1] = sums[1].plus(contained);
            } else {
                sums[0] = sums[0].plus(line.amount());
            }
        }
        List<Invoice.VatAmount> breakdown = new ArrayList<>();
        byRate.forEach((rate, sums) -> breakdown.add(new Invoice.VatAmount(rate, sums[0], sums[1], sums[0].plus(sums[1]))));
        return breakdown;
    }

    private static Money sum(Property property, List<Invoice.Line> lines) {
        Money total = Money.zero(property.currency());
        for (Invoice.Line line : lines) {
            total = total.plus(line.amount());
        }
        return total;
    }

}
