package io.hotelkit.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.hotelkit.access.Role;
import io.hotelkit.server.payments.PaymentGatewaySettings;
import io.hotelkit.server.payments.ResilientPaymentGateway;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server's settings, read once at start from {@code application.yaml} (bundled, and optionally one in
 * the working directory) with every key overridable by an environment variable named after it
 * ({@code hotel.http.port} by {@code HOTEL_HTTP_PORT}). A missing or malformed setting stops the start
 * with a message naming the key.
 *
 * @param httpHost the address the server listens on: {@code 0.0.0.0} (every interface) or {@code 127.0.0.1}
 * @param adminKey the bootstrap admin key, or {@code null} to generate one on a first start
 * @param paymentGateway the payment gateway (over HTTP at {@code hotel.payment-gateway.url}, or the in-process
 *     simulated one without it) and the time limit, retries and circuit breaker around it
 * @param offerCacheSize how many availability answers the offer cache keeps
 * @param maxEventStreams how many event streams may be open at once, over all keys
 * @param eventHeartbeat how long an event stream may be quiet before it sends a comment, so that proxies
 *     keep it open and a client that has gone is noticed
 * @param apiKeyCacheLifetime how long a verified API key is kept in memory, so that requests need no
 *     database read to authenticate; a key revoked on another instance works here for at most this long
 *     (on this instance a revocation takes effect at once); zero reads the database on every request
 * @param redisUrl the Redis that instances share rate limits and availability answers through
 *     ({@code redis://host:6379}), or {@code null} to keep them in this process
 * @param readYourWrites whether every {@code /v1} request first catches this instance up with what other
 *     instances on the same database committed before it arrived (see {@link ReadYourWrites})
 * @param catchUpPeriod how often this instance catches up with other instances' changes when no
 *     notification told it to: the safety net under PostgreSQL's notifications
 * @param webhooks how webhooks are delivered ({@code hotel.webhooks.*})
 */
public record ServerConfig(
        String httpHost,
        int httpPort,
        String dbUrl,
        String dbUser,
        String dbPassword,
        @Nullable String adminKey,
        Demo demo,
        Map<Role, RateLimiter.Limit> rateLimits,
        PaymentGatewaySettings paymentGateway,
        int offerCacheSize,
        int maxEventStreams,
        Duration eventHeartbeat,
        Duration apiKeyCacheLifetime,
        @Nullable Path forecastModels,
        @Nullable URI redisUrl,
        ReadYourWrites readYourWrites,
        Duration catchUpPeriod,
        WebhookSettings webhooks) {

    static final int MIN_ADMIN_KEY_LENGTH = 16;

    /**
     * What a first start on an empty database makes: nothing ({@code false}), the small demo property
     * ({@code true}), or a realistic hotel of 120 rooms with a year of bookings ({@code large}).
     */
    public enum Demo {
        NONE, SMALL, LARGE;

        public boolean any() {
            return this != NONE;
        }
    }

    /**
     * Whether a request sees every change committed on any instance before it arrived
     * ({@code hotel.instances.read-your-writes}): {@code auto} (the default) on PostgreSQL, where several
     * instances may share the database, and not on H2, which one process has to itself.
     */
    public enum ReadYourWrites {
        AUTO, ON, OFF;

        /** Whether it is on for a server on the database at {@code dbUrl}. */
        public boolean on(String dbUrl) {
            return switch (this) {
                case ON -> true;
                case OFF -> false;
                case AUTO -> dbUrl.strip().startsWith("jdbc:postgresql:");
            };
        }
    }

    public ServerConfig {
        Objects.requireNonNull(httpHost, "hotel.http.host");
        Objects.requireNonNull(dbUrl, "hotel.db.url");
        Objects.requireNonNull(dbUser, "hotel.db.user");
        Objects.requireNonNull(dbPassword, "hotel.db.password");
        Objects.requireNonNull(paymentGateway, "hotel.payment-gateway");
        Objects.requireNonNull(demo, "hotel.demo");
        Objects.requireNonNull(apiKeyCacheLifetime, "hotel.cache.api-keys-lifetime-ms");
        if (apiKeyCacheLifetime.isNegative()) {
            throw new IllegalArgumentException("hotel.cache.api-keys-lifetime-ms must not be negative");
        }
        Objects.requireNonNull(readYourWrites, "hotel.instances.read-your-writes");
        Objects.requireNonNull(catchUpPeriod, "hotel.instances.catch-up-period-ms");
        Objects.requireNonNull(webhooks, "hotel.webhooks");
        if (catchUpPeriod.toMillis() < 10) {
            throw new IllegalArgumentException("hotel.instances.catch-up-period-ms must be at least 10");
        }
        rateLimits = Map.copyOf(rateLimits);
        for (Role role : Role.values()) {
            if (!rateLimits.containsKey(role)) {
                throw new IllegalArgumentException("no rate limit for role " + Roles.wire(role));
            }
        }
    }

    /** The settings of this process: its {@code application.yaml} files and its environment. */
    public static ServerConfig load() {
        return load(System.getenv());
    }

    /** The settings of the {@code application.yaml} files, overridden by {@code environment}. */
    static ServerConfig load(Map<String, String> environment) {
        Config yaml = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.file("application.yaml").optional(),
                        ConfigSources.classpath("application.yaml"))
                .build();
        return from(yaml, environment);
    }

    /**
     * The settings in {@code yaml}, each overridden by its variable in {@code environment}.
     *
     * @throws IllegalArgumentException naming the key of a missing or malformed setting
     */
    public static ServerConfig from(Config yaml, Map<String, String> environment) {
        Settings settings = new Settings(yaml, environment);
        Map<Role, RateLimiter.Limit> limits = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String prefix = "hotel.rate-limit." + Roles.wire(role).replace('_', '-') + ".";
            long capacity = settings.integer(prefix + "capacity", 1, Integer.MAX_VALUE);
            double refill = settings.decimal(prefix + "refill-per-second");
            limits.put(role, new RateLimiter.Limit(capacity, refill));
        }
        String adminKey = settings.string("hotel.admin-key").strip();
        if (!adminKey.isEmpty() && adminKey.length() < MIN_ADMIN_KEY_LENGTH) {
            throw settings.invalid("hotel.admin-key", "must have at least " + MIN_ADMIN_KEY_LENGTH + " characters");
        }
        return new ServerConfig(
                settings.string("hotel.http.host").strip(),
                (int) settings.integer("hotel.http.port", 0, 65535),
                settings.string("hotel.db.url"),
                settings.string("hotel.db.user"),
                settings.string("hotel.db.password"),
                adminKey.isEmpty() ? null : adminKey,
                settings.demo("hotel.demo"),
                limits,
                paymentGateway(settings),
                (int) settings.integer("hotel.cache.offers-max-size", 1, 10_000_000),
                (int) settings.integer("hotel.events.max-streams", 1, 100_000),
                Duration.ofSeconds(settings.integer("hotel.events.heartbeat-seconds", 1, 3600)),
                Duration.ofMillis(settings.integer("hotel.cache.api-keys-lifetime-ms", 0, 3_600_000)),
                settings.string("hotel.forecast-models").isBlank() ? null : Path.of(settings.string("hotel.forecast-models").strip()),
                settings.redisUrl("hotel.redis-url"),
                settings.readYourWrites("hotel.instances.read-your-writes"),
                Duration.ofMillis(settings.integer("hotel.instances.catch-up-period-ms", 10, 3_600_000)),
                webhooks(settings));
    }

    private static WebhookSettings webhooks(Settings settings) {
        String prefix = "hotel.webhooks.";
        try {
            return new WebhookSettings(
                    settings.bool(prefix + "allow-private-targets"),
                    settings.optional(prefix + "secret-key").strip(),
                    Duration.ofMillis(settings.integer(prefix + "poll-ms", 10, 3_600_000)),
                    Duration.ofMillis(settings.integer(prefix + "connect-timeout-ms", 1, 600_000)),
                    Duration.ofMillis(settings.integer(prefix + "timeout-ms", 1, 600_000)),
                    (int) settings.integer(prefix + "max-concurrent-per-destination", 1, 10_000),
                    Duration.ofSeconds(settings.integer(prefix + "lease-seconds", 1, 86_400)),
                    Duration.ofHours(settings.integer(prefix + "disable-after-hours", 24, 24 * 365)));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("setting ") ? e
                    : new IllegalArgumentException("setting " + e.getMessage());
        }
    }

    /** The gateway and its guards; what is not configurable here keeps the guards' defaults. */
    private static PaymentGatewaySettings paymentGateway(Settings settings) {
        ResilientPaymentGateway.Settings defaults = ResilientPaymentGateway.Settings.DEFAULT;
        String prefix = "hotel.payment-gateway.";
        return new PaymentGatewaySettings(gatewayUrl(settings, prefix + "url"), new ResilientPaymentGateway.Settings(
                Duration.ofMillis(settings.integer(prefix + "timeout-ms", 1, 600_000)),
                (int) settings.integer(prefix + "attempts", 1, 10),
                Duration.ofMillis(settings.integer(prefix + "retry-wait-ms", 0, 60_000)),
                defaults.breakerWindow(),
                defaults.breakerMinimumCalls(),
                settings.integer(prefix + "breaker-failure-rate-percent", 1, 100),
                Duration.ofSeconds(settings.integer(prefix + "breaker-open-seconds", 1, 3600)),
                defaults.breakerHalfOpenCalls(),
                (int) settings.integer(prefix + "max-concurrent-calls", 1, 10_000),
                defaults.bulkheadWait()));
    }

    /** An http(s) address, or {@code null} when the setting is empty (or absent): the in-process gateway. */
    private static @Nullable URI gatewayUrl(Settings settings, String key) {
        String value = settings.optional(key).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            URI url = new URI(value);
            new PaymentGatewaySettings(url, ResilientPaymentGateway.Settings.DEFAULT);
            return url;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw settings.invalid(key, "is '" + value + "', not an http(s) address such as http://127.0.0.1:8090");
        }
    }

    /** The same settings on another port (0: any free one), for tests. */
    public ServerConfig withHttpPort(int port) {
        return new ServerConfig(httpHost, port, dbUrl, dbUser, dbPassword, adminKey, demo, rateLimits, paymentGateway,
                offerCacheSize, maxEventStreams, eventHeartbeat, apiKeyCacheLifetime, forecastModels, redisUrl, readYourWrites,
                catchUpPeriod, webhooks);
    }

    /** The same settings with another demo made on a first start, for tests. */
    public ServerConfig withDemo(Demo what) {
        return new ServerConfig(httpHost, httpPort, dbUrl, dbUser, dbPassword, adminKey, what, rateLimits, paymentGateway,
                offerCacheSize, maxEventStreams, eventHeartbeat, apiKeyCacheLifetime, forecastModels, redisUrl, readYourWrites,
                catchUpPeriod, webhooks);
    }

    public ServerConfig withRateLimit(Role role, RateLimiter.Limit limit) {
        Map<Role, RateLimiter.Limit> limits = new EnumMap<>(rateLimits);
        limits.put(role, limit);
        return new ServerConfig(httpHost, httpPort, dbUrl, dbUser, dbPassword, adminKey, demo, limits, paymentGateway,
                offerCacheSize, maxEventStreams, eventHeartbeat, apiKeyCacheLifetime, forecastModels, redisUrl, readYourWrites,
                catchUpPeriod, webhooks);
    }

    public ServerConfig withEventStreams(int streams, Duration heartbeat) {
        return new ServerConfig(httpHost, httpPort, dbUrl, dbUser, dbPassword, adminKey, demo, rateLimits, paymentGateway,
                offerCacheSize, streams, heartbeat, apiKeyCacheLifetime, forecastModels, redisUrl, readYourWrites,
                catchUpPeriod, webhooks);
    }

    /** The same settings with verified API keys kept in memory for {@code lifetime} (zero: not at all). */
    public ServerConfig withApiKeyCacheLifetime(Duration lifetime) {
        return new ServerConfig(httpHost, httpPort, dbUrl, dbUser, dbPassword, adminKey, demo, rateLimits, paymentGateway,
                offerCacheSize, maxEventStreams, eventHeartbeat, lifetime, forecastModels, redisUrl, readYourWrites, catchUpPeriod, webhooks);
    }

    /** The same settings with webhooks delivered as {@code settings} says, for tests. */
    public ServerConfig withWebhooks(WebhookSettings settings) {
        return new ServerConfig(httpHost, httpPort, dbUrl, dbUser, dbPassword, adminKey, demo, rateLimits, paymentGateway,
                offerCacheSize, maxEventStreams, eventHeartbeat, apiKeyCacheLifetime, forecastModels, redisUrl, readYourWrites,
                catchUpPeriod, settings);
    }

    /** The environment variable that overrides {@code key}: {@code hotel.admin-key} by {@code HOTEL_ADMIN_KEY}. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    @Override
    public String toString() {
        return ("ServerConfig[httpHost=%s, httpPort=%d, dbUrl=%s, dbUser=%s, dbPassword=%s, adminKey=%s, demo=%s, rateLimits=%s,"
                + " paymentGateway=%s, offerCacheSize=%d, maxEventStreams=%d, eventHeartbeat=%s, apiKeyCacheLifetime=%s,"
                + " forecastModels=%s, redisUrl=%s, readYourWrites=%s, catchUpPeriod=%s, webhooks=%s]")
                .formatted(httpHost, httpPort, dbUrl, dbUser, dbPassword.isEmpty() ? "" : "***", adminKey == null ? "unset" : "***",
                        demo, rateLimits, paymentGateway, offerCacheSize, maxEventStreams, eventHeartbeat, apiKeyCacheLifetime,
                        forecastModels == null ? "in memory" : forecastModels, redisUrl == null ? "unset" : withoutPassword(redisUrl),
                        readYourWrites, catchUpPeriod, webhooks);
    }

    /** The URL as it may be shown: a password in it is starred. */
    static String withoutPassword(URI url) {
        return url.getUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo(), "***");
    }

    private record Settings(Config yaml, Map<String, String> environment) {

        String string(String key) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                return fromEnvironment;
            }
            return yaml.get(key).asString()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "missing setting " + key + " (set it in application.yaml or as " + environmentName(key) + ")"));
        }

        /** The setting, or an empty string when neither the environment nor application.yaml sets it. */
        String optional(String key) {
            String fromEnvironment = environment.get(environmentName(key));
            return fromEnvironment != null ? fromEnvironment : yaml.get(key).asString().orElse("");
        }

        long integer(String key, long min, long max) {
            String value = string(key).strip();
            try {
                long number = Long.parseLong(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw invalid(key, "is '" + value + "', not a whole number from " + min + " to " + max);
        }

        double decimal(String key) {
            String value = string(key).strip();
            try {
                double number = Double.parseDouble(value);
                if (number > 0 && Double.isFinite(number)) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw invalid(key, "is '" + value + "', not a number more than 0");
        }

        boolean bool(String key) {
            String value = string(key).strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(key, "is '" + value + "', not true or false");
            };
        }

        /** A {@code redis://} or {@code rediss://} URL with a host, or null when the setting is empty. */
        @Nullable URI redisUrl(String key) {
            String value = string(key).strip();
            if (value.isEmpty()) {
                return null;
            }
            try {
                URI url = new URI(value);
                String database = url.getPath() == null ? "" : url.getPath().replace("/", "");
                if (("redis".equals(url.getScheme()) || "rediss".equals(url.getScheme())) && url.getHost() != null
                        && database.matches("[0-9]{0,4}") && url.getQuery() == null) {
                    return url;
                }
            } catch (URISyntaxException ignored) {
                // reported below
            }
            throw invalid(key, "is not a URL like redis://127.0.0.1:6379 or redis://:password@host:6379/0 (or empty: no Redis)");
        }

        Demo demo(String key) {
            String value = string(key).strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "false" -> Demo.NONE;
                case "true" -> Demo.SMALL;
                case "large" -> Demo.LARGE;
                default -> throw invalid(key, "is '" + value + "', not true, false or large");
            };
        }

        ReadYourWrites readYourWrites(String key) {
            String value = string(key).strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "auto" -> ReadYourWrites.AUTO;
                case "true" -> ReadYourWrites.ON;
                case "false" -> ReadYourWrites.OFF;
                default -> throw invalid(key, "is '" + value + "', not auto, true or false");
            };
        }

        IllegalArgumentException invalid(String key, String problem) {
            String source = environment.containsKey(environmentName(key))
                    ? "environment variable " + environmentName(key)
                    : "application.yaml";
            return new IllegalArgumentException("setting " + key + " (from " + source + ") " + problem);
        }
    }
}
