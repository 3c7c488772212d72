package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pre-authorisation of a guest's card that guarantees a booking: money the gateway holds on the card without
 * taking it. It ends once: captured (all or part of it, the rest released to the card), or voided (all
 * released). A capture becomes a {@link Payment} on the folio, whose id it keeps.
 *
 * @param amount what was authorised
 * @param captured what was captured of it; zero unless {@link Status#CAPTURED}
 * @param gatewayReference the gateway's reference of the authorisation
 * @param paymentId the payment its capture made, once captured
 */
public record Authorisation(
        PaymentId id,
        PropertyId propertyId,
        BookingId bookingId,
        Money amount,
        Status status,
        Money captured,
        String gatewayReference,
        @Nullable PaymentId paymentId,
        @Nullable String cardHint,
        @Nullable String declineReason,
        Instant createdAt,
        long version) implements Versioned<Authorisation> {

    public enum Status {
        AUTHORISED,
        CAPTURED,
        VOIDED,
        DECLINED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Authorisation {
        Objects.requireNonNull(id, "authorisation id");
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(bookingId, "booking id");
        Objects.requireNonNull(amount, "amount").requirePositive("an authorisation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(captured, "captured").requireCurrency(amount.currency()).requireNotNegative("a capture");
        if (captured.compareTo(amount) > 0) {
            throw new IllegalArgumentException("captured " + captured + " is more than the authorised " + amount);
        }
        if ((status == Status.CAPTURED) != captured.isPositive() || (status == Status.CAPTURED) != (paymentId != null)) {
            throw new IllegalArgumentException("only a captured authorisation has a captured amount and a payment");
        }
        Objects.requireNonNull(gatewayReference, "gateway reference");
        Objects.requireNonNull(createdAt, "created at");
    }

    public boolean isOpen() {
        return status == Status.AUTHORISED;
    }

    /** What was authorised and not captured: given back to the card. */
    public Money released() {
        return status == Status.DECLINED ? Money.zero(amount.currency()) : amount.minus(captured);
    }

    /**
     * This authorisation captured for {@code part} by {@code payment}; the rest is released.
     *
     * @throws AuthorisationNotOpenException unless it is still authorised, or if {@code part} is more than it holds
     */
    public Authorisation capturedBy(PaymentId payment, Money part) {
        requireOpen("captured");
        if (!part.isPositive() || part.compareTo(amount) > 0) {
            throw new AuthorisationNotOpenException(id, "a capture is above 0 and at most the authorised " + amount + ", not " + part);
        }
        return new Authorisation(id, propertyId, bookingId, amount, Status.CAPTURED, part, gatewayReference, payment, cardHint,
                declineReason, createdAt, version);
    }

    /** This authorisation voided: all of it released. */
    public Authorisation voided() {
        requireOpen("voided");
        return new Authorisation(id, propertyId, bookingId, amount, Status.VOIDED, captured, gatewayReference, null, cardHint,
                declineReason, createdAt, version);
    }

    private void requireOpen(String what) {
        if (!isOpen()) {
            throw new AuthorisationNotOpenException(id, "it is " + status.code() + " and cannot be " + what);
        }
    }

    @Override
    public Authorisation withVersion(long newVersion) {
        return new Authorisation(id, propertyId, bookingId, amount, status, captured, gatewayReference, paymentId, cardHint,
                declineReason, createdAt, newVersion);
    }
}
