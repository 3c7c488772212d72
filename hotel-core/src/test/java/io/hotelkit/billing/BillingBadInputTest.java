package io.hotelkit.billing;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.Hotel;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingNotChangeableException;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.CurrencyMismatchException;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad payments, refunds, charges and invoices are refused by name, and move no money. */
class BillingBadInputTest {

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
    private final SimulatedPaymentGateway gateway = SimulatedPaymentGateway.reliable();
    private Hotel hotel;
    private Property lisbon;
    private Booking booking;

    @BeforeEach
    void setUp() {
        hotel = Hotel.builder().clock(clock).storage(new MemoryStorage(clock)).paymentGateway(gateway).build();
        lisbon = TestHotels.lisbon(hotel);
        booking = TestHotels.book(hotel, lisbon, "DBL", Stay.of("2026-12-01", "2026-12-03"));
    }

    @Test
    void payments_refuse_bad_amounts_methods_and_card_data() {
        refused(() -> hotel.payments().pay(lisbon.id(), booking.id(), eur("-5.00"), PaymentMethod.CASH, null, null),
                IllegalArgumentException.class, "a payment must be more than zero: -5.00 EUR");
        refused(() -> hotel.payments().pay(lisbon.id(), booking.id(), Money.of("5.00", "USD"), PaymentMethod.CASH, null, null),
                CurrencyMismatchException.class, "expected an amount in EUR, got USD");
        refused(() -> hotel.payments().pay(lisbon.id(), booking.id(), eur("5.00"), PaymentMethod.CARD, null, null),
                InvalidRequestException.class, "a card payment needs a card_token");
        refused(() -> hotel.payments().pay(lisbon.id(), booking.id(), eur("5.00"), PaymentMethod.CARD, "4242424242424242", null),
                InvalidRequestException.class, "never a card number");
        refused(() -> hotel.payments().pay(lisbon.id(), booking.id(), eur("5.00"), PaymentMethod.CASH, "tok_visa", null),
                InvalidRequestException.class, "only card payments take a card_token");
        refused(() -> hotel.payments().pay(lisbon.id(), BookingId.of("nope"), eur("5.00"), PaymentMethod.CASH, null, null),
                InvalidRequestException.class, "property has no booking 'nope'");
        assertThat(gateway.calls()).as("the gateway saw none of it").isZero();
    }

    @Test
    void refunds_never_give_back_more_than_was_paid() {
        Payment paid = hotel.payments().pay(lisbon.id(), booking.id(), eur("50.00"), PaymentMethod.CARD, "tok_visa", null);
        hotel.payments().refund(lisbon.id(), paid.id(), eur("30.00"), null);
        long calls = gateway.calls();

        refused(() -> hotel.payments().refund(lisbon.id(), paid.id(), eur("20.01"), null), RefundNotAllowedException.class,
                "only 20.00 EUR of it is left to refund, not 20.01 EUR");
        refused(() -> hotel.payments().refund(lisbon.id(), PaymentId.of("nope"), eur("1.00"), null), NotFoundException.class,
                "no payment 'nope'");
        Payment declined = hotel.payments().pay(lisbon.id(), booking.id(), eur("10.00"), PaymentMethod.CARD, "tok_declined", null);
        assertThat(declined.status()).isEqualTo(Payment.Status.DECLINED);
        refused(() -> hotel.payments().refund(lisbon.id(), declined.id(), eur("1.00"), null), RefundNotAllowedException.class,
                "it was declined");
        assertThat(gateway.calls()).isEqualTo(calls + 1);
        assertThat(hotel.folioCharges().folio(lisbon.id(), booking.id()).balance()).isEqualTo(eur("-20.00"));
    }

    @Test
    void charges_go_only_on_open_folios_and_invoices_only_on_uninvoiced_charges() {
        refused(() -> hotel.folioCharges().charge(lisbon.id(), booking.id(), "Spa", eur("0.00"), "spa", null, null),
                IllegalArgumentException.class, "a charge must be more than zero");
        refused(() -> hotel.folioCharges().charge(lisbon.id(), booking.id(), "Spa", eur("10.00"), "Spa Treatments!", null, null),
                InvalidRequestException.class, "a category is 1 to 32 lower-case letters");
        refused(() -> hotel.folioCharges().charge(lisbon.id(), booking.id(), "Spa", eur("10.00"), "spa",
                TestHotels.BUSINESS_DATE.plusDays(1), null), InvalidRequestException.class,
                "a charge cannot be dated after the business date 2026-12-01");
        refused(() -> hotel.invoices().issue(lisbon.id(), booking.id(), null), InvoiceRefusedException.class,
                "has no charges that are not invoiced already");
        hotel.cancellations().cancel(lisbon.id(), booking.id(), null);
        refused(() -> hotel.folioCharges().charge(lisbon.id(), booking.id(), "Spa", eur("10.00"), "spa", null, null),
                BookingNotChangeableException.class, "its folio is closed: it is cancelled");
    }

    private void refused(ThrowingCallable call, Class<? extends Throwable> type, String message) {
        Folio before = hotel.storage().folios().findBy(booking.id()).orElseThrow();
        long events = hotel.storage().outbox().lastPosition();
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
        assertThat(hotel.storage().folios().findBy(booking.id())).contains(before);
        assertThat(hotel.storage().outbox().lastPosition()).isEqualTo(events);
    }
}
