package io.hotelkit.server.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.billing.PaymentGateway;
import io.hotelkit.billing.PaymentGatewayException;
import io.hotelkit.gateway.simulator.GatewaySimulator;
import io.hotelkit.gateway.simulator.Mode;
import io.hotelkit.shared.Money;
import io.hotelkit.testing.MutableClock;
import io.hotelkit.testing.TestHotels;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against the simulated gateway's server, on loopback. */
class HttpPaymentGatewayTest {

    private final GatewaySimulator simulator = GatewaySimulator.start(0, Mode.RELIABLE, 3);
    private final URI url = URI.create("http://127.0.0.1:" + simulator.port());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void captures_declines_and_refunds_over_http_and_a_repeated_key_captures_once() {
        HttpPaymentGateway gateway = new HttpPaymentGateway(url, Duration.ofSeconds(5));

        PaymentGateway.Result captured = gateway.capture("pay_a", "tok_visa", Money.of("12.50", "EUR"));
        assertThat(captured.approved()).isTrue();
        assertThat(gateway.capture("pay_a", "tok_visa", Money.of("12.50", "EUR"))).isEqualTo(captured);
        assertThat(gateway.capture("pay_b", "tok_declined", Money.of("1.00", "EUR")))
                .satisfies(declined -> assertThat(declined.declineReason()).isEqualTo("card declined"));
        assertThat(gateway.refund("ref_a", captured.reference(), Money.of("2.50", "EUR")).approved()).isTrue();

        assertThat(simulator.captures()).singleElement().satisfies(capture -> {
            assertThat(capture.id()).isEqualTo(captured.reference());
            assertThat(capture.amount()).isEqualByComparingTo(new BigDecimal("12.50"));
        });
        assertThat(simulator.refunds()).hasSize(1);
    }

    @Test
    void a_failing_an_unreachable_and_a_key_reused_gateway_are_gateway_exceptions() {
        HttpPaymentGateway gateway = new HttpPaymentGateway(url, Duration.ofSeconds(5));
        simulator.mode(Mode.RELIABLE.with(Map.of("failure_rate", "1")));
        assertThatThrownBy(() -> gateway.capture("pay_a", "tok_visa", TestHotels.eur("1.00")))
                .isInstanceOf(PaymentGatewayException.class).hasMessageContaining("503");

        simulator.mode(Mode.RELIABLE);
        gateway.capture("pay_a", "tok_visa", TestHotels.eur("1.00"));
        assertThatThrownBy(() -> gateway.capture("pay_a", "tok_visa", TestHotels.eur("2.00")))
                .isInstanceOf(PaymentGatewayException.class).hasMessageContaining("409");

        simulator.close();
        assertThatThrownBy(() -> gateway.capture("pay_c", "tok_visa", TestHotels.eur("1.00")))
                .isInstanceOf(PaymentGatewayException.class).hasMessageContaining("could not be reached");
    }

    @Test
    void a_capture_answered_too_late_is_found_by_the_retry_with_its_key_and_charged_once() {
        simulator.mode(Mode.RELIABLE.with(Map.of("timeout_rate", "1", "timeout_ms", "1500")));
        MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
        ResilientPaymentGateway.Settings settings = new ResilientPaymentGateway.Settings(Duration.ofMillis(300), 2,
                Duration.ofMillis(100), 10, 10, 50, Duration.ofSeconds(30), 2, 8, Duration.ofMillis(500));
        ResilientPaymentGateway gateway = new ResilientPaymentGateway(new HttpPaymentGateway(url, settings.timeout()), settings,
                clock, duration -> simulator.mode(Mode.RELIABLE)); // the gateway recovers while we wait to retry

        PaymentGateway.Result result = gateway.capture("pay_late", "tok_visa", TestHotels.eur("7.00"));

        assertThat(result.approved()).isTrue();
        assertThat(simulator.captures()).singleElement()
                .satisfies(capture -> assertThat(capture.id()).isEqualTo(result.reference()));
    }
}
