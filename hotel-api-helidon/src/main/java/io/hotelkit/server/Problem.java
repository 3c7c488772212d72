package io.hotelkit.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem document, the body of every error response.
 *
 * @param type a URI naming the kind of problem; its last segment is a stable code ({@code not-available})
 * @param errors the fields that failed, for a request that failed validation
 * @param existingId the id of what exists already, for a duplicate
 * @param reason why a stay is not available ({@code sold_out}, {@code min_stay}, ...)
 * @param balance what is owed, with the nights still to charge, when a check-out is refused for it: the amount
 *     to take before checking out again
 * @param room which room of a reservation request was refused (its place in {@code rooms}, from 0)
 * @param roomType the room type of the refused room
 * @param expectedPrice the room price that stands, when a booking sent another the rate plan does not take
 * @param priceTolerancePercent how far from it a channel's price may be, where the rate plan lets channels send theirs
 */
record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<FieldError> errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String existingId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Money balance,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer room,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String roomType,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Money expectedPrice,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable BigDecimal priceTolerancePercent) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://hotelkit.io/problems/";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        errors = errors == null ? null : List.copyOf(errors);
    }

    static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail, null, null, null, null, null, null, null, null);
    }

    Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, existingId, reason, balance, room, roomType, expectedPrice,
                priceTolerancePercent);
    }

    Problem withExistingId(@Nullable String id) {
        return new Problem(type, title, status, detail, errors, id, reason, balance, room, roomType, expectedPrice,
                priceTolerancePercent);
    }

    Problem withReason(String why) {
        return new Problem(type, title, status, detail, errors, existingId, why, balance, room, roomType, expectedPrice,
                priceTolerancePercent);
    }

    Problem withBalance(Money owed) {
        return new Problem(type, title, status, detail, errors, existingId, reason, owed, room, roomType, expectedPrice,
                priceTolerancePercent);
    }

    /** The refused room of a reservation request: its place in {@code rooms} and its room type. */
    Problem withRoom(int index, String type) {
        return new Problem(this.type, title, status, detail, errors, existingId, reason, balance, index, type, expectedPrice,
                priceTolerancePercent);
    }

    Problem withExpectedPrice(Money expected, @Nullable BigDecimal tolerancePercent) {
        return new Problem(type, title, status, detail, errors, existingId, reason, balance, room, roomType, expected,
                tolerancePercent);
    }

    /** The code this problem's type ends in. */
    public String code() {
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** A field that failed, named by its JSON path ({@code guest.email}, {@code prices[2].amount}). */
    public record FieldError(String field, String message) {}
}
