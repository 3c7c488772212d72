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
    void authorises_captures_part_voids_and_refunds_over_http_each_key_moving_money_once() {
        ResilientPaymentGateway.Settings settings = new ResilientPaymentGateway.Settings(Duration.ofSeconds(5), 2,
                Duration.ofMillis(100), 10, 10, 50, Duration.ofSeconds(30), 2, 8, Duration.ofMillis(500));
        PaymentGateway gateway = new ResilientPaymentGateway(new HttpPaymentGateway(url, settings.timeout()), settings);

        PaymentGateway.Result held = gateway.authorise("auth_a", "tok_visa", TestHotels.eur("150.00"));
        assertThat(gateway.authorise("auth_a", "tok_visa", TestHotels.eur("150.00"))).isEqualTo(held);
        assertThat(gateway.captureAuthorisation("cap_x", held.reference(), TestHotels.eur("150.01")).approved()).isFalse();
        PaymentGateway.Result captured = gateway.captureAuthorisation("cap_a", held.reference(), TestHotels.eur("99.99"));
        assertThat(gateway.captureAuthorisation("cap_a", held.reference(), TestHotels.eur("99.99"))).isEqualTo(captured);
        assertThat(gateway.voidAuthorisation("void_a", held.reference()).approved()).isFalse();
        assertThat(gateway.refund("ref_a", captured.reference(), TestHotels.eur("9.99")).approved()).isTrue();
        PaymentGateway.Result other = gateway.authorise("auth_b", "tok_mastercard", TestHotels.eur("50.00"));
        assertThat(gateway.voidAuthorisation("void_b", other.reference()).approved()).isTrue();
        assertThat(gateway.authorise("auth_c", "tok_declined", TestHotels.eur("50.00")).declineReason()).isEqualTo("card declined");

        assertThat(simulator.captures()).singleElement().satisfies(capture -> {
            assertThat(capture.id()).isEqualTo(captured.reference());
            assertThat(capture.amount()).isEqualByComparingTo("99.99");
        });
        assertThat(simulator.authorisations()).extracting(GatewaySimulator.Hold::status).containsExactly("captured", "voided");
        assertThat(simulator.authorisations().getFirst().captured()).isEqualByComparingTo("99.99");
        assertThat(simulator.refunds()).singleElement().satisfies(refund -> assertThat(refund.amount()).isEqualByComparingTo("9.99"));
    }

    @Test
    void a_hotel_on_the_http_gateway_settles_deposits_and_guarantees_and_the_ledger_equals_its_payments() {
        MutableClock clock = MutableClock.at(TestHotels.CLOCK_START);
        ResilientPaymentGateway.Settings settings = new ResilientPaymentGateway.Settings(Duration.ofSeconds(5), 2,
                Duration.ofMillis(100), 10, 10, 50, Duration.ofSeconds(30), 2, 8, Duration.ofMillis(500));
        io.hotelkit.Hotel hotel = io.hotelkit.Hotel.builder().clock(clock)
                .storage(new io.hotelkit.memory.MemoryStorage(clock))
                .paymentGateway(new ResilientPaymentGateway(new HttpPaymentGateway(url, settings.timeout()), settings)).build();
        io.hotelkit.inventory.Property lisbon = TestHotels.lisbon(hotel);
        // FLEX: free until 2 days before arrival, then the first night (100.00)
        io.hotelkit.reservations.Booking late = TestHotels.book(hotel, lisbon, "DBL", TestHotels.stay("2026-12-02", "2026-12-04"));
        io.hotelkit.reservations.Booking early = TestHotels.book(hotel, lisbon, "DBL", TestHotels.stay("2026-12-20", "2026-12-22"));
        io.hotelkit.reservations.Booking stay = TestHotels.book(hotel, lisbon, "DBL", TestHotels.stay("2026-12-01", "2026-12-02"));
        hotel.guarantees().payDeposit(lisbon.id(), late.id(), TestHotels.eur("60.00"), io.hotelkit.billing.PaymentMethod.CARD,
                "tok_visa", null);
        hotel.guarantees().guarantee(lisbon.id(), late.id(), "tok_visa", null, null);
        hotel.guarantees().payDeposit(lisbon.id(), early.id(), TestHotels.eur("80.00"), io.hotelkit.billing.PaymentMethod.CARD,
                "tok_visa", null);
        hotel.guarantees().guarantee(lisbon.id(), stay.id(), "tok_visa", TestHotels.eur("400.00"), null);

        hotel.cancellations().cancel(lisbon.id(), late.id(), null);   // fee 100: 60 kept, 40 captured, 60 released
        hotel.cancellations().cancel(lisbon.id(), early.id(), null);  // free: 80 refunded
        hotel.frontDesk().checkIn(lisbon.id(), stay.id(), null);
        hotel.frontDesk().checkOut(lisbon.id(), stay.id());           // the balance captured, the rest released

        java.util.List<String> ours = new java.util.ArrayList<>();
        java.util.List<String> ourRefunds = new java.util.ArrayList<>();
        for (io.hotelkit.reservations.Booking booking : java.util.List.of(late, early, stay)) {
            assertThat(hotel.folioCharges().folio(lisbon.id(), booking.id()).balance()).isEqualTo(TestHotels.eur("0.00"));
            for (io.hotelkit.billing.Payment payment : hotel.payments().payments(lisbon.id(), booking.id())) {
                ours.add(payment.gatewayReference() + " " + payment.amount().amount().toPlainString());
                payment.refunds().forEach(r -> ourRefunds.add(r.gatewayReference() + " " + r.amount().amount().toPlainString()));
            }
        }
        assertThat(simulator.captures().stream().map(c -> c.id() + " " + c.amount().setScale(2).toPlainString()).toList())
                .containsExactlyInAnyOrderElementsOf(ours);
        assertThat(simulator.refunds().stream().map(r -> r.id() + " " + r.amount().setScale(2).toPlainString()).toList())
                .containsExactlyInAnyOrderElementsOf(ourRefunds);
        assertThat(ourRefunds).singleElement().satisfies(refund -> assertThat(refund).endsWith(" 80.00"));
        assertThat(simulator.authorisations()).extracting(GatewaySimulator.Hold::status).containsExactly("captured", "captured");
        assertThat(simulator.authorisations().getFirst().captured()).isEqualByComparingTo("40.00");
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
