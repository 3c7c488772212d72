package io.hotelkit.server;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.hotelkit.access.Role;
import io.hotelkit.shared.Cache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The server's own metrics, published with Helidon's at {@code GET /metrics}. Resource services record
 * their business counters here ({@link #bookingCreated}, {@link #payment}).
 */
final class Meters {

    private final MeterRegistry registry;
    // Helidon's Micrometer registry takes two locks in opposite orders to add and to remove a meter, and
    // removes them while a server stops: registering a timer per request could deadlock a stop that
    // races it. Each timer is registered once, then looked up here.
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
    // The same for counters, which a booking or payment would otherwise look up in the registry (a builder,
    // its tags and the registry's locks) every time.
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    public Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** A finished request, by its route template ({@code /v1/api-keys/{keyId}}), never by its path. */
    void request(String method, String route, int status, Duration elapsed) {
        requestTimers.computeIfAbsent(new RequestKey(method, route, status), key -> registry.getOrCreate(
                        Timer.builder("hotel.http.requests")
                                .description("HTTP requests by method, route template and status")
                                .tags(List.of(Tag.create("method", method), Tag.create("route", route),
                                        Tag.create("status", Integer.toString(status))))))
                .record(elapsed);
    }

    private record RequestKey(String method, String route, int status) {}

    void rateLimited(Role role) {
        counter("hotel.rate_limit.refused", "Requests refused by the rate limiter, by role",
                Tag.create("role", Roles.wire(role))).increment();
    }

    /** A booking made, by the role of the key that made it ({@code channel}, {@code front_desk}). */
    void bookingCreated(Role role) {
        counter("hotel.bookings.created", "Bookings created, by the role of the key that made them",
                Tag.create("role", Roles.wire(role))).increment();
    }

    void bookingCancelled(Role role) {
        counter("hotel.bookings.cancelled", "Bookings cancelled, by the role of the key that cancelled them",
                Tag.create("role", Roles.wire(role))).increment();
    }

    /** The payment gateway's circuit breaker went to {@code state} ({@code OPEN}, {@code HALF_OPEN}, {@code CLOSED}). */
    void paymentGatewayBreaker(String state) {
        counter("hotel.payment_gateway.breaker.transitions", "Changes of the payment gateway's circuit breaker, by the state entered",
                Tag.create("to", state.toLowerCase(java.util.Locale.ROOT))).increment();
    }

    /** A payment's outcome: {@code captured}, {@code declined}, or {@code failed} when the gateway failed. */
    void payment(String outcome) {
        counter("hotel.payments", "Payments by outcome", Tag.create("outcome", outcome)).increment();
    }

    /** Publishes the hit rate of a cache under {@code name} for as long as the server runs. */
    void cache(String name, Supplier<Cache.Stats> stats) {
        registry.getOrCreate(Gauge.builder("hotel.cache.hit_rate", stats, s -> s.get().hitRate())
                .description("Cache hits per lookup since start")
                .tags(List.of(Tag.create("cache", name))));
    }

    /**
     * Publishes whether Redis is used now ({@code hotel.redis.up}, 1 or 0) and how many times this process
     * fell back to its own memory because Redis stopped answering ({@code hotel.redis.fallbacks}).
     */
    void redis() {
        registry.getOrCreate(Gauge.builder("hotel.redis.up", SharedRedis::upInProcess)
                .description("1 while rate limits and availability answers are shared through Redis, 0 while per instance"));
        registry.getOrCreate(FunctionalCounter.builder("hotel.redis.fallbacks", FALLBACKS, f -> f.getAsLong())
                .description("Times Redis stopped answering and this instance fell back to its own memory"));
    }

    /**
     * A search that looked for an answer instances share: {@code hit}, {@code miss} (rendered here and kept),
     * {@code unsettled} (this instance's engine not at a shared position of the property: rendered here, not
     * kept) or {@code unavailable} (Redis down: rendered here).
     */
    void sharedAnswer(SharedOffers.Outcome outcome) {
        counter("hotel.availability.shared", "Availability searches that looked for an answer shared through Redis, by outcome",
                Tag.create("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))).increment();
    }

    private static final LongSupplier FALLBACKS = SharedRedis::fallbacksInProcess;

    private Counter counter(String name, String description, Tag tag) {
        return counters.computeIfAbsent(new CounterKey(name, tag.key(), tag.value()),
                key -> registry.getOrCreate(Counter.builder(name).description(description).tags(List.of(tag))));
    }

    private record CounterKey(String name, String tagKey, String tagValue) {}
}
