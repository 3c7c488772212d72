package io.hotelkit.server.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.hotelkit.Hotel;
import io.hotelkit.billing.Payment;
import io.hotelkit.billing.PaymentGateway;
import io.hotelkit.billing.PaymentGatewayException;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.billing.SimulatedPaymentGateway;
import io.hotelkit.inventory.Property;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.reservations.Booking;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Stay;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The guards around the payment gateway, on a clock the test moves: the breaker's open time is read off
 * it, and the waits between retries move it instead of sleeping. Only the time limit on an attempt is real
 * time (the simulated gateway's late answers).
 */
class PaymentGatewayResilienceTest {

    private static final Duration RETRY_WAIT = Duration.ofMillis(100);
    private static final Duration OPEN_FOR = Duration.ofSeconds(30);
    private static final ResilientPaymentGateway.Settings SETTINGS = new ResilientPaymentGateway.Settings(Duration.ofMillis(100), 3,
            RETRY_WAIT, 10, 10, 50, OPEN_FOR, 2, 8, Duration.ofMillis(500));

    private final MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_gateway_failing_half_the_time_and_timing_out_never_captures_a_payment_twice() {
        SimulatedPaymentGateway simulated = SimulatedPaymentGateway.builder()
                .failureRate(0.5).timeoutRate(0.1, Duration.ofMillis(250)).seed(7).build();
        ResilientPaymentGateway gateway = new ResilientPaymentGateway(simulated, SETTINGS, clock, clock::advance);
        AtomicInteger opened = new AtomicInteger();
        gateway.onTransition((from, to) -> opened.addAndGet(to == CircuitBreaker.State.OPEN ? 1 : 0));
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
                    gatewayErrors++; // the client retries with the same key, once the breaker lets it
                    if (failed.circuitOpen()) {
                        clock.advance(OPEN_FOR);
                    }
                }
            }
        }

        assertThat(gatewayErrors).as("the gateway did fail").isPositive();
        assertThat(opened.get()).as("the breaker opened").isPositive();
        assertThat(simulated.approvedCaptures()).isEqualTo(payments);
        assertThat(hotel.payments().payments(lisbon.id(), booking.id())).hasSize(payments);
        assertThat(hotel.folioCharges().folio(lisbon.id(), booking.id()).balance())
                .isEqualTo(Money.of("-400.00", "EUR"));
    }

    @Test
    void the_breaker_opens_on_failures_fails_fast_while_open_and_closes_once_its_open_time_is_over_and_the_gateway_answers() {
        AtomicBoolean down = new AtomicBoolean(true);
        CountingGateway flaky = new CountingGateway(down, SimulatedPaymentGateway.reliable());
        ResilientPaymentGateway gateway = new ResilientPaymentGateway(flaky, SETTINGS, clock, clock::advance);
        List<String> transitions = new ArrayList<>();
        gateway.onTransition((from, to) -> transitions.add(from + "->" + to));

        for (int i = 0; i < 4 && gateway.circuitState() == CircuitBreaker.State.CLOSED; i++) {
            assertThatThrownBy(() -> gateway.capture("k-fail", "tok_visa", TestHotels.eur("1.00")))
                    .isInstanceOf(PaymentGatewayException.class);
        }
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        int callsWhenOpened = flaky.calls.get();
        down.set(false);
        clock.advance(OPEN_FOR.minusSeconds(1));
        assertThatThrownBy(() -> gateway.capture("k-open", "tok_visa", TestHotels.eur("1.00")))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.circuitOpen()).isTrue());
        assertThat(flaky.calls.get()).as("an open circuit does not call the gateway").isEqualTo(callsWhenOpened);

        clock.advance(Duration.ofSeconds(2)); // its open time is over: trial calls go through
        assertThat(gateway.capture("k-after", "tok_visa", TestHotels.eur("1.00")).approved()).isTrue();
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(gateway.capture("k-after-2", "tok_visa", TestHotels.eur("1.00")).approved()).isTrue();
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    }

    @Test
    void retries_wait_through_the_pause_and_carry_the_same_key() {
        List<String> keys = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        PaymentGateway twiceFailing = new PaymentGateway() {
            @Override
            public Result capture(String idempotencyKey, String cardToken, Money amount) {
                keys.add(idempotencyKey);
                if (keys.size() < 3) {
                    throw new PaymentGatewayException("down");
                }
                return Result.approved("ch_1");
            }

            @Override
            public Result refund(String idempotencyKey, String captureReference, Money amount) {
                throw new UnsupportedOperationException();
            }
        };
        ResilientPaymentGateway gateway = new ResilientPaymentGateway(twiceFailing, SETTINGS, clock, waits::add);

        assertThat(gateway.capture("pay_1", "tok_visa", TestHotels.eur("1.00")).reference()).isEqualTo("ch_1");
        assertThat(keys).containsExactly("pay_1", "pay_1", "pay_1");
        assertThat(waits).containsExactly(RETRY_WAIT, RETRY_WAIT);
    }

    /** A gateway that fails every capture while {@code down}. */
    private static final class CountingGateway implements PaymentGateway {
        private final AtomicBoolean down;
        private final PaymentGateway healthy;
        final AtomicInteger calls = new AtomicInteger();

        CountingGateway(AtomicBoolean down, PaymentGateway healthy) {
            this.down = down;
            this.healthy = healthy;
        }

        @Override
        public Result capture(String idempotencyKey, String cardToken, Money amount) {
            calls.incrementAndGet();
            if (down.get()) {
                throw new PaymentGatewayException("down");
            }
            return healthy.capture(idempotencyKey, cardToken, amount);
        }

        @Override
        public Result refund(String idempotencyKey, String captureReference, Money amount) {
            calls.incrementAndGet();
            return healthy.refund(idempotencyKey, captureReference, amount);
        }
    }
}
