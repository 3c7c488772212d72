package io.hotelkit.reporting;

import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The accountant's close of a business date, computed from the folios' lines and the payments: nothing in
 * it is stored apart from them, so it cannot drift from them.
 *
 * @param revenue the day's charges by category and VAT rate, net and VAT (the city tax apart)
 * @param cityTax the city tax charged on the day, collected for the city
 * @param payments the day's payments and refunds by method
 * @param depositsHeld money paid by the close of the day towards bookings that arrive after it
 * @param guestLedger every folio owing or owed at the close of the day, or of a guest in the house that
 *     night; its total is the trial balance's closing
 * @param cityLedger what each company account owes at the close of the day
 * @param trialBalance the guest ledger's movement over the day
 */
public record FinanceReport(
        LocalDate date,
        Currency currency,
        List<RevenueRow> revenue,
        Money cityTax,
        List<PaymentRow> payments,
        Money depositsHeld,
        List<LedgerRow> guestLedger,
        Money guestLedgerTotal,
        List<CityLedgerRow> cityLedger,
        Money cityLedgerTotal,
        TrialBalance trialBalance) {

    public FinanceReport {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(currency, "currency");
        revenue = List.copyOf(revenue);
        Objects.requireNonNull(cityTax, "city tax");
        payments = List.copyOf(payments);
        Objects.requireNonNull(depositsHeld, "deposits held");
        guestLedger = List.copyOf(guestLedger);
        Objects.requireNonNull(guestLedgerTotal, "guest ledger total");
        cityLedger = List.copyOf(cityLedger);
        Objects.requireNonNull(cityLedgerTotal, "city ledger total");
        Objects.requireNonNull(trialBalance, "trial balance");
    }

    /** Charges of a category at a VAT rate: {@code net + vat = gross} to the cent, each the sum of its lines. */
    public record RevenueRow(String category, BigDecimal vatPercent, Money net, Money vat, Money gross) {}

    /**
     * Money taken by a method: {@code received} less {@code refunded} is {@code net}.
     *
     * @param method empty for a payment line no payment explains (none today)
     */
    public record PaymentRow(@Nullable PaymentMethod method, Money received, Money refunded, Money net) {}

    /**
     * A folio at the close of the day.
     *
     * @param inHouse whether the guest stays the night of the date
     */
    public record LedgerRow(BookingId bookingId, GuestId guestId, @Nullable String roomNumber, LocalDate arrival,
            LocalDate departure, BookingStatus status, boolean inHouse, Money balance) {}

    /** A company account at the close of the day. */
    public record CityLedgerRow(String accountId, String name, Money balance) {}

    /**
     * The guest ledger over the day: {@code opening + charges - payments = closing}, where payments are net of
     * refunds and charges include corrections.
     */
    public record TrialBalance(Money opening, Money charges, Money payments, Money closing) {

        public TrialBalance {
            Objects.requireNonNull(opening, "opening");
            Objects.requireNonNull(charges, "charges");
            Objects.requireNonNull(payments, "payments");
            Objects.requireNonNull(closing, "closing");
            if (!opening.plus(charges).minus(payments).equals(closing)) {
                throw new IllegalStateException("opening " + opening + " + charges " + charges + " - payments " + payments
                        + " is not the closing " + closing);
            }
        }
    }
}
