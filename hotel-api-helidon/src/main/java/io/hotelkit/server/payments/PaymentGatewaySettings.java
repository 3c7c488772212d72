package io.hotelkit.server.payments;

import io.hotelkit.billing.PaymentGateway;
import io.hotelkit.billing.SimulatedPaymentGateway;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which payment gateway the server calls, and the guards around it.
 *
 * @param url the address of a gateway reached over HTTP ({@code hotel.payment-gateway.url}); without one the
 *     server captures through core's in-process {@link SimulatedPaymentGateway}, as an embedding would
 * @param resilience the time limit per attempt, retries, circuit breaker and cap on calls in flight, around
 *     either gateway
 */
public record PaymentGatewaySettings(@Nullable URI url, ResilientPaymentGateway.Settings resilience) {

    public PaymentGatewaySettings {
        Objects.requireNonNull(resilience, "resilience");
        if (url != null && (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getHost() == null)) {
            throw new IllegalArgumentException("not an http(s) address with a host: " + url);
        }
    }

    /** The gateway these settings name, guarded: what the server hands to the hotel. */
    public ResilientPaymentGateway gateway(Clock clock) {
        PaymentGateway gateway = url == null ? SimulatedPaymentGateway.reliable()
                : new HttpPaymentGateway(url, resilience.timeout());
        return new ResilientPaymentGateway(gateway, resilience, clock, ResilientPaymentGateway.Pause.SLEEP);
    }

    @Override
    public String toString() {
        return "PaymentGatewaySettings[" + (url == null ? "in-process simulated gateway" : url) + ", " + resilience + "]";
    }
}
