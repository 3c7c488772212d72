package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A payment towards a booking's folio: captured (and then perhaps refunded, in part or whole) or declined.
 *
 * @param gatewayReference the gateway's (or the till's) reference of the capture
 * @param cardHint the last characters of the card token, for receipts and invoices; never a card number
 * @param loyaltyPoints the points a loyalty payment took
 * @param deposit whether the payment is a deposit taken before arrival (see {@link Deposit}); a deposit is held
 *     until the booking is checked out, and refunded by a free cancellation
 */
public record Payment(
        PaymentId id,
        PropertyId propertyId,
        BookingId bookingId,
        Money amount,
        PaymentMethod method,
        Status status,
        String gatewayReference,
        @Nullable String cardHint,
        @Nullable String declineReason,
        long loyaltyPoints,
        List<Refund> refunds,
        Instant createdAt,
        long version,
        boolean deposit) implements Versioned<Payment> {

    public enum Status {
        CAPTURED,
        DECLINED
    }

    public Payment {
        Objects.requireNonNull(id, "payment id");
        Objects.requireNonNull(propertyId, "property id");
        Objects.requireNonNull(bookingId, "booking id");
        Objects.requireNonNull(amount, "amount").requirePositive("a payment");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(gatewayReference, "gateway reference");
        refunds = List.copyOf(refunds);
        Objects.requireNonNull(createdAt, "created at");
    }

    /** A payment that is not a deposit. */
    public Payment(PaymentId id, PropertyId propertyId, BookingId bookingId, Money amount, PaymentMethod method, Status status,
            String gatewayReference, @Nullable String cardHint, @Nullable String declineReason, long loyaltyPoints,
            List<Refund> refunds, Instant createdAt, long version) {
        this(id, propertyId, bookingId, amount, method, status, gatewayReference, cardHint, declineReason, loyaltyPoints,
                refunds, createdAt, version, false);
    }

    /** What can still be refunded: the captured amount less the refunds. */
    public Money refundable() {
        if (status != Status.CAPTURED) {
            return Money.zero(amount.currency());
        }
        Money left = amount;
        for (Refund refund : refunds) {
            left = left.minus(refund.amount());
        }
        return left;
    }

    /**
     * This payment with a refund added.
     *
     * @throws RefundNotAllowedException if the payment was declined or the refund is more than is left
     */
    public Payment withRefund(Refund refund) {
        if (status != Status.CAPTURED) {
            throw new RefundNotAllowedException(id, "it was declined");
        }
        if (refund.amount().compareTo(refundable()) > 0) {
            throw new RefundNotAllowedException(id, "only " + refundable() + " of it is left to refund, not " + refund.amount());
        }
        List<Refund> all = new ArrayList<>(refunds);
        all.add(refund);
        return new Payment(id, propertyId, bookingId, amount, method, status, gatewayReference, cardHint, declineReason,
                loyaltyPoints, all, createdAt, version, deposit);
    }

    @Override
    public Payment withVersion(long newVersion) {
        return new Payment(id, propertyId, bookingId, amount, method, status, gatewayReference, cardHint, declineReason,
                loyaltyPoints, refunds, createdAt, newVersion, deposit);
    }

    /** Money given back from a payment. */
    public record Refund(String id, Money amount, String gatewayReference, Instant createdAt) {
        public Refund {
            Objects.requireNonNull(id, "refund id");
            Objects.requireNonNull(amount, "amount").requirePositive("a refund");
            Objects.requireNonNull(gatewayReference, "gateway reference");
            Objects.requireNonNull(createdAt, "created at");
        }
    }
}
