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
import io.hotelkit.internal.Decimals;
import java.util.TreeMap;
import java.math.BigDecimal;
import io.hotelkit.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
    private final Companies companies;
    private final Invoices invoices;
    private final InvoiceNumbers numbers;
    private final Payments payments;
    private final Guests guests;
    private final UnitOfWork transactions;
    private final Idempotency idempotency;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;

    public InvoiceService(Properties properties, Folios folios, Companies companies, Invoices invoices, InvoiceNumbers numbers,
            Payments payments, Guests guests, UnitOfWork transactions, Idempotency idempotency, Events events, IdGenerator ids,
            Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.companies = Objects.requireNonNull(companies, "companies");
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
     * Issues an invoice of the guest's window's charges that no standing invoice has yet, numbered next in the
     * property's series for the year of the business date.
     *
     * @throws InvoiceRefusedException if every charge is invoiced already
     */
    public Invoice issue(PropertyId propertyId, BookingId bookingId, @Nullable IdempotencyKey idempotencyKey) {
        return issue(propertyId, bookingId, Folio.GUEST_WINDOW, idempotencyKey);
    }

    /**
     * Issues an invoice of one folio window's charges that no standing invoice has yet. A window billed to a
     * company is billed to its account: the invoice is made out to the company, goes on its account receivable,
     * and a city-ledger line settles the window.
     *
     * @throws InvoiceRefusedException if every charge of the window is invoiced already
     */
    public Invoice issue(PropertyId propertyId, BookingId bookingId, int window, @Nullable IdempotencyKey idempotencyKey) {
        Idempotency.Request request = Idempotency.Request.of("issue invoice").with("property_id", propertyId.value())
                .with("booking_id", bookingId.value());
        if (window != Folio.GUEST_WINDOW) {
            request = request.with("window", window);
        }
        return idempotency.once(idempotencyKey, request, () -> {
            Property property = properties.require(propertyId);
            Folio folio = folios.findBy(propertyId, bookingId, window)
                    .orElseThrow(() -> window == Folio.GUEST_WINDOW ? new NotFoundException("booking", bookingId)
                            : new NotFoundException("folio window", bookingId + "/" + window));
            Invoice invoice = invoiceOf(property, folio);
            if (invoice == null) {
                throw new InvoiceRefusedException("booking " + bookingId + " has no charges that are not invoiced already"
                        + (window == Folio.GUEST_WINDOW ? "" : " on window " + window));
            }
            return folio.billsCompany() ? bill(property, folio, invoice) : save(property, invoice, EventType.INVOICE_ISSUED);
        }, invoice -> invoice.id().value(), id -> invoice(propertyId, InvoiceId.of(id)));
    }

    /**
     * Bills what a company's window holds to the company's account, at check-out: an invoice of its charges not
     * invoiced yet, and a city-ledger line that settles the window. Run inside the check-out's transaction.
     *
     * @return the invoice, or empty when the window holds nothing to bill
     */
    public Optional<Invoice> billCompanyWindow(Folio window) {
        if (!window.billsCompany()) {
            throw new IllegalArgumentException("window " + window.window() + " of booking " + window.bookingId() + " bills no company");
        }
        Property property = properties.require(window.propertyId());
        Invoice invoice = invoiceOf(property, window);
        return invoice == null || !invoice.total().isPositive() ? Optional.empty() : Optional.of(bill(property, window, invoice));
    }

    private @Nullable Invoice invoiceOf(Property property, Folio folio) {
        Set<String> invoiced = invoicedLines(property.id(), folio.bookingId());
        List<Invoice.Line> lines = folio.lines().stream()
                .filter(line -> line.kind().isCharge() && !invoiced.contains(line.id())
                        && (line.reference() == null || !line.reference().startsWith("credit-note:")))
                .map(line -> new Invoice.Line(line.id(), line.date(), line.kind(), line.description(), line.amount(),
                        line.category(), line.vatPercent()))
                .toList();
        if (lines.isEmpty()) {
            return null;
        }
        List<Invoice.VatAmount> breakdown = vatBreakdown(property, lines, folio);
        Money vat = sumVat(property, breakdown);
        String paymentHint = folio.window() != Folio.GUEST_WINDOW ? null : payments.ofBooking(property.id(), folio.bookingId()).stream()
                .filter(payment -> payment.cardHint() != null && payment.status() == Payment.Status.CAPTURED)
                .map(Payment::cardHint).findFirst().orElse(null);
        return new Invoice(InvoiceId.of(ids.next()), property.id(), folio.bookingId(), nextNumber(property), InvoiceKind.INVOICE, null,
                property.businessDate(), clock.instant(), folio.guestId(), lines, sum(property, lines), vat, paymentHint, folio.window(),
                folio.payer().companyId(), breakdown);
    }

    private Invoice bill(Property property, Folio window, Invoice invoice) {
        CompanyId companyId = Objects.requireNonNull(window.payer().companyId());
        if (!invoice.total().isPositive()) {
            throw new InvoiceRefusedException("window " + window.window() + " of booking " + window.bookingId()
                    + " has nothing to bill to its company: its charges not invoiced come to " + invoice.total());
        }
        Company company = companies.findBy(property.id(), companyId).orElseThrow(() -> new NotFoundException("company", companyId));
        save(property, invoice, EventType.INVOICE_ISSUED);
        companies.save(company.with(new Company.Entry(invoice.id().value(), Company.EntryKind.INVOICE, invoice.issueDate(),
                invoice.total(), invoice.id(), invoice.number(), null, window.bookingId().value(), clock.instant())));
        {
            folios.save(window.post(new FolioLine(ids.next(), property.businessDate(), FolioLineKind.CITY_LEDGER, "Billed to " + company.name()
                    + ", invoice " + invoice.number(), invoice.total().negate(), "city-ledger:" + invoice.id(), clock.instant())));
        }
        events.record(property.id(), companyId.value(), new BillingEvent.CompanyInvoiced(invoice.number(), invoice.bookingId(),
                invoice.total()));
        return invoice;
    }

    /**
     * Issues a credit note that reverses an invoice in full; the invoice's charges may then be invoiced
     * again (on a company's invoice, the credit note reduces what its account owes instead).
     *
     * @throws InvoiceRefusedException if the invoice is a credit note, or credited already (in part or in full)
     */
    public Invoice credit(PropertyId propertyId, InvoiceId invoiceId, @Nullable IdempotencyKey idempotencyKey) {
        return idempotency.once(idempotencyKey, Idempotency.Request.of("credit invoice").with("property_id", propertyId.value())
                .with("invoice_id", invoiceId.value()), () -> {
            Property property = properties.require(propertyId);
            Invoice invoice = invoice(propertyId, invoiceId);
            if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
                throw new InvoiceRefusedException("invoice " + invoice.number() + " is a credit note; it cannot be credited");
            }
            if (!creditNotesOf(invoice).isEmpty()) {
                throw new InvoiceRefusedException("invoice " + invoice.number() + " is credited already");
            }
            List<Invoice.Line> lines = invoice.lines().stream()
                    .map(line -> new Invoice.Line(line.folioLineId(), line.date(), line.kind(), line.description(),
                            line.amount().negate(), line.category(), line.vatPercent()))
                    .toList();
            Invoice note = save(property, new Invoice(InvoiceId.of(ids.next()), propertyId, invoice.bookingId(), nextNumber(property),
                    InvoiceKind.CREDIT_NOTE, invoice.id(), property.businessDate(), clock.instant(), invoice.guestId(), lines,
                    invoice.total().negate(), invoice.vat().negate(), invoice.paymentHint(), invoice.window(), invoice.companyId(),
                    invoice.vatBreakdown().stream().map(Invoice.VatAmount::negate).toList()),
                    EventType.CREDIT_NOTE_ISSUED);
            onAccount(invoice, note);
            return note;
        }, note -> note.id().value(), id -> invoice(propertyId, InvoiceId.of(id)));
    }

    /**
     * What a partial credit note credits of one invoice line.
     *
     * @param amount how much of it, positive; null for all that is not credited yet
     */
    public record CreditLine(String folioLineId, @Nullable Money amount) {
        public CreditLine {
            Objects.requireNonNull(folioLineId, "folio line id");
        }
    }

    /**
     * Issues a credit note for chosen lines of an issued invoice, and amounts of them; the invoice never changes.
     * On the guest's (or a person's) window an allowance referencing the credit note takes the amounts off the
     * folio; on a company's invoice the credit note reduces what its account owes. Several partial credit
     * notes may credit an invoice until every line is credited in full.
     *
     * @throws InvoiceRefusedException if the invoice is a credit note
     * @throws io.hotelkit.shared.InvalidRequestException naming {@code lines} for a line not on the invoice, or an
     *     amount that is not positive or more than what is left of the line
     */
    public Invoice credit(PropertyId propertyId, InvoiceId invoiceId, List<CreditLine> credited, String reason,
            @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(credited, "lines");
        String why = requireReason(reason);
        if (credited.isEmpty()) {
            throw new InvalidRequestException("lines", "a partial credit note credits at least one line");
        }
        Idempotency.Request request = Idempotency.Request.of("credit invoice lines").with("property_id", propertyId.value())
                .with("invoice_id", invoiceId.value()).with("reason", why);
        for (int i = 0; i < credited.size(); i++) {
            request = request.with("line_" + i, credited.get(i).folioLineId()).with("amount_" + i, credited.get(i).amount());
        }
        return idempotency.once(idempotencyKey, request, () -> {
            Property property = properties.require(propertyId);
            Invoice invoice = invoice(propertyId, invoiceId);
            if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
                throw new InvoiceRefusedException("invoice " + invoice.number() + " is a credit note; it cannot be credited");
            }
            Map<String, Money> left = new LinkedHashMap<>();
            invoice.lines().forEach(line -> left.merge(line.folioLineId(), line.amount(), Money::plus));
            creditNotesOf(invoice).forEach(note -> note.lines().forEach(line -> left.computeIfPresent(line.folioLineId(),
                    (id, amount) -> amount.plus(line.amount()))));
            List<Invoice.Line> lines = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (CreditLine credit : credited) {
                Invoice.Line line = invoice.lines().stream().filter(l -> l.folioLineId().equals(credit.folioLineId())).findFirst()
                        .orElseThrow(() -> new InvalidRequestException("lines", "invoice " + invoice.number() + " has no line "
                                + credit.folioLineId()));
                if (!seen.add(credit.folioLineId())) {
                    throw new InvalidRequestException("lines", "line " + credit.folioLineId() + " is named twice");
                }
                Money remaining = left.get(credit.folioLineId());
                Money amount = credit.amount() != null ? credit.amount() : remaining;
                amount.requireCurrency(invoice.total().currency());
                if (!amount.isPositive() || amount.compareTo(remaining) > 0) {
                    throw new InvalidRequestException("lines", "line " + credit.folioLineId() + " can be credited more than 0 and at most "
                            + remaining + "; asked " + amount);
                }
                lines.add(new Invoice.Line(line.folioLineId(), line.date(), line.kind(), "Credit: " + line.description(),
                        amount.negate(), line.category(), line.vatPercent()));
            }
            Money total = sum(property, lines);
            List<Invoice.VatAmount> breakdown = vatBreakdown(property, lines.stream().map(line -> new Invoice.Line(line.folioLineId(),
                    line.date(), line.kind(), line.description(), line.amount().negate(), line.category(), line.vatPercent())).toList(),
                    null).stream().map(Invoice.VatAmount::negate).toList();
            Money vat = sumVat(property, breakdown);
            Invoice note = save(property, new Invoice(InvoiceId.of(ids.next()), propertyId, invoice.bookingId(), nextNumber(property),
                    InvoiceKind.CREDIT_NOTE, invoice.id(), property.businessDate(), clock.instant(), invoice.guestId(), lines, total, vat,
                    invoice.paymentHint(), invoice.window(), invoice.companyId(), breakdown), EventType.CREDIT_NOTE_ISSUED);
            if (invoice.companyId() != null) {
                onAccount(invoice, note);
            } else {
                Folio folio = folios.findBy(propertyId, invoice.bookingId(), invoice.window())
                        .orElseThrow(() -> new NotFoundException("folio of booking", invoice.bookingId()));
                for (Invoice.Line line : lines) {
                    folio = folio.post(new FolioLine(ids.next(), property.businessDate(), FolioLineKind.ALLOWANCE,
                            "Credit note " + note.number() + ": " + why, line.amount(), "credit-note:" + note.id() + ":" + line.folioLineId(),
                            clock.instant()));
                }
                folios.save(folio);
            }
            return note;
        }, note -> note.id().value(), id -> invoice(propertyId, InvoiceId.of(id)));
    }

    /** A credit note of a company's invoice goes on the company's account. */
    private void onAccount(Invoice invoice, Invoice note) {
        CompanyId companyId = invoice.companyId();
        if (companyId == null) {
            return;
        }
        Company company = companies.findBy(invoice.propertyId(), companyId).orElseThrow(() -> new NotFoundException("company", companyId));
        companies.save(company.with(new Company.Entry(note.id().value(), Company.EntryKind.CREDIT_NOTE, note.issueDate(), note.total(),
                invoice.id(), note.number(), null, invoice.bookingId().value(), clock.instant())));
    }

    static String requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            throw new InvalidRequestException("reason", "a reason has 1 to 200 characters");
        }
        return reason.strip();
    }

    public Invoice invoice(PropertyId propertyId, InvoiceId id) {
        return invoices.findBy(Objects.requireNonNull(propertyId, "property id"), Objects.requireNonNull(id, "invoice id"))
                .orElseThrow(() -> new NotFoundException("invoice", id));
    }

    /**
     * The invoice's VAT breakdown, a line per rate in rate order, from its lines' {@link ChargeSplit}s at the
     * property's taxes.
     */
    public List<Invoice.VatLine> vatBreakdown(Invoice invoice) {
        Property property = properties.require(invoice.propertyId());
        java.util.Map<java.math.BigDecimal, Money[]> byRate = new java.util.TreeMap<>();
        for (Invoice.Line line : invoice.lines()) {
            ChargeSplit split = ChargeSplit.of(line.kind(), line.amount(), property);
            Money[] sums = byRate.computeIfAbsent(split.vatPercent(),
                    rate -> new Money[] {Money.zero(property.currency()), Money.zero(property.currency())});
            sums[0] = sums[0].plus(split.net());
            sums[1] = sums[1].plus(split.vat());
        }
        return byRate.entrySet().stream()
                .map(rate -> new Invoice.VatLine(rate.getKey(), rate.getValue()[0], rate.getValue()[1],
                        rate.getValue()[0].plus(rate.getValue()[1])))
                .toList();
    }

    /** The property that issued the invoice, whose name, address and VAT id it prints as the seller's. */
    public Property seller(Invoice invoice) {
        return properties.require(invoice.propertyId());
    }

    /**
     * Who the invoice is made out to: the company it bills, the person its window bills, else its guest's name
     * ({@code erased} once the guest's data is erased).
     */
    public String billTo(Invoice invoice) {
        if (invoice.companyId() != null) {
            return companies.findBy(invoice.propertyId(), invoice.companyId()).map(Company::name).orElse(invoice.companyId().value());
        }
        if (invoice.window() != Folio.GUEST_WINDOW) {
            String person = folios.findBy(invoice.propertyId(), invoice.bookingId(), invoice.window())
                    .map(folio -> folio.payer().name()).orElse(null);
            if (person != null) {
                return person;
            }
        }
        return guests.findBy(invoice.guestId()).map(Guest::name).orElse(Guest.ERASED_NAME);
    }

    public List<Invoice> invoices(PropertyId propertyId, @Nullable InvoiceId afterId, int limit) {
        properties.require(propertyId);
        return invoices.list(propertyId, afterId, limit);
    }

    /**
     * Whether an invoice is credited (in full), paid or outstanding: a company's invoice while its account owes
     * on it, another while its folio window has a balance due. Credit notes are paid: nothing is due on them.
     */
    public Status status(Invoice invoice) {
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            return Status.PAID;
        }
        List<Invoice> notes = creditNotesOf(invoice);
        if (!notes.isEmpty() && notes.stream().map(Invoice::total).reduce(invoice.total(), Money::plus).isZero()) {
            return Status.CREDITED;
        }
        if (invoice.companyId() != null) {
            Money owed = companies.findBy(invoice.propertyId(), invoice.companyId()).map(company -> company.owedOn(invoice.id()))
                    .orElse(Money.zero(invoice.total().currency()));
            return owed.isPositive() ? Status.OUTSTANDING : Status.PAID;
        }
        Money balance = folios.findBy(invoice.propertyId(), invoice.bookingId(), invoice.window()).map(Folio::balance)
                .orElse(Money.zero(invoice.total().currency()));
        return balance.isPositive() ? Status.OUTSTANDING : Status.PAID;
    }

    private List<Invoice> creditNotesOf(Invoice invoice) {
        return invoices.ofBooking(invoice.propertyId(), invoice.bookingId()).stream()
                .filter(other -> invoice.id().equals(other.credits()))
                .toList();
    }

    /**
     * The folio lines on standing invoices: invoices not credited in full. A partial credit note leaves its
     * invoice standing (its amounts come off the folio by allowances); a company's invoice stands whatever its
     * credit notes, which reduce the account instead.
     */
    private Set<String> invoicedLines(PropertyId propertyId, BookingId bookingId) {
        List<Invoice> all = invoices.ofBooking(propertyId, bookingId);
        Set<InvoiceId> credited = new HashSet<>();
        all.stream().filter(invoice -> invoice.credits() != null && invoice.companyId() == null
                        && all.stream().anyMatch(other -> other.id().equals(invoice.credits()) && other.total().negate().equals(invoice.total())))
                .forEach(note -> credited.add(note.credits()));
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
     * is added on top (the charges they tax are the net), else what each charge with a VAT rate contains. A
     * correction (void, allowance, transfer) counts as the line it corrects on {@code folio}, at its rate.
     * Lines posted before rates have none: a room or tax line then has the property's accommodation rate.
     */
    static List<Invoice.VatAmount> vatBreakdown(Property property, List<Invoice.Line> lines, @Nullable Folio folio) {
        Map<BigDecimal, Money[]> byRate = new TreeMap<>();
        Money zero = Money.zero(property.currency());
        for (Invoice.Line line : lines) {
            FolioLineKind kind = line.kind();
            BigDecimal rate = line.vatPercent();
            if (folio != null && !kind.isCorrectable()) {
                Optional<FolioLine> corrected = folio.lineById(line.folioLineId()).map(FolioLine::correctedLineId)
                        .flatMap(folio::lineById);
                if (corrected.isPresent()) {
                    kind = corrected.get().kind();
                    rate = rate != null ? rate : corrected.get().vatPercent();
                }
            }
            if (rate == null && (kind == FolioLineKind.TAX || kind == FolioLineKind.ROOM)) {
                rate = property.taxes().vatPercent();
            }
            if (rate == null || !(kind == FolioLineKind.TAX || kind.isCharge())) {
                continue;
            }
            Money[] sums = byRate.computeIfAbsent(Decimals.normalized(rate), r -> new Money[] {zero, zero});
            if (kind == FolioLineKind.TAX) {
                sums[1] = sums[1].plus(line.amount());
            } else if (property.taxes().vatIncluded()) {
                Money contained = property.rounding().includedVat(line.amount().abs(), rate);
                contained = line.amount().isNegative() ? contained.negate() : contained;
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

    private static Money sumVat(Property property, List<Invoice.VatAmount> breakdown) {
        return breakdown.stream().map(Invoice.VatAmount::vat).reduce(Money.zero(property.currency()), Money::plus);
    }

    /** The VAT in the lines: the sum of {@link #vatBreakdown}. */
    private static Money vat(Property property, List<Invoice.Line> lines, @Nullable Folio folio) {
        return sumVat(property, vatBreakdown(property, lines, folio));
    }

    private static Money sum(Property property, List<Invoice.Line> lines) {
        Money total = Money.zero(property.currency());
        for (Invoice.Line line : lines) {
            total = total.plus(line.amount());
        }
        return total;
    }

}
