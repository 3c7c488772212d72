package io.hotelkit.billing;

import io.hotelkit.billing.internal.Posting;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.Events;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The city ledger: companies and travel agents billed on account, what their accounts owe (invoices billed
 * to them at check-out less credit notes and payments), payments received on account and allocated to
 * invoices, and the ageing of what is owed. Finance reports read {@link #balances} and {@link #openItems}.
 */
public final class CityLedger {

    /** A company's profile as created or changed. */
    public record Profile(Company.Kind kind, String name, Company.Address address, @Nullable String vatId, Money creditLimit) {
        public Profile {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(creditLimit, "credit limit");
        }
    }

    /** Part of a payment to set against an invoice. */
    public record Allocation(InvoiceId invoiceId, Money amount) {
        public Allocation {
            Objects.requireNonNull(invoiceId, "invoice id");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** What a company owed at the end of a date. */
    public record Balance(CompanyId companyId, String name, Company.Kind kind, Money balance) {}

    /** One company's open invoices at a date, with the company. */
    public record OpenItems(CompanyId companyId, String name, List<Company.OpenItem> items) {}

    /**
     * One company's line of the ageing report: what it owes by the age of its invoices (days since issue) at
     * the report's date, and its payments not yet allocated.
     */
    public record Ageing(@Nullable CompanyId companyId, String name, Money days0To30, Money days31To60, Money days61To90, Money over90,
            Money unallocated, Money balance) {}

    /** The ageing report of a property at a date: a line per company that owes or is owed, and the totals. */
    public record AgeingReport(LocalDate asOf, List<Ageing> companies, Ageing total) {}

    private final Properties properties;
    private final Companies companies;
    private final Posting posting;
    private final Idempotency idempotency;
    private final UnitOfWork transactions;
    private final Events events;
    private final IdGenerator ids;
    private final Clock clock;

    public CityLedger(Properties properties, Companies companies, Folios folios, UnitOfWork transactions, Idempotency idempotency,
            Events events, IdGenerator ids, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.companies = Objects.requireNonNull(companies, "companies");
        this.posting = new Posting(Objects.requireNonNull(folios, "folios"), companies);
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Company create(PropertyId propertyId, Profile profile, @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(profile, "profile");
        Idempotency.Request request = Idempotency.Request.of("create company").with("property_id", propertyId.value())
                .with("kind", profile.kind().name()).with("name", profile.name()).with("line1", profile.address().line1())
                .with("line2", profile.address().line2()).with("postal_code", profile.address().postalCode())
                .with("city", profile.address().city()).with("country", profile.address().country())
                .with("vat_id", profile.vatId()).with("credit_limit", profile.creditLimit());
        return idempotency.once(idempotencyKey, request, () -> {
            Property property = properties.require(propertyId);
            profile.creditLimit().requireCurrency(property.currency());
            Company saved = companies.save(new Company(CompanyId.of(ids.next()), propertyId, profile.kind(), profile.name(),
                    profile.address(), profile.vatId(), profile.creditLimit(), List.of(), 0));
            events.record(propertyId, saved.id().value(), new BillingEvent.CompanyCreated(saved.name(), saved.kind(),
                    saved.creditLimit()));
            return saved;
        }, company -> company.id().value(), id -> company(propertyId, CompanyId.of(id)));
    }

    /** Replaces a company's profile; its account is unchanged. A lower credit limit does not touch what is owed already. */
    public Company update(PropertyId propertyId, CompanyId id, Profile profile) {
        Objects.requireNonNull(profile, "profile");
        return transactions.inTransaction(() -> {
            Property property = properties.require(propertyId);
            profile.creditLimit().requireCurrency(property.currency());
            Company company = company(propertyId, id);
            Company saved = companies.save(company.withProfile(profile.kind(), profile.name(), profile.address(), profile.vatId(),
                    profile.creditLimit()));
            events.record(propertyId, id.value(), new BillingEvent.CompanyUpdated(saved.name(), saved.kind(), saved.creditLimit()));
            return saved;
        });
    }

    /**
     * Removes a company that was never billed and that no booking's window bills.
     *
     * @throws CompanyInUseException otherwise
     */
    public void delete(PropertyId propertyId, CompanyId id) {
        transactions.run(() -> {
            Company company = company(propertyId, id);
            if (!company.entries().isEmpty() || !posting.exposure(company).isZero() || posting.billedBy(company)) {
                throw new CompanyInUseException(company);
            }
            companies.delete(company);
            events.record(propertyId, id.value(), new BillingEvent.CompanyDeleted(company.name()));
        });
    }

    public Company company(PropertyId propertyId, CompanyId id) {
        return companies.findBy(Objects.requireNonNull(propertyId, "property id"), Objects.requireNonNull(id, "company id"))
                .orElseThrow(() -> new NotFoundException("company", id));
    }

    public List<Company> companies(PropertyId propertyId, @Nullable CompanyId afterId, int limit) {
        properties.require(propertyId);
        return companies.list(propertyId, afterId, limit);
    }

    /** What the company owes and may come to owe: its account and the open balances of the windows that bill it. */
    public Money exposure(Company company) {
        return posting.exposure(company);
    }

    /**
     * Records a payment received on a company's account, dated the business date, and sets it against
     * invoices: those named, else the oldest open ones first. What is not allocated stays on the account as a
     * credit.
     *
     * @throws InvalidRequestException naming {@code amount} or {@code allocations}: an amount not positive, an
     *     invoice not owed on this account, more allocated than the payment or than the invoice owes
     */
    public Company recordPayment(PropertyId propertyId, CompanyId id, Money amount, PaymentMethod method, @Nullable String reference,
            @Nullable List<Allocation> allocations, @Nullable IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        if (!amount.isPositive()) {
            throw new InvalidRequestException("amount", "a payment on account is positive");
        }
        if (method == PaymentMethod.LOYALTY_POINTS) {
            throw new InvalidRequestException("method", "a company pays by card, cash or bank transfer, not loyalty points");
        }
        if (reference != null && (reference.isBlank() || reference.length() > 100)) {
            throw new InvalidRequestException("reference", "a reference has 1 to 100 characters");
        }
        Idempotency.Request request = Idempotency.Request.of("company payment").with("property_id", propertyId.value())
                .with("company_id", id.value()).with("amount", amount).with("method", method.name()).with("reference", reference);
        if (allocations != null) {
            for (int i = 0; i < allocations.size(); i++) {
                request = request.with("invoice_" + i, allocations.get(i).invoiceId().value()).with("allocated_" + i,
                        allocations.get(i).amount());
            }
        }
        String[] paymentId = new String[1];
        return idempotency.once(idempotencyKey, request, () -> {
            Property property = properties.require(propertyId);
            amount.requireCurrency(property.currency());
            Company company = company(propertyId, id);
            String payment = ids.next();
            paymentId[0] = payment;
            LocalDate date = property.businessDate();
            Company paid = company.with(new Company.Entry(payment, Company.EntryKind.PAYMENT, date, amount.negate(), null, null, null,
                    method.name().toLowerCase(java.util.Locale.ROOT) + (reference == null ? "" : ": " + reference.strip()),
                    clock.instant()));
            Money left = amount;
            List<Allocation> plan = allocations != null ? allocations : oldestFirst(company, amount);
            Set<InvoiceId> named = new HashSet<>();
            for (Allocation allocation : plan) {
                allocation.amount().requireCurrency(property.currency());
                if (!named.add(allocation.invoiceId())) {
                    throw new InvalidRequestException("allocations", "invoice " + allocation.invoiceId() + " is named twice");
                }
                Money owed = company.owedOn(allocation.invoiceId());
                if (!company.bills(allocation.invoiceId())) {
                    throw new InvalidRequestException("allocations", "invoice " + allocation.invoiceId() + " is not on the account of "
                            + company.name());
                }
                if (!allocation.amount().isPositive() || allocation.amount().compareTo(owed) > 0) {
                    throw new InvalidRequestException("allocations", "invoice " + allocation.invoiceId() + " owes " + owed
                            + "; an allocation is more than 0 and at most that");
                }
                if (allocation.amount().compareTo(left) > 0) {
                    throw new InvalidRequestException("allocations", "the allocations come to more than the payment of " + amount);
                }
                left = left.minus(allocation.amount());
                paid = paid.with(new Company.Entry(ids.next(), Company.EntryKind.ALLOCATION, date, allocation.amount(),
                        allocation.invoiceId(), null, payment, null, clock.instant()));
            }
            Company saved = companies.save(paid);
            events.record(propertyId, id.value(), new BillingEvent.CompanyPaymentRecorded(payment, amount, amount.minus(left), method));
            return saved;
        }, company -> company.id().value(), companyId -> company(propertyId, CompanyId.of(companyId)));
    }

    /**
     * Sets what is not allocated of an earlier payment against invoices.
     *
     * @throws InvalidRequestException naming {@code allocations}, as {@link #recordPayment}
     */
    public Company allocate(PropertyId propertyId, CompanyId id, String paymentId, List<Allocation> allocations) {
        Objects.requireNonNull(allocations, "allocations");
        return transactions.inTransaction(() -> {
            Property property = properties.require(propertyId);
            Company company = company(propertyId, id);
            if (company.entries().stream().noneMatch(entry -> entry.kind() == Company.EntryKind.PAYMENT && entry.id().equals(paymentId))) {
                throw new NotFoundException("payment on account", paymentId);
            }
            Money left = company.unallocated(paymentId);
            Company allocated = company;
            for (Allocation allocation : allocations) {
                Money owed = allocated.owedOn(allocation.invoiceId());
                if (!allocation.amount().isPositive() || allocation.amount().compareTo(owed) > 0 || allocation.amount().compareTo(left) > 0) {
                    throw new InvalidRequestException("allocations", "invoice " + allocation.invoiceId() + " owes " + owed + " and the payment has "
                            + left + " left; an allocation is more than 0 and at most both");
                }
                left = left.minus(allocation.amount());
                allocated = allocated.with(new Company.Entry(ids.next(), Company.EntryKind.ALLOCATION, property.businessDate(),
                        allocation.amount(), allocation.invoiceId(), null, paymentId, null, clock.instant()));
            }
            return companies.save(allocated);
        });
    }

    /** What each of the property's companies owed at the end of {@code date}, those that owe or are owed anything. */
    public List<Balance> balances(PropertyId propertyId, LocalDate date) {
        List<Balance> balances = new ArrayList<>();
        for (Company company : all(propertyId)) {
            Money balance = company.balanceAsOf(date);
            if (!balance.isZero()) {
                balances.add(new Balance(company.id(), company.name(), company.kind(), balance));
            }
        }
        return balances;
    }

    /** The invoices each company still owed on at the end of {@code date}, those with any. */
    public List<OpenItems> openItems(PropertyId propertyId, LocalDate date) {
        List<OpenItems> open = new ArrayList<>();
        for (Company company : all(propertyId)) {
            List<Company.OpenItem> items = company.openItemsAsOf(date);
            if (!items.isEmpty()) {
                open.add(new OpenItems(company.id(), company.name(), items));
            }
        }
        return open;
    }

    /**
     * The ageing of what the property's companies owe at {@code date} (the business date when null): each open
     * invoice in the bucket of its age in days since issue (0-30, 31-60, 61-90, over 90).
     */
    public AgeingReport ageing(PropertyId propertyId, @Nullable LocalDate date) {
        Property property = properties.require(propertyId);
        LocalDate asOf = date != null ? date : property.businessDate();
        Money zero = Money.zero(property.currency());
        List<Ageing> lines = new ArrayList<>();
        Money[] totals = {zero, zero, zero, zero, zero, zero};
        for (Company company : all(propertyId)) {
            Money[] buckets = {zero, zero, zero, zero};
            for (Company.OpenItem item : company.openItemsAsOf(asOf)) {
                int bucket = bucket(ChronoUnit.DAYS.between(item.issued(), asOf));
                buckets[bucket] = buckets[bucket].plus(item.owed());
            }
            Money balance = company.balanceAsOf(asOf);
            Money open = buckets[0].plus(buckets[1]).plus(buckets[2]).plus(buckets[3]);
            Money unallocated = open.minus(balance);
            if (open.isZero() && unallocated.isZero()) {
                continue;
            }
            lines.add(new Ageing(company.id(), company.name(), buckets[0], buckets[1], buckets[2], buckets[3], unallocated, balance));
            Money[] row = {buckets[0], buckets[1], buckets[2], buckets[3], unallocated, balance};
            for (int i = 0; i < totals.length; i++) {
                totals[i] = totals[i].plus(row[i]);
            }
        }
        return new AgeingReport(asOf, lines, new Ageing(null, "total", totals[0], totals[1], totals[2], totals[3], totals[4],
                totals[5]));
    }

    /** The bucket of an invoice {@code days} old: 0 for 0-30 days, 1 for 31-60, 2 for 61-90, 3 for over 90. */
    static int bucket(long days) {
        if (days <= 30) {
            return 0;
        }
        if (days <= 60) {
            return 1;
        }
        return days <= 90 ? 2 : 3;
    }

    private List<Allocation> oldestFirst(Company company, Money amount) {
        List<Allocation> plan = new ArrayList<>();
        Money left = amount;
        for (Company.OpenItem item : company.openItems()) {
            if (!left.isPositive()) {
                break;
            }
            Money part = item.owed().compareTo(left) <= 0 ? item.owed() : left;
            plan.add(new Allocation(item.invoiceId(), part));
            left = left.minus(part);
        }
        return plan;
    }

    private List<Company> all(PropertyId propertyId) {
        properties.require(propertyId);
        List<Company> all = new ArrayList<>();
        CompanyId after = null;
        List<Company> page;
        do {
            page = companies.list(propertyId, after, 500);
            all.addAll(page);
            after = page.isEmpty() ? null : page.getLast().id();
        } while (page.size() == 500);
        return all;
    }

    /** A company that was billed, or that a booking's window bills, cannot be removed. */
    public static final class CompanyInUseException extends ConflictException {
        CompanyInUseException(Company company) {
            super("company " + company.name() + " has an account or a folio window billing it; it cannot be removed");
        }

        @Override
        public String code() {
            return "company-in-use";
        }
    }
}
