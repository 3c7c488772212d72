package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    /** A booking opened another folio window; {@code payer} is the person's name or the company's id (null for the guest). */
    record FolioWindowOpened(int window, Payer.Kind payerKind, @Nullable String payer) implements BillingEvent {
        public EventType type() {
            return EventType.FOLIO_WINDOW_OPENED;
        }
    }

    /** A window's routing rules were set: {@code room}, {@code extra}, {@code extra:minibar}. */
    record FolioRoutingSet(int window, List<String> routes) implements BillingEvent {
        public FolioRoutingSet {
            routes = List.copyOf(routes);
        }

        public EventType type() {
            return EventType.FOLIO_ROUTING_SET;
        }
    }

    /** A charge was moved: reversed on its window and posted on another window, of this booking or another. */
    record ChargeMoved(String lineId, int fromWindow, BookingId toBooking, int toWindow, Money amount) implements BillingEvent {
        public EventType type() {
            return EventType.CHARGE_MOVED;
        }
    }

    /** A line was voided on its business date: reversed by a line referencing it. */
    record LineVoided(String lineId, int window, Money amount, String reason) implements BillingEvent {
        public EventType type() {
            return EventType.LINE_VOIDED;
        }
    }

    /** An allowance (a negative adjustment) was posted against a line. */
    record AllowancePosted(String lineId, int window, Money amount, String reason) implements BillingEvent {
        public EventType type() {
            return EventType.ALLOWANCE_POSTED;
        }
    }

    record CompanyCreated(String name, Company.Kind kind, Money creditLimit) implements BillingEvent {
        public EventType type() {
            return EventType.COMPANY_CREATED;
        }
    }

    record CompanyUpdated(String name, Company.Kind kind, Money creditLimit) implements BillingEvent {
        public EventType type() {
            return EventType.COMPANY_UPDATED;
        }
    }

    record CompanyDeleted(String name) implements BillingEvent {
        public EventType type() {
            return EventType.COMPANY_DELETED;
        }
    }

    /** A company window was settled at check-out by an invoice to the company's account. */
    record CompanyInvoiced(String number, BookingId bookingId, Money total) implements BillingEvent {
        public EventType type() {
            return EventType.COMPANY_INVOICED;
        }
    }

    /** A payment was received on a company's account; {@code allocated} of it was set against invoices. */
    record CompanyPaymentRecorded(String paymentId, Money amount, Money allocated, PaymentMethod method) implements BillingEvent {
        public EventType type() {
            return EventType.COMPANY_PAYMENT_RECORDED;
        }
    }
}
