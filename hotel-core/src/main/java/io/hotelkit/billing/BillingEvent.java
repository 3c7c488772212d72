package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What happens to folios, payments and invoices. */
public sealed interface BillingEvent extends EventPayload {

    /** A charge was posted to a booking's folio. */
    sealed interface ChargePosted extends BillingEvent {
        default EventType type() {
            return EventType.CHARGE_POSTED;
        }
    }

    /** The night audit charged one night of a stay. */
    record RoomNightCharged(LocalDate night) implements ChargePosted {}

    /** An extra (minibar, parking, ...) was charged; the amount is in the folio's currency. */
    record ExtraCharged(String category, BigDecimal amount) implements ChargePosted {}

    /** A payment as its events describe it. */
    record PaymentSummary(BookingId bookingId, Money amount, PaymentMethod method, Payment.Status status) {
        public static PaymentSummary of(Payment payment) {
            return new PaymentSummary(payment.bookingId(), payment.amount(), payment.method(), payment.status());
        }
    }

    record PaymentCaptured(PaymentSummary payment) implements BillingEvent {
        public EventType type() {
            return EventType.PAYMENT_CAPTURED;
        }
    }

    record PaymentDeclined(PaymentSummary payment) implements BillingEvent {
        public EventType type() {
            return EventType.PAYMENT_DECLINED;
        }
    }

    /** Part or all of a payment was refunded. */
    record PaymentRefunded(PaymentSummary payment, String refundId, Money refunded) implements BillingEvent {
        public EventType type() {
            return EventType.PAYMENT_REFUNDED;
        }
    }

    /** An authorisation as its events describe it. */
    record AuthorisationSummary(BookingId bookingId, Money amount, Authorisation.Status status) {
        public static AuthorisationSummary of(Authorisation authorisation) {
            return new AuthorisationSummary(authorisation.bookingId(), authorisation.amount(), authorisation.status());
        }
    }

    /** A card was pre-authorised to guarantee a booking. */
    record PaymentAuthorised(AuthorisationSummary authorisation) implements BillingEvent {
        public EventType type() {
            return EventType.PAYMENT_AUTHORISED;
        }
    }

    /** The gateway declined to pre-authorise a card. */
    record AuthorisationDeclined(AuthorisationSummary authorisation) implements BillingEvent {
        public EventType type() {
            return EventType.PAYMENT_AUTHORISATION_DECLINED;
        }
    }

    /** Part or all of an authorisation was captured as payment {@code paymentId}; the rest, {@code released}, went back to the card. */
    record AuthorisationCaptured(AuthorisationSummary authorisation, String paymentId, Money captured, Money released)
            implements BillingEvent {
        public EventType type() {
            return EventType.PAYMENT_AUTHORISATION_CAPTURED;
        }
    }

    /** An authorisation was released in full. */
    record AuthorisationVoided(AuthorisationSummary authorisation) implements BillingEvent {
        public EventType type() {
            return EventType.PAYMENT_AUTHORISATION_VOIDED;
        }
    }

    record InvoiceIssued(String number, BookingId bookingId, Money total) implements BillingEvent {
        public EventType type() {
            return EventType.INVOICE_ISSUED;
        }
    }

    record CreditNoteIssued(String number, BookingId bookingId, Money total) implements BillingEvent {
        public EventType type() {
            return EventType.CREDIT_NOTE_ISSUED;
        }
    }
}
