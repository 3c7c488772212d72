package io.hotelkit.server;

import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the server delivers webhooks ({@code hotel.webhooks.*}).
 *
 * @param allowPrivateTargets whether a subscription may name, and a delivery may reach, a loopback, private,
 *     link-local or otherwise internal address ({@code HOTEL_WEBHOOKS_ALLOW_PRIVATE_TARGETS}); off, so that a
 *     key cannot make the server call into its own network (SSRF)
 * @param secretKey 32 bytes, base64, that seal the subscriptions' signing secrets in the database (AES-GCM);
 *     {@code null} keeps them as they are, which the server warns of at start
 * @param pollPeriod how often an instance looks for subscriptions with something to deliver
 * @param connectTimeout how long connecting to a receiver may take
 * @param requestTimeout how long a delivery may take in all, from sending to the answer's first bytes
 * @param maxConcurrentPerDestination deliveries in flight at once to one scheme, host and port (a bulkhead)
 * @param lease how long an instance holds a subscription it delivers; a killed instance's subscriptions pass
 *     to another after this
 * @param disableAfter how long a subscription may fail every delivery before it is disabled
 */
public record WebhookSettings(
        boolean allowPrivateTargets,
        @Nullable String secretKey,
        Duration pollPeriod,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxConcurrentPerDestination,
        Duration lease,
        Duration disableAfter) {

    public static final WebhookSettings DEFAULT = new WebhookSettings(false, null, Duration.ofMillis(500),
            Duration.ofSeconds(3), Duration.ofSeconds(10), 4, Duration.ofSeconds(60), Duration.ofDays(3));

    public WebhookSettings {
        Objects.requireNonNull(pollPeriod, "hotel.webhooks.poll-ms");
        Objects.requireNonNull(connectTimeout, "hotel.webhooks.connect-timeout-ms");
        Objects.requireNonNull(requestTimeout, "hotel.webhooks.timeout-ms");
        Objects.requireNonNull(lease, "hotel.webhooks.lease-seconds");
        Objects.requireNonNull(disableAfter, "hotel.webhooks.disable-after-hours");
        if (secretKey != null && secretKey.isBlank()) {
            secretKey = null;
        }
        if (secretKey != null) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(secretKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotel.webhooks.secret-key must be 32 bytes in base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("hotel.webhooks.secret-key must be 32 bytes in base64, not " + key.length);
            }
        }
        if (maxConcurrentPerDestination < 1) {
            throw new IllegalArgumentException("hotel.webhooks.max-concurrent-per-destination must be at least 1");
        }
        if (lease.compareTo(requestTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("hotel.webhooks.lease-seconds must be at least twice hotel.webhooks.timeout-ms");
        }
    }

    /** The same settings with private targets allowed or not: tests deliver to loopback. */
    public WebhookSettings withPrivateTargets(boolean allowed) {
        return new WebhookSettings(allowed, secretKey, pollPeriod, connectTimeout, requestTimeout,
                maxConcurrentPerDestination, lease, disableAfter);
    }

    /** The same settings with other time limits, for tests of slow receivers. */
    public WebhookSettings withTimeouts(Duration connect, Duration request, Duration leaseFor) {
        return new WebhookSettings(allowPrivateTargets, secretKey, pollPeriod, connect, request,
                maxConcurrentPerDestination, leaseFor, disableAfter);
    }

    @Override
    public String toString() {
        return "WebhookSettings[allowPrivateTargets=%s, sealingKey=%s, pollPeriod=%s, connectTimeout=%s, requestTimeout=%s,"
                .formatted(allowPrivateTargets, secretKey == null ? "unset" : "***", pollPeriod, connectTimeout, requestTimeout)
                + " maxConcurrentPerDestination=%d, lease=%s, disableAfter=%s]".formatted(maxConcurrentPerDestination, lease,
                disableAfter);
    }
}
