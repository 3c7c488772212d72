package io.hotelkit.billing;

import io.hotelkit.internal.Decimals;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a folio.
 *
 * @param date the business date the line belongs to (the night, for room charges)
 * @param amount positive for charges and refunds, negative for payments
 * @param reference what the line was posted for, unique within the folio where given: the night audit's
 *     {@code room:2026-12-01}, a payment's id; posting the same reference twice is refused, which makes
 *     posting idempotent. A correction's reference names the line it corrects: {@code void:<line>},
 *     {@code move-out:<line>}, {@code allowance:<line>:<n>}, {@code credit-note:<note>:<line>}; a moved
 *     charge's on its new window {@code move-in:<line>}
 * @param category the charge category: {@code room}, a package's or an extra's ({@code breakfast}, {@code minibar}),
 *     {@code city_tax}; a VAT line has the category of the charge it taxes; null for payments, refunds and lines
 *     posted before categories
 * @param vatPercent the VAT rate of the charge (of a VAT line: its rate); null where no VAT applies (the city
 *     tax, payments, extras of a property with one VAT rate) or the line was posted before rates
 */
public record FolioLine(
        String id,
        LocalDate date,
        FolioLineKind kind,
        String description,
        Money amount,
        @Nullable String reference,
        Instant postedAt,
        @Nullable String category,
        @Nullable BigDecimal vatPercent) {

    public FolioLine {
        Objects.requireNonNull(id, "folio line id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        description = description.strip();
        if (description.isEmpty() || description.length() > 200) {
            throw new IllegalArgumentException("a folio line's description has 1 to 200 characters");
        }
        Objects.requireNonNull(amount, "amount");
        if (kind.isCredit() ? amount.isPositive() : amount.isNegative()) {
            throw new IllegalArgumentException(kind.name().toLowerCase() + " lines must not be "
                    + (amount.isPositive() ? "positive" : "negative") + ": " + amount);
        }
        Objects.requireNonNull(postedAt, "posted at");
        if (vatPercent != null) {
            if (vatPercent.signum() < 0 || vatPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("a folio line's vat percent is between 0 and 100, not " + vatPercent.toPlainString());
            }
            vatPercent = Decimals.normalized(vatPercent);
        }
    }

    /** A line without a charge category or VAT rate: a payment, a refund, a fee. */
    public FolioLine(String id, LocalDate date, FolioLineKind kind, String description, Money amount, @Nullable String reference,
            Instant postedAt) {
        this(id, date, kind, description, amount, reference, postedAt, null, null);
    }

    /** The id of the line this one corrects (voids, moves out, takes an allowance from), if it is a correction. */
    public @Nullable String correctedLineId() {
        if (reference == null) {
            return null;
        }
        String[] parts = reference.split(":");
        return switch (parts[0]) {
            case "void", "move-out" -> parts.length == 2 ? parts[1] : null;
            case "allowance" -> parts.length == 3 ? parts[1] : null;
            case "credit-note" -> parts.length == 3 ? parts[2] : null;
            default -> null;
        };
    }

    /** The id of the line this one was moved from, if it is a moved charge. */
    public @Nullable String movedFromLineId() {
        return reference != null && reference.startsWith("move-in:") ? reference.substring("move-in:".length()) : null;
    }
}
