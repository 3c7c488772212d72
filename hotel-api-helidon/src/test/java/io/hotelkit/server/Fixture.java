package io.hotelkit.server;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.hotelkit.Hotel;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.Role;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.shared.Ids;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A server on a hotel in memory, with a clock that moves only when a test moves it and a rate limiter whose
 * buckets never refill, plus the test-only {@link WidgetService} under {@code /v1/properties/{p}/widgets}.
 */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z"); // the evening, when a night audit may close the day
    /** Big enough that no test but the rate limit's own meets the limit. */
    static final RateLimiter.Limit GENEROUS = new RateLimiter.Limit(100_000, 1);

    final MutableClock clock = new MutableClock(NOW);
    final Hotel hotel;
    final AtomicBoolean databaseUp = new AtomicBoolean(true);
    final Infrastructure infrastructure;
    final WidgetService widgets;

    Fixture() {
        this(Map.of());
    }

    /** With these limits, and {@link #GENEROUS} ones for the other roles. */
    Fixture(Map<Role, RateLimiter.Limit> limits) {
        this(limits, 20);
    }

    /** With at most {@code eventStreams} event streams open at once. */
    static Fixture withEventStreams(int eventStreams) {
        return new Fixture(Map.of(), eventStreams);
    }

    private Fixture(Map<Role, RateLimiter.Limit> limits, int eventStreams) {
        Map<Role, RateLimiter.Limit> all = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            all.put(role, limits.getOrDefault(role, GENEROUS));
        }
        // A quiet event stream notices within a second that its client has gone.
        ServerConfig config = ServerConfig.load(Map.of()).withHttpPort(0).withEventStreams(eventStreams, Duration.ofSeconds(1));
        for (var limit : all.entrySet()) {
            config = config.withRateLimit(limit.getKey(), limit.getValue());
        }
        Ids ids = Ids.seeded(clock, 42);
        hotel = Hotel.builder().storage(new MemoryStorage(clock)).clock(clock).ids(ids).actor(Caller::actor).build();
        infrastructure = new Infrastructure(config, hotel, ids, new CaffeineRateLimiter(() -> 0L),
                MeterRegistry.create(), Infrastructure.databaseCheck(databaseUp::get, "test"));
        widgets = new WidgetService(infrastructure.idempotent(), infrastructure.ids(), clock);
    }

    void routing(HttpRouting.Builder routing) {
        Server.routing(routing, infrastructure);
        routing.register("/v1/properties", widgets);
    }

    /**
     * For a {@code @RoutingTest}: no features found on the class path. Helidon's test support would add
     * its observe feature otherwise, with metrics whose removal at the end can deadlock a request still
     * recording its own.
     */
    static void routingTestServer(WebServerConfig.Builder server) {
        server.featuresDiscoverServices(false);
    }

    void server(WebServerConfig.Builder server) {
        Server.setUp(server, infrastructure, this::routing);
    }

    /** A new key of {@code role}, for the given properties or all; returns the plain key. */
    String key(Role role, String... propertyIds) {
        return store(role, false, propertyIds);
    }

    String revokedKey(Role role) {
        return store(role, true);
    }

    private String store(Role role, boolean revoked, String... propertyIds) {
        String plain = Secrets.newKey();
        ApiKey key = new ApiKey(infrastructure.ids().next(), role.name().toLowerCase() + " key", role,
                Arrays.stream(propertyIds).map(PropertyId::of).collect(Collectors.toSet()), Secrets.hash(plain), NOW,
                revoked ? NOW : null);
        hotel.storage().transactions().run(() -> hotel.storage().apiKeys().save(key));
        return plain;
    }

    static String bearer(String key) {
        return "Bearer " + key;
    }
}
