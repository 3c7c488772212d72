package io.hotelkit.billing;

import io.hotelkit.internal.Decimals;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An issued invoice or credit note: numbered without gaps per property and year ({@code 2026-000042}), and
 * never changed once issued. A correction is a credit note that reverses the invoice in full.
 *
 * @param credits for a credit note, the invoice it reverses
 * @param guestId who the invoice is made out to; the name is the guest's, so that erasing a guest's
 *     personal data reaches invoices without changing a figure or a number of them
 * @param vat the VAT in the total, whether added on top of prices or included in them
 * @param paymentHint how it was paid, masked (a card's last characters), if by card
 * @param window the folio window it invoices (1, the guest's, for invoices issued before windows)
 * @param companyId the company it is billed to, whose account receivable holds it; null when billed to the
 *     guest (or to the window's payer)
 * @param vatBreakdown per VAT rate, in rate order: the net, the VAT and the gross of the lines at that rate
 *     (lines without VAT, such as the city tax, are in none); its VAT sums to {@code vat}
 */
public record Invoice(
        InvoiceId id,
        PropertyId propertyId,
        BookingId bookingId,
        String number,
        InvoiceKind kind,
        @Nullable InvoiceId credits,
        LocalDate issueDate,
        Instant issuedAt,
        GuestId guestId,
        List<Line> lines,
        Money total,
        Money vat,
        @Nullable String paymentHint,
        int window,
        @Nullable CompanyId companyId,
        List<VatAmount> vatBreakdown) {

    public Invoice {
        Objects.requireNonNull(id, "invoice id");
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(bookingId, "booking id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        if ((kind == InvoiceKind.CREDIT_NOTE) != (credits != null)) {
            throw new IllegalArgumentException("a credit note, and only a credit note, credits an invoice");
        }
        Objects.requireNonNull(issueDate, "issue date");
        Objects.requireNonNull(issuedAt, "issued at");
        Objects.requireNonNull(guestId, "guest id");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line");
        }
        Objects.requireNonNull(total, "total");
        Money sum = lines.stream().map(Line::amount).reduce(Money::plus).orElseThrow();
        if (!sum.equals(total)) {
            throw new IllegalArgumentException("invoice total " + total + " is not the sum of its lines, " + sum);
        }
        Objects.requireNonNull(vat, "vat");
        vatBreakdown = List.copyOf(vatBreakdown);
        if (window < 1 || window > Folio.MAX_WINDOWS) {
            throw new IllegalArgumentException("an invoice's folio window is 1 to " + Folio.MAX_WINDOWS + ": " + window);
        }
    }

    /** An invoice of the guest's window, billed to the guest: as invoices were before windows. */
    public Invoice(InvoiceId id, PropertyId propertyId, BookingId bookingId, String number, InvoiceKind kind, @Nullable InvoiceId credits,
            LocalDate issueDate, Instant issuedAt, GuestId guestId, List<Line> lines, Money total, Money vat,
            @Nullable String paymentHint) {
        this(id, propertyId, bookingId, number, kind, credits, issueDate, issuedAt, guestId, lines, total, vat, paymentHint,
                Folio.GUEST_WINDOW, null, List.of());
    }

    /** An invoice of a window, without a breakdown by VAT rate. */
    public Invoice(InvoiceId id, PropertyId propertyId, BookingId bookingId, String number, InvoiceKind kind, @Nullable InvoiceId credits,
            LocalDate issueDate, Instant issuedAt, GuestId guestId, List<Line> lines, Money total, Money vat,
            @Nullable String paymentHint, int window, @Nullable CompanyId companyId) {
        this(id, propertyId, bookingId, number, kind, credits, issueDate, issuedAt, guestId, lines, total, vat, paymentHint,
                window, companyId, List.of());
    }

    /** The lines at one VAT rate: {@code net + vat = gross}. */
    public record VatAmount(BigDecimal percent, Money net, Money vat, Money gross) {
        public VatAmount {
            percent = Decimals.normalized(Objects.requireNonNull(percent, "vat percent"));
            if (!net.plus(vat).equals(gross)) {
                throw new IllegalArgumentException("net " + net + " and vat " + vat + " do not make gross " + gross);
            }
        }

        public VatAmount negate() {
            return new VatAmount(percent, net.negate(), vat.negate(), gross.negate());
        }
    }

    /** The number of the {@code sequence}-th invoice of a property's year: {@code 2026-000042}. */
    public static String number(int year, long sequence) {
        return "%04d-%06d".formatted(year, sequence);
    }

    /**
     * The invoice's charges at one VAT rate: {@code net + vat = gross}, each the sum of the lines'
     * {@link ChargeSplit}s; the rates' grosses add up to the total.
     */
    public record VatLine(BigDecimal percent, Money net, Money vat, Money gross) {}

    /**
     * A line: a folio charge as invoiced (negated on a credit note), with its charge category and VAT rate
     * as the folio line has them.
     */
    public record Line(String folioLineId, LocalDate date, FolioLineKind kind, String description, Money amount,
            @Nullable String category, @Nullable BigDecimal vatPercent) {
        public Line {
            Objects.requireNonNull(folioLineId, "folio line id");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(amount, "amount");
            vatPercent = vatPercent == null ? null : Decimals.normalized(vatPercent);
        }

        /** A line without a category or VAT rate. */
        public Line(String folioLineId, LocalDate date, FolioLineKind kind, String description, Money amount) {
            this(folioLineId, date, kind, description, amount, null, null);
        }
    }
}
