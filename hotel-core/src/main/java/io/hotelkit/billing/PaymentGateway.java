package io.hotelkit.billing;

import io.hotelkit.shared.Money;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A card payment provider. It sees only gateway tokens of cards, never card numbers. Both calls take an
 * idempotency key: a call repeated with the same key (a retry after a timeout, say) returns the first
 * call's result and moves no money twice.
 */
public interface PaymentGateway {

    /**
     * Captures {@code amount} from the card behind {@code cardToken}.
     *
     * @throws PaymentGatewayException if the gateway failed or could not be reached; whether money moved is
     *     then unknown, and a retry with the same key finds out
     */
    Result capture(String idempotencyKey, String cardToken, Money amount);

    /** Refunds {@code amount} of an earlier capture. */
    Result refund(String idempotencyKey, String captureReference, Money amount);

    /** What the gateway did. A decline is an answer, not a failure. */
    record Result(boolean approved, String reference, @Nullable String declineReason) {
        public Result {
            Objects.requireNonNull(reference, "gateway reference");
        }

        public static Result approved(String reference) {
            return new Result(true, reference, null);
        }

        public static Result declined(String reference, String reason) {
            return new Result(false, reference, reason);
        }
    }
}
