package io.hotelkit.reporting;

import io.hotelkit.billing.ChargeSplit;
import io.hotelkit.billing.CityLedger;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.billing.Folios;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.billing.Payments;
import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.reservations.Bookings;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The books of a business date: the finance report (revenue by category and VAT rate, payments by method,
 * deposits held, guest and city ledgers, trial balance) and the journal in double entry.
 *
 * <p>Both are computed from the folios' lines, dated by business date, and the payments that explain the
 * payment lines: there is no second bookkeeping to drift from them. A line belongs to the day it is dated:
 * a charge dated back moves that day's figures, and so the closings after it, alike.
 *
 * <p>Reading: every folio of the property, booking by booking (the stores have no index by line date). A
 * report over a large history reads as many folios as the property has bookings.
 */
public final class FinanceReports {

    private static final int PAGE = 500;

    private final Properties properties;
    private final Bookings bookings;
    private final Folios folios;
    private final Payments payments;
    private final CityLedger cityLedger;

    /** @param cityLedger where the city ledger's company balances are read */
    public FinanceReports(Properties properties, Bookings bookings, Folios folios, Payments payments, CityLedger cityLedger) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.folios = Objects.requireNonNull(folios, "folios");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.cityLedger = Objects.requireNonNull(cityLedger, "city ledger");
    }

    /**
     * The finance report of a business date, which may not be after the property's business date.
     *
     * @throws InvalidRequestException naming {@code date} for a date after the business date
     */
    public FinanceReport report(PropertyId propertyId, LocalDate date) {
        Property property = closable(propertyId, date);
        Currency currency = property.currency();
        Map<String, Map<BigDecimal, long[]>> revenue = new TreeMap<>();
        long cityTax = 0;
        Map<PaymentMethod, long[]> byMethod = new EnumMap<>(PaymentMethod.class);
        long[] unexplained = new long[2];
        long depositsHeld = 0;
        long opening = 0;
        long charges = 0;
        long paid = 0;
        long closing = 0;
        List<FinanceReport.LedgerRow> ledger = new ArrayList<>();
        for (Account account : accounts(propertyId)) {
            Map<String, PaymentMethod> methods = null;
            long balance = 0;
            long paidBefore = 0;
            for (FolioLine line : account.folio().lines()) {
                if (line.date().isAfter(date)) {
                    continue;
                }
                long amount = line.amount().minorUnits();
                balance += amount;
                boolean charge = line.kind().isCharge();
                if (!charge) {
                    paidBefore -= amount;
                }
                if (line.date().isBefore(date)) {
                    opening += amount;
                    continue;
                }
                if (charge) {
                    charges += amount;
                    ChargeSplit split = ChargeSplit.of(splitKind(account.folio(), line), line.amount(), property);
                    if (split.isRevenue()) {
                        long[] sums = revenue.computeIfAbsent(split.category(), c -> new TreeMap<>())
                                .computeIfAbsent(split.vatPercent(), r -> new long[2]);
                        sums[0] += split.net().minorUnits();
                        sums[1] += split.vat().minorUnits();
                    } else {
                        cityTax += amount;
                    }
                } else if (line.kind() == FolioLineKind.CITY_LEDGER) {
                    paid -= amount;
                } else {
                    paid -= amount;
                    if (methods == null) {
                        methods = methods(account);
                    }
                    PaymentMethod method = methods.get(line.reference());
                    long[] sums = method == null ? unexplained : byMethod.computeIfAbsent(method, m -> new long[2]);
                    sums[line.kind() == FolioLineKind.REFUND ? 1 : 0] += Math.abs(amount);
                }
            }
            closing += balance;
            Booking booking = account.booking();
            if (booking.stay().checkin().isAfter(date)) {
                depositsHeld += paidBefore;
            }
            boolean inHouse = booking.status().holdsInventory() && booking.stay().includesNight(date);
            if (balance != 0 || inHouse) {
                ledger.add(new FinanceReport.LedgerRow(booking.id(), account.folio().guestId(), booking.roomNumber(),
                        booking.stay().checkin(), booking.stay().checkout(), booking.status(), inHouse,
                        Money.ofMinor(balance, currency)));
            }
        }
        List<FinanceReport.RevenueRow> revenueRows = new ArrayList<>();
        revenue.forEach((category, rates) -> rates.forEach((rate, sums) -> revenueRows.add(new FinanceReport.RevenueRow(
                category, rate, Money.ofMinor(sums[0], currency), Money.ofMinor(sums[1], currency),
                Money.ofMinor(sums[0] + sums[1], currency)))));
        List<FinanceReport.PaymentRow> paymentRows = new ArrayList<>();
        byMethod.forEach((method, sums) -> paymentRows.add(paymentRow(method, sums, currency)));
        if (unexplained[0] != 0 || unexplained[1] != 0) {
            paymentRows.add(paymentRow(null, unexplained, currency));
        }
        ledger.sort(Comparator.comparing((FinanceReport.LedgerRow row) -> String.valueOf(row.roomNumber()))
                .thenComparing(row -> row.bookingId().value()));
        List<FinanceReport.CityLedgerRow> companies = cityLedger.balances(propertyId, date).stream()
                .map(balance -> new FinanceReport.CityLedgerRow(balance.companyId().value(), balance.name(), balance.balance()))
                .toList();
        Money companiesOwe = companies.stream().map(FinanceReport.CityLedgerRow::balance).reduce(Money.zero(currency), Money::plus);
        return new FinanceReport(date, currency, revenueRows, Money.ofMinor(cityTax, currency), paymentRows,
                Money.ofMinor(depositsHeld, currency), ledger, Money.ofMinor(closing, currency), companies,
                companiesOwe, new FinanceReport.TrialBalance(Money.ofMinor(opening, currency),
                        Money.ofMinor(charges, currency), Money.ofMinor(paid, currency), Money.ofMinor(closing, currency)));
    }

    /**
     * The journal of a business date: an entry per folio line dated that day, in posting order.
     *
     * @throws InvalidRequestException naming {@code date} for a date after the business date
     */
    public Journal journal(PropertyId propertyId, LocalDate date) {
        Property property = closable(propertyId, date);
        List<Dated> lines = new ArrayList<>();
        for (Account account : accounts(propertyId)) {
            Map<String, PaymentMethod> methods = null;
            for (FolioLine line : account.folio().lines()) {
                if (!line.date().equals(date)) {
                    continue;
                }
                if (!line.kind().isCharge() && methods == null) {
                    methods = methods(account);
                }
                lines.add(new Dated(line, entry(line, splitKind(account.folio(), line), account.booking().id(),
                        Journal.GUEST_LEDGER, property, methods)));
            }
        }
        lines.sort(Comparator.comparing((Dated dated) -> dated.line().postedAt()).thenComparing(dated -> dated.line().id()));
        return Journal.of(date, property.currency(), lines.stream().map(Dated::entry).toList());
    }

    /**
     * The entry of one folio line: the ledger takes the line's amount (a debit for a charge or a refund, a
     * credit for a payment), and revenue, VAT, city tax or the payment method the opposite.
     */
    static Journal.Entry entry(FolioLine line, FolioLineKind kind, BookingId bookingId, String ledger, Property property,
            @Nullable Map<String, PaymentMethod> methods) {
        List<Journal.Posting> postings = new ArrayList<>();
        postings.add(Journal.Posting.signed(ledger, line.amount()));
        if (line.kind().isCharge()) {
            LineSplit split = LineSplit.of(line, kind, property);
            if (!split.split().net().isZero() || split.split().vat().isZero()) {
                postings.add(Journal.Posting.signed(split.account(), split.split().net().negate()));
            }
            if (!split.split().vat().isZero()) {
                postings.add(Journal.Posting.signed(Journal.vat(split.split().vatPercent()), split.split().vat().negate()));
            }
        } else if (line.kind() == FolioLineKind.CITY_LEDGER) {
            postings.add(Journal.Posting.signed(Journal.CITY_LEDGER, line.amount().negate()));
        } else {
            PaymentMethod method = methods == null ? null : methods.get(line.reference());
            postings.add(Journal.Posting.signed(Journal.payments(method), line.amount().negate()));
        }
        return new Journal.Entry(line.id(), bookingId.value(), line.kind().name().toLowerCase(Locale.ROOT),
                line.description(), postings);
    }

    private Property closable(PropertyId propertyId, LocalDate date) {
        Property property = properties.require(propertyId);
        Objects.requireNonNull(date, "date");
        if (date.isAfter(property.businessDate())) {
            throw new InvalidRequestException("date", "the books of " + date + " are not open: the business date is "
                    + property.businessDate());
        }
        return property;
    }

    /**
     * The kind a charge line is split as: its own, or for a correction (void, allowance, transfer) the kind of
     * the line it corrects, so a room's allowance takes back the room's revenue and VAT.
     */
    private static FolioLineKind splitKind(Folio folio, FolioLine line) {
        if (!line.kind().isCharge() || line.kind().isCorrectable() || line.correctedLineId() == null) {
            return line.kind();
        }
        return folio.lineById(line.correctedLineId()).map(FolioLine::kind).orElse(line.kind());
    }

    private static FinanceReport.PaymentRow paymentRow(@Nullable PaymentMethod method, long[] sums, Currency currency) {
        return new FinanceReport.PaymentRow(method, Money.ofMinor(sums[0], currency), Money.ofMinor(sums[1], currency),
                Money.ofMinor(sums[0] - sums[1], currency));
    }

    /** The payment method behind each payment and refund line's reference ({@code payment:<id>}, {@code refund:<id>}). */
    private Map<String, PaymentMethod> methods(Account account) {
        Map<String, PaymentMethod> methods = new HashMap<>();
        for (Payment payment : payments.ofBooking(account.folio().propertyId(), account.booking().id())) {
            methods.put("payment:" + payment.id().value(), payment.method());
            payment.refunds().forEach(refund -> methods.put("refund:" + refund.id(), payment.method()));
        }
        return methods;
    }

    /** Every booking of the property that has a folio, with it. */
    private List<Account> accounts(PropertyId propertyId) {
        List<Account> all = new ArrayList<>();
        BookingId after = null;
        while (true) {
            List<Booking> page = bookings.list(BookingFilter.ofProperty(propertyId), after, PAGE);
            for (Booking booking : page) {
                folios.windows(propertyId, booking.id()).forEach(folio -> all.add(new Account(booking, folio)));
            }
            if (page.size() < PAGE) {
                return all;
            }
            after = page.getLast().id();
        }
    }

    private record Account(Booking booking, Folio folio) {}

    private record Dated(FolioLine line, Journal.Entry entry) {}
}
