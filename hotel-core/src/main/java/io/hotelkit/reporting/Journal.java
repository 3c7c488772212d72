package io.hotelkit.reporting;

import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.internal.Decimals;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A business date's journal in double entry: one entry per folio line of the day, each of whose postings'
 * debits equal its credits, so the day's do too.
 *
 * <p>Accounts: {@code guest_ledger} (what guests owe; a charge debits it, a payment credits it),
 * {@code city_ledger} (what companies owe), {@code revenue:<category>} (net of VAT), {@code vat:<rate>} (VAT
 * payable at that rate, {@code vat:23}), {@code city_tax} (collected for the city) and
 * {@code payments:<method>} (the till, the card acquirer, the bank: where the money went).
 *
 * @param entries in posting order
 * @param accounts every account the day moved, by name, with its debits and credits summed
 */
public record Journal(LocalDate date, Currency currency, List<Entry> entries, List<AccountTotal> accounts, Money debits,
        Money credits) {

    public static final String GUEST_LEDGER = "guest_ledger";
    public static final String CITY_LEDGER = "city_ledger";
    public static final String CITY_TAX = "city_tax";

    public Journal {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(currency, "currency");
        entries = List.copyOf(entries);
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(debits, "debits");
        Objects.requireNonNull(credits, "credits");
    }

    /** The journal of these entries, with the accounts and totals summed from them. */
    public static Journal of(LocalDate date, Currency currency, List<Entry> entries) {
        Map<String, long[]> byAccount = new TreeMap<>();
        long debits = 0;
        long credits = 0;
        for (Entry entry : entries) {
            for (Posting posting : entry.postings()) {
                long[] sums = byAccount.computeIfAbsent(posting.account(), a -> new long[2]);
                sums[0] += posting.debit().minorUnits();
                sums[1] += posting.credit().minorUnits();
                debits += posting.debit().minorUnits();
                credits += posting.credit().minorUnits();
            }
        }
        List<AccountTotal> accounts = new ArrayList<>();
        byAccount.forEach((account, sums) -> accounts.add(new AccountTotal(account, Money.ofMinor(sums[0], currency),
                Money.ofMinor(sums[1], currency))));
        return new Journal(date, currency, entries, accounts, Money.ofMinor(debits, currency), Money.ofMinor(credits, currency));
    }

    /** Whether the day's debits equal its credits. */
    public boolean balances() {
        return debits.equals(credits);
    }

    /**
     * The journal as CSV (RFC 4180, a header line, CRLF line ends), a row per posting:
     * {@code date,entry_id,booking_id,kind,description,account,debit,credit,currency}; amounts as plain
     * decimals ({@code 123.40}), an empty debit or credit where the posting has none.
     */
    public String csv() {
        StringBuilder out = new StringBuilder("date,entry_id,booking_id,kind,description,account,debit,credit,currency\r\n");
        for (Entry entry : entries) {
            for (Posting posting : entry.postings()) {
                out.append(date).append(',').append(cell(entry.id())).append(',').append(cell(entry.bookingId())).append(',')
                        .append(cell(entry.kind())).append(',').append(cell(entry.description())).append(',')
                        .append(cell(posting.account())).append(',').append(amount(posting.debit())).append(',')
                        .append(amount(posting.credit())).append(',').append(currency.getCurrencyCode()).append("\r\n");
            }
        }
        return out.toString();
    }

    private static String amount(Money money) {
        return money.isZero() ? "" : money.amount().toPlainString();
    }

    private static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    static String revenue(String category) {
        return "revenue:" + category;
    }

    static String vat(BigDecimal percent) {
        return "vat:" + Decimals.normalized(percent).toPlainString();
    }

    static String payments(@Nullable PaymentMethod method) {
        return "payments:" + (method == null ? "other" : method.name().toLowerCase(Locale.ROOT));
    }

    /**
     * What one folio line moved.
     *
     * @param id the folio line's id
     * @param kind the folio line's kind, lower case
     */
    public record Entry(String id, String bookingId, String kind, String description, List<Posting> postings) {
        public Entry {
            Objects.requireNonNull(id, "entry id");
            Objects.requireNonNull(bookingId, "booking id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
            postings = List.copyOf(postings);
        }
    }

    /** A debit or a credit to an account: one of the two is zero, neither is negative. */
    public record Posting(String account, Money debit, Money credit) {
        public Posting {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(debit, "debit").requireNotNegative("a debit");
            Objects.requireNonNull(credit, "credit").requireNotNegative("a credit");
        }

        /** A debit of a positive amount, a credit of a negative one's absolute value. */
        static Posting signed(String account, Money amount) {
            Money zero = Money.zero(amount.currency());
            return amount.isNegative() ? new Posting(account, zero, amount.negate()) : new Posting(account, amount, zero);
        }
    }

    /** An account's debits and credits of the day. */
    public record AccountTotal(String account, Money debit, Money credit) {}
}
