package io.hotelkit.billing;

import io.hotelkit.shared.Money;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A card payment provider. It sees only gateway tokens of cards, never card numbers. Every call takes an
 * idempotency key: a call repeated with the same key (a retry after a timeout, say) returns the first
 * call's result and moves no money twice.
 *
 * <p>Money moves two ways: captured at once ({@link #capture}), or authorised first (held on the card) and then
 * captured, all or part, with the rest released ({@link #captureAuthorisation}), or released entirely
 * ({@link #voidAuthorisation}). A capture of either kind can be refunded. A gateway that only captures keeps
 * working: the authorisation calls' defaults refuse with a {@link PaymentGatewayException}.
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

    /**
     * Holds {@code amount} on the card behind {@code cardToken} without taking it. A declined card is an
     * answer, not a failure.
     *
     * @throws PaymentGatewayException as {@link #capture}
     */
    default Result authorise(String idempotencyKey, String cardToken, Money amount) {
        throw new PaymentGatewayException(getClass().getName() + " does not authorise cards");
    }

    /**
     * Captures {@code amount}, all or part of an authorisation, and releases the rest of it to the card: an
     * authorisation is captured once. The answer's reference is the capture's, which a refund names.
     */
    default Result captureAuthorisation(String idempotencyKey, String authorisationReference, Money amount) {
        throw new PaymentGatewayException(getClass().getName() + " does not capture authorisations");
    }

    /** Releases an authorisation: nothing of it is taken. */
    default Result voidAuthorisation(String idempotencyKey, String authorisationReference) {
        throw new PaymentGatewayException(getClass().getName() + " does not void authorisations");
    }

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
