package io.hotelkit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.hotelkit.Hotel;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PaymentGatewayResilienceTest {

    private static final ResilientPaymentGateway.Settings FAST = new ResilientPaymentGateway.Settings(Duration.ofMillis(100), 3,
            Duration.ofMillis(1), 10, 10, 50, Duration.ofMillis(200), 2, 8, Duration.ofMillis(500));

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_gateway_failing_half_the_time_and_timing_out_never_captures_a_payment_twice() {
        SimulatedPaymentGateway simulated = SimulatedPaymentGateway.builder()
                .failureRate(0.5).timeoutRate(0.1, Duration.ofMillis(300)).seed(7).build();
        ResilientPaymentGateway gateway = new ResilientPaymentGateway(simulated, FAST);
        MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
        Hotel hotel = Hotel.builder().clock(clock).storage(new MemoryStorage(clock)).paymentGateway(gateway).build();
        Property lisbon = TestHotels.lisbon(hotel);
        Booking booking = TestHotels.book(hotel, lisbon, "DBL", Stay.of("2026-12-01", "2026-12-05"));

        int payments = 40;
        int gatewayErrors = 0;
        for (int i = 0; i < payments; i++) {
            IdempotencyKey key = new IdempotencyKey("client", "payment-" + i);
            while (true) {
                try {
                    Payment payment = hotel.payments().pay(lisbon.id(), booking.id(), TestHotels.eur("10.00"), PaymentMethod.CARD,
                            "tok_visa", key);
                    assertThat(payment.status()).isEqualTo(Payment.Status.CAPTURED);
                    break;
                } catch (PaymentGatewayException failed) {
                    gatewayErrors++; // the client retries with the same key, after the breaker lets it
                    sleepQuietly(failed.circuitOpen() ? 50 : 1);
                }
            }
        }

        assertThat(gatewayErrors).as("the gateway did fail").isPositive();
        assertThat(simulated.approvedCaptures()).isEqualTo(payments);
        assertThat(hotel.payments().payments(lisbon.id(), booking.id())).hasSize(payments);
        assertThat(hotel.bookings().folio(lisbon.id(), booking.id()).balance())
                .isEqualTo(Money.of("-400.00", "EUR"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void the_breaker_opens_on_failures_fails_fast_while_open_and_closes_once_the_gateway_recovers() {
        AtomicBoolean down = new AtomicBoolean(true);
        SimulatedPaymentGateway healthy = SimulatedPaymentGateway.reliable();
        CountingGateway flaky = new CountingGateway(down, healthy);
        ResilientPaymentGateway gateway = new ResilientPaymentGateway(flaky, FAST);

        for (int i = 0; i < 4 && gateway.circuitState() == CircuitBreaker.State.CLOSED; i++) {
            assertThatThrownBy(() -> gateway.capture("k-fail", "tok_visa", TestHotels.eur("1.00")))
                    .isInstanceOf(PaymentGatewayException.class);
        }
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        int callsWhenOpened = flaky.calls;
        assertThatThrownBy(() -> gateway.capture("k-open", "tok_visa", TestHotels.eur("1.00")))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.circuitOpen()).isTrue());
        assertThat(flaky.calls).as("an open circuit does not call the gateway").isEqualTo(callsWhenOpened);

        down.set(false);
        PaymentGateway.Result result = null;
        while (result == null) { // the breaker lets a trial call through once its open time is over
            try {
                result = gateway.capture("k-after", "tok_visa", TestHotels.eur("1.00"));
            } catch (PaymentGatewayException stillOpen) {
                sleepQuietly(20);
            }
        }
        gateway.capture("k-after-2", "tok_visa", TestHotels.eur("1.00"));
        assertThat(result.approved()).isTrue();
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A gateway that fails every call while {@code down}. */
    private static final class CountingGateway implements PaymentGateway {
        private final AtomicBoolean down;
        private final PaymentGateway healthy;
        volatile int calls;

        CountingGateway(AtomicBoolean down, PaymentGateway healthy) {
            this.down = down;
            this.healthy = healthy;
        }

        @Override
        public Result capture(String idempotencyKey, String cardToken, Money amount) {
            calls++;
            if (down.get()) {
                throw new PaymentGatewayException("down");
            }
            return healthy.capture(idempotencyKey, cardToken, amount);
        }

        @Override
        public Result refund(String idempotencyKey, String captureReference, Money amount) {
            calls++;
            return healthy.refund(idempotencyKey, captureReference, amount);
        }
    }
}
