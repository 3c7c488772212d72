package io.hotelkit.billing;

import io.hotelkit.shared.Money;
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
 *     posting idempotent
 */
public record FolioLine(
        String id,
        LocalDate date,
        FolioLineKind kind,
        String description,
        Money amount,
        @Nullable String reference,
        Instant postedAt) {

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
        if (kind == FolioLineKind.PAYMENT ? amount.isPositive() : amount.isNegative()) {
            throw new IllegalArgumentException(kind.name().toLowerCase() + " lines must not be "
                    + (amount.isPositive() ? "positive" : "negative") + ": " + amount);
        }
        Objects.requireNonNull(postedAt, "posted at");
    }
}
