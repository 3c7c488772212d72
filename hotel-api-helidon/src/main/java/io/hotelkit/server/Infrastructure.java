package io.hotelkit.server;

import com.github.benmanes.caffeine.cache.Ticker;
import io.helidon.metrics.api.MeterRegistry;
import io.hotelkit.Hotel;
import io.hotelkit.forecast.CancellationTrainer;
import io.hotelkit.forecast.ForecastService;
import io.hotelkit.forecast.ModelStore;
import io.hotelkit.forecast.TrainingConfig;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.jpa.JpaStore;
import io.helidon.webserver.http.Filter;
import io.hotelkit.shared.Cache;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What the server is made of: its settings, the hotel it serves (whose storage also keeps the API keys
 * and idempotency records), and the parts that resource services share (idempotency, metrics). Made
 * once per server; {@link HotelServer} makes it from the configuration, tests from their fixtures.
 */
final class Infrastructure {

    private final ServerConfig config;
    private final Hotel hotel;
    private final IdGenerator ids;
    private final Idempotent idempotent;
    private final RateLimiter rateLimiter;
    private final Meters meters;
    private final DatabaseGate database;
    private final CachedApiKeys apiKeys;
    private final Filter freshness;
    private final RenderedOffers renderedOffers;
    private final ForecastService forecasts;
    private final @Nullable SharedRedis redis;
    private final Webhooks webhooks;
    private final @Nullable SharedOffers sharedOffers;

    public Infrastructure(ServerConfig config, Hotel hotel, IdGenerator ids, RateLimiter rateLimiter,
                          MeterRegistry meterRegistry, DatabaseGate database) {
        this(config, hotel, ids, rateLimiter, meterRegistry, database, ModelStore.inMemory());
    }

    /**
     * @param models where the properties' cancellation models are stored and loaded from at start
     */
    public Infrastructure(ServerConfig config, Hotel hotel, IdGenerator ids, RateLimiter rateLimiter,
                          MeterRegistry meterRegistry, DatabaseGate database, ModelStore models) {
        this(config, hotel, ids, rateLimiter, meterRegistry, database, models, Ticker.systemTicker(), null);
    }

    /**
     * @param apiKeyTicker times how long a verified API key is kept in memory
     * @param redis the Redis that instances share rate limits through (whose state the metrics show), or
     *     {@code null} to keep everything in this process
     */
    Infrastructure(ServerConfig config, Hotel hotel, IdGenerator ids, RateLimiter rateLimiter, MeterRegistry meterRegistry,
                   DatabaseGate database, ModelStore models, Ticker apiKeyTicker, @Nullable SharedRedis redis) {
        this.config = Objects.requireNonNull(config, "config");
        this.hotel = Objects.requireNonNull(hotel, "hotel");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.idempotent = new Idempotent(hotel.idempotency(), hotel.storage().transactions());
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rate limiter");
        this.meters = new Meters(meterRegistry);
        this.database = Objects.requireNonNull(database, "database health check");
        this.apiKeys = new CachedApiKeys(hotel.storage().apiKeys(), hotel.storage().transactions(),
                config.apiKeyCacheLifetime(), Objects.requireNonNull(apiKeyTicker, "api key ticker"));
        this.freshness = config.readYourWrites().on(config.dbUrl()) ? new Freshness(this::catchUp) : Freshness.OFF;
        this.renderedOffers = new RenderedOffers(config.offerCacheSize());
        this.redis = redis;
        if (redis != null) {
            meters.redis();
        }
        this.webhooks = new Webhooks(config.webhooks(), hotel, Webhooks.events(hotel));
        this.sharedOffers = redis == null ? null : new SharedOffers(redis, hotel, meters::sharedAnswer);
        this.forecasts = new ForecastService(models, new CancellationTrainer(TrainingConfig.defaults()), hotel.clock());
        // A search answered from the rendered bytes is a hit; one that missed them is core's offer cache's
        // hit or miss.
        meters.cache("availability", () -> {
            Cache.Stats offers = hotel.availability().cacheStats();
            return new Cache.Stats(renderedOffers.hits() + offers.hits(), offers.misses());
        });
    }

    /**
     * A readiness check named {@code database} that is UP while {@code reachable} says so, and the gate
     * that refuses requests with 503 while it does not; {@code reachable} must answer at once.
     */
    public static DatabaseGate databaseCheck(BooleanSupplier reachable, String kind) {
        return new DatabaseGate(reachable, kind);
    }

    public ServerConfig config() {
        return config;
    }

    /** The properties' cancellation models, trained in the background. */
    public ForecastService forecasts() {
        return forecasts;
    }

    public Hotel hotel() {
        return hotel;
    }

    public Clock clock() {
        return hotel.clock();
    }

    public IdGenerator ids() {
        return ids;
    }

    /**
     * The stored API keys, the valid ones kept in memory for {@link ServerConfig#apiKeyCacheLifetime()}: save
     * keys through this, so that this instance forgets what it kept of them at once.
     */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public UnitOfWork transactions() {
        return hotel.storage().transactions();
    }

    public Idempotent idempotent() {
        return idempotent;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public Meters meters() {
        return meters;
    }

    /**
     * Catches this instance up with what other instances on the same database committed: the engine
     * reloads the properties they changed, and the API key cache forgets its keys if one was revoked.
     */
    void catchUp() {
        hotel.catchUp();
        if (hotel.storage() instanceof JpaStore store) {
            apiKeys.revocations(store.revokedApiKeys());
        }
    }

    /** Forgets the API keys kept in memory: another instance made or revoked one. */
    void forgetApiKeys() {
        apiKeys.forgetAll();
    }

    /** Read-your-writes across instances, in front of authentication; lets everything through when off. */
    Filter freshness() {
        return freshness;
    }

    /** Availability answers as rendered JSON, kept with the engine's version of their property. */
    RenderedOffers renderedOffers() {
        return renderedOffers;
    }

    /** The availability answers instances share through Redis, if {@code hotel.redis-url} is set. */
    Optional<SharedOffers> sharedOffers() {
        return Optional.ofNullable(sharedOffers);
    }

    /** The Redis that instances share, if {@code hotel.redis-url} is set. */
    Optional<SharedRedis> redis() {
        return Optional.ofNullable(redis);
    }

    /** Webhook subscriptions and what delivers them. */
    Webhooks webhooks() {
        return webhooks;
    }

    /** Whether the database answers: the readiness check, and the gate in front of {@code /v1}. */
    DatabaseGate database() {
        return database;
    }
}
