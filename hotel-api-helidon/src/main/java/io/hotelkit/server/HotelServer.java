package io.hotelkit.server;

import com.github.benmanes.caffeine.cache.Ticker;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.webserver.WebServer;
import io.hotelkit.Hotel;
import io.hotelkit.forecast.ModelStore;
import io.hotelkit.server.payments.ResilientPaymentGateway;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Ids;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The reference server, running: a hotel on the configured database, its HTTP server, the listener and
 * the periodic task that catch it up with what other instances on the same database changed
 * ({@link Instances}), the webhook dispatcher, and the probe that asks the database every 200 ms whether it
 * answers. Stopping it stops them all.
 */
public final class HotelServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HotelServer.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** How often the database is asked whether it answers, and how long an answer may take. */
    private static final Duration PROBE_PERIOD = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final Store store;
    private final Infrastructure infrastructure;
    private final WebServer server;
    private final Instances instances;
    private final WebhookDispatcher webhooks;
    private final DatabaseProbe probe;
    private final @Nullable SharedRedis redis;
    private final Optional<String> generatedAdminKey;

    private HotelServer(Store store, Infrastructure infrastructure, WebServer server, Instances instances,
                        WebhookDispatcher webhooks, DatabaseProbe probe, @Nullable SharedRedis redis,
                        Optional<String> generatedAdminKey) {
        this.webhooks = webhooks;
        this.redis = redis;
        this.store = store;
        this.probe = probe;
        this.infrastructure = infrastructure;
        this.server = server;
        this.instances = instances;
        this.generatedAdminKey = generatedAdminKey;
    }

    /**
     * Opens the database, makes the bootstrap admin key and the demo property if they are due, and starts.
     *
     * @throws StartupException if the port is taken or the database cannot be opened: its message says
     *     what to set
     */
    public static HotelServer start(ServerConfig config, Clock time) {
        return start(config, time, Ticker.systemTicker());
    }

    /**
     * As {@link #start(ServerConfig, Clock)}, with the ticker that times how long a verified API key is kept
     * in memory: a test moves it instead of waiting for the lifetime to pass.
     */
    static HotelServer start(ServerConfig config, Clock time, Ticker apiKeyTicker) {
        // Whole milliseconds: an instant the database keeps (to the microsecond) reads back as it was
        // answered when it was made.
        Clock clock = Clock.tick(time, Duration.ofMillis(1));
        requirePortFree(config);
        long start = System.nanoTime();
        Store store = Store.open(config, clock);
        long opened = System.nanoTime();
        DatabaseProbe probe = new DatabaseProbe(store::answers, store::renewPool, PROBE_PERIOD, PROBE_TIMEOUT);
        SharedRedis redis = config.redisUrl() == null ? null : SharedRedis.connect(config.redisUrl());
        try {
            IdGenerator ids = Ids.timeOrdered(clock);
            ResilientPaymentGateway gateway = config.paymentGateway().gateway(time);
            Hotel hotel = Hotel.builder()
                    .storage(store.storage())
                    .clock(clock)
                    .ids(ids)
                    .actor(Caller::actor)
                    .offerCache(new CaffeineCache<>(config.offerCacheSize()))
                    .paymentGateway(gateway)
                    .build();
            long loaded = System.nanoTime(); // the engine is loaded from the store as the hotel is built
            RateLimiter inProcess = new CaffeineRateLimiter(Ticker.systemTicker());
            Infrastructure infrastructure = new Infrastructure(config, hotel, ids,
                    redis == null ? inProcess : new RedisRateLimiter(redis, inProcess, clock), MeterRegistry.create(),
                    Infrastructure.databaseCheck(probe, store.vendor().id()),
                    config.forecastModels() == null ? ModelStore.inMemory() : ModelStore.inDirectory(config.forecastModels()),
                    apiKeyTicker, redis);
            gateway.onTransition((from, to) -> infrastructure.meters().paymentGatewayBreaker(to.name()));
            Optional<String> adminKey = AdminKey.bootstrap(infrastructure.apiKeys(), infrastructure.transactions(),
                    config.adminKey(), ids, clock);
            switch (config.demo()) {
                case SMALL -> DemoProperty.createIfEmpty(hotel);
                case LARGE -> LargeDemo.createIfEmpty(hotel);
                case NONE -> { }
            }
            long demo = System.nanoTime();
            Instances instances = Instances.start(infrastructure, store.storage(), config.catchUpPeriod());
            WebServer server;
            try {
                server = Server.create(infrastructure).start();
            } catch (RuntimeException | Error e) {
                instances.close();
                throw e;
            }
            if (!server.isRunning() || server.port() < 0) {
                instances.close();
                server.stop();
                throw portTaken(config);
            }
            WebhookDispatcher webhooks = infrastructure.webhooks().dispatcher(infrastructure).start();
            long started = System.nanoTime();
            LOG.log(Level.INFO, "start-up: database {0} ms (pool, Flyway and Hibernate: the line above), engine load {1} ms, "
                    + "keys and demo {2} ms, web server {3} ms; {4} ms since the JVM started",
                    (opened - start) / 1_000_000, (loaded - opened) / 1_000_000, (demo - loaded) / 1_000_000,
                    (started - demo) / 1_000_000, sinceJvmStart());
            return new HotelServer(store, infrastructure, server, instances, webhooks, probe, redis, adminKey);
        } catch (RuntimeException | Error e) {
            probe.close();
            if (redis != null) {
                redis.close();
            }
            closeQuietly(store);
            throw e;
        }
    }

    /** Milliseconds since this JVM started, or -1 if the platform does not say when it started. */
    private static long sinceJvmStart() {
        return ProcessHandle.current().info().startInstant()
                .map(started -> Duration.between(started, Instant.now()).toMillis()).orElse(-1L);
    }

    /**
     * Fails before the database is opened if another process listens on the port already (the web server
     * would only log it). A port that is taken between this and the server's start is found after it.
     */
    private static void requirePortFree(ServerConfig config) {
        if (config.httpPort() == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(config.httpHost(), config.httpPort()));
        } catch (IOException e) {
            throw portTaken(config);
        }
    }

    private static StartupException portTaken(ServerConfig config) {
        return new StartupException("cannot listen on " + config.httpHost() + ":" + config.httpPort()
                + " (in use by another process, or not an address of this machine); set HOTEL_HTTP_PORT to a free port"
                + " or HOTEL_HTTP_HOST to an address of this machine");
    }

    public int port() {
        return server.port();
    }

    /** The admin key this start made because none existed, to be shown once. */
    public Optional<String> generatedAdminKey() {
        return generatedAdminKey;
    }

    /** The hotel this server serves: its services, on the server's storage and engine. */
    public Hotel hotel() {
        return infrastructure.hotel();
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The database backend of the listener for other instances' changes, while connected (PostgreSQL only). */
    OptionalInt listenerPid() {
        return instances.listenerPid();
    }

    /** Stops taking requests, stops catching up, and closes the database. */
    @Override
    public void close() {
        try {
            stopWithin(STOP_WAIT);
        } finally {
            webhooks.close();
            instances.close();
            probe.close();
            if (redis != null) {
                redis.close();
            }
            closeQuietly(store);
        }
    }

    /**
     * Helidon's stop removes its request metrics under its registry's write lock, which it has been seen to
     * wait for without end (helidon#10858, #11604: several registries over one Micrometer registry, as
     * several servers in one JVM have). A close must not hang its caller: past the wait the stop goes on in
     * the background and the rest is closed.
     */
    private void stopWithin(Duration wait) {
        Thread stopping = Thread.ofPlatform().daemon().name("hotelkit-server-stop").start(server::stop);
        try {
            if (!stopping.join(wait)) {
                LOG.log(Level.WARNING, "the web server did not stop within " + wait.toSeconds()
                        + " s (Helidon's metrics registry); closing the rest");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the store failed: " + e.getClass().getName());
        }
    }
}
