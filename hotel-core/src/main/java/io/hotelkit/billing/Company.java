package io.hotelkit.billing;

import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A company or travel agent that a property bills on account: its profile (billing address, VAT id, credit
 * limit) and its account receivable, a ledger of entries that are only ever added: the invoices billed to it,
 * credit notes against them, payments received, and how payments are allocated to invoices.
 *
 * @param creditLimit the most its account may owe, open company windows of bookings in the house included
 */
public record Company(
        CompanyId id,
        PropertyId propertyId,
        Kind kind,
        String name,
        Address address,
        @Nullable String vatId,
        Money creditLimit,
        List<Entry> entries,
        long version) implements Versioned<Company> {

    public enum Kind {
        COMPANY,
        TRAVEL_AGENT
    }

    public Company {
        Objects.requireNonNull(id, "company id");
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(kind, "kind");
        name = requireText(name, "name", 200);
        Objects.requireNonNull(address, "address");
        if (vatId != null) {
            vatId = vatId.strip();
            if (!vatId.matches("[A-Za-z0-9 .-]{2,32}")) {
                throw new IllegalArgumentException("a VAT id has 2 to 32 letters, digits, spaces, '.' and '-'");
            }
        }
        Objects.requireNonNull(creditLimit, "credit limit").requireNotNegative("a credit limit");
        entries = List.copyOf(entries);
        entries.forEach(entry -> entry.amount().requireCurrency(creditLimit.currency()));
    }

    public Currency currency() {
        return creditLimit.currency();
    }

    /** This company with another profile; its account is unchanged. */
    public Company withProfile(Kind newKind, String newName, Address newAddress, @Nullable String newVatId, Money newLimit) {
        return new Company(id, propertyId, newKind, newName, newAddress, newVatId, newLimit, entries, version);
    }

    /** This company with {@code entry} added to its account. */
    public Company with(Entry entry) {
        if (entries.stream().anyMatch(existing -> existing.id().equals(entry.id()))) {
            throw new IllegalArgumentException("the account of company " + id + " has entry " + entry.id() + " already");
        }
        List<Entry> added = new ArrayList<>(entries);
        added.add(entry);
        return new Company(id, propertyId, kind, name, address, vatId, creditLimit, added, version);
    }

    /** What the company owes: invoices less credit notes and payments. */
    public Money balance() {
        return balanceAsOf(LocalDate.MAX);
    }

    /** What the company owed at the end of {@code date}: entries dated that day or before. */
    public Money balanceAsOf(LocalDate date) {
        Money balance = Money.zero(currency());
        for (Entry entry : entries) {
            if (entry.kind() != EntryKind.ALLOCATION && !entry.date().isAfter(date)) {
                balance = balance.plus(entry.amount());
            }
        }
        return balance;
    }

    /** The invoices still owed in part or in full at the end of {@code date}, oldest first, with what is owed of each. */
    public List<OpenItem> openItemsAsOf(LocalDate date) {
        Map<InvoiceId, Entry> invoices = new LinkedHashMap<>();
        Map<InvoiceId, Money> owed = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.date().isAfter(date)) {
                continue;
            }
            switch (entry.kind()) {
                case INVOICE -> {
                    invoices.put(entry.invoiceId(), entry);
                    owed.put(entry.invoiceId(), entry.amount());
                }
                case CREDIT_NOTE -> owed.computeIfPresent(entry.invoiceId(), (invoice, left) -> left.plus(entry.amount()));
                case ALLOCATION -> owed.computeIfPresent(entry.invoiceId(), (invoice, left) -> left.minus(entry.amount()));
                case PAYMENT -> { }
            }
        }
        List<OpenItem> open = new ArrayList<>();
        invoices.forEach((invoiceId, invoice) -> {
            Money left = owed.get(invoiceId);
            if (left.isPositive()) {
                open.add(new OpenItem(invoiceId, Objects.requireNonNull(invoice.number()), invoice.date(), invoice.amount(), left));
            }
        });
        return List.copyOf(open);
    }

    public List<OpenItem> openItems() {
        return openItemsAsOf(LocalDate.MAX);
    }

    /** What is still owed of one invoice billed to this company (zero if it is not on this account). */
    public Money owedOn(InvoiceId invoiceId) {
        return openItems().stream().filter(item -> item.invoiceId().equals(invoiceId)).map(OpenItem::owed)
                .findFirst().orElse(Money.zero(currency()));
    }

    /** Whether this invoice is on the account. */
    public boolean bills(InvoiceId invoiceId) {
        return entries.stream().anyMatch(entry -> entry.kind() == EntryKind.INVOICE && invoiceId.equals(entry.invoiceId()));
    }

    /** The part of a payment not yet allocated to an invoice. */
    public Money unallocated(String paymentId) {
        Money left = Money.zero(currency());
        for (Entry entry : entries) {
            if (entry.kind() == EntryKind.PAYMENT && entry.id().equals(paymentId)) {
                left = left.minus(entry.amount());
            } else if (entry.kind() == EntryKind.ALLOCATION && paymentId.equals(entry.paymentId())) {
                left = left.minus(entry.amount());
            }
        }
        return left;
    }

    /** Payments received and not yet allocated, in total. */
    public Money unallocated() {
        Money open = openItems().stream().map(OpenItem::owed).reduce(Money.zero(currency()), Money::plus);
        return open.minus(balance());
    }

    @Override
    public Company withVersion(long newVersion) {
        return new Company(id, propertyId, kind, name, address, vatId, creditLimit, entries, newVersion);
    }

    private static String requireText(@Nullable String text, String field, int max) {
        Objects.requireNonNull(text, field);
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new IllegalArgumentException("a company's " + field + " has 1 to " + max + " characters");
        }
        return stripped;
    }

    /** A billing address. */
    public record Address(String line1, @Nullable String line2, String postalCode, String city, String country) {
        public Address {
            line1 = requireText(line1, "address line1", 200);
            if (line2 != null) {
                line2 = line2.strip().isEmpty() ? null : requireText(line2, "address line2", 200);
            }
            postalCode = requireText(postalCode, "postal code", 20);
            city = requireText(city, "city", 100);
            Objects.requireNonNull(country, "country");
            if (!country.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("a country is an ISO 3166 alpha-2 code such as PT");
            }
        }
    }

    public enum EntryKind {
        /** An invoice billed to the account: positive. */
        INVOICE,
        /** A credit note against one of its invoices: negative. */
        CREDIT_NOTE,
        /** A payment received: negative. */
        PAYMENT,
        /** Part of a payment set against an invoice: positive, not counted in the balance. */
        ALLOCATION
    }

    /**
     * One entry of the account.
     *
     * @param invoiceId the invoice billed, credited or paid (for invoices, credit notes and allocations)
     * @param number the invoice's or credit note's number
     * @param paymentId for an allocation, the payment it sets against the invoice
     * @param reference a payment's method and reference, an invoice's booking
     */
    public record Entry(String id, EntryKind kind, LocalDate date, Money amount, @Nullable InvoiceId invoiceId,
            @Nullable String number, @Nullable String paymentId, @Nullable String reference, Instant at) {
        public Entry {
            Objects.requireNonNull(id, "entry id");
            Objects.requireNonNull(kind, "entry kind");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(at, "at");
            boolean negative = kind == EntryKind.CREDIT_NOTE || kind == EntryKind.PAYMENT;
            if (negative ? amount.isPositive() : amount.isNegative()) {
                throw new IllegalArgumentException(kind + " entries are " + (negative ? "negative" : "positive") + ": " + amount);
            }
            if ((kind != EntryKind.PAYMENT) != (invoiceId != null)) {
                throw new IllegalArgumentException(kind + " entries " + (kind == EntryKind.PAYMENT ? "name no" : "name an") + " invoice");
            }
            if ((kind == EntryKind.ALLOCATION) != (paymentId != null)) {
                throw new IllegalArgumentException("allocations, and only they, name a payment");
            }
        }
    }

    /** An invoice still owed in part or in full. */
    public record OpenItem(InvoiceId invoiceId, String number, LocalDate issued, Money total, Money owed) {}
}
