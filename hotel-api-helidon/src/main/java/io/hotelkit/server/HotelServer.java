package io.hotelkit.server;

import com.github.benmanes.caffeine.cache.Ticker;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.webserver.WebServer;
import io.hotelkit.Hotel;
import io.hotelkit.billing.ResilientPaymentGateway;
import io.hotelkit.billing.SimulatedPaymentGateway;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Ids;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The reference server, running: a hotel on the configured database, its HTTP server, and the task that
 * catches the hotel up every second with what other instances on the same database changed. Stopping it
 * stops all three.
 */
public final class HotelServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HotelServer.class.getName());

    private final Store store;
    private final Infrastructure infrastructure;
    private final WebServer server;
    private final ScheduledExecutorService catchUp;
    private final Optional<String> generatedAdminKey;

    private HotelServer(Store store, Infrastructure infrastructure, WebServer server, ScheduledExecutorService catchUp,
                        Optional<String> generatedAdminKey) {
        this.store = store;
        this.infrastructure = infrastructure;
        this.server = server;
        this.catchUp = catchUp;
        this.generatedAdminKey = generatedAdminKey;
    }

    /** Opens the database, makes the bootstrap admin key and the demo property if they are due, and starts. */
    public static HotelServer start(ServerConfig config, Clock time) {
        // Whole milliseconds: an instant the database keeps (to the microsecond) reads back as it was
        // answered when it was made.
        Clock clock = Clock.tick(time, Duration.ofMillis(1));
        Store store = Store.open(config, clock);
        try {
            IdGenerator ids = Ids.timeOrdered(clock);
            Hotel hotel = Hotel.builder()
                    .storage(store.storage())
                    .clock(clock)
                    .ids(ids)
                    .actor(Caller::actor)
                    .offerCache(new CaffeineCache<>(config.offerCacheSize()))
                    .paymentGateway(new ResilientPaymentGateway(SimulatedPaymentGateway.reliable(), config.paymentGateway()))
                    .build();
            Infrastructure infrastructure = new Infrastructure(config, hotel, ids,
                    new CaffeineRateLimiter(Ticker.systemTicker()), MeterRegistry.create(),
                    Infrastructure.databaseCheck(store::isAvailable, store.kind()));
            Optional<String> adminKey = AdminKey.bootstrap(infrastructure.apiKeys(), infrastructure.transactions(),
                    config.adminKey(), ids, clock);
            switch (config.demo()) {
                case SMALL -> DemoProperty.createIfEmpty(hotel);
                case LARGE -> LargeDemo.createIfEmpty(hotel);
                case NONE -> { }
            }
            ScheduledExecutorService catchUp = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("hotel-catch-up").daemon().factory());
            catchUp.scheduleWithFixedDelay(() -> catchUp(hotel), 1, 1, TimeUnit.SECONDS);
            WebServer server = Server.create(infrastructure).start();
            return new HotelServer(store, infrastructure, server, catchUp, adminKey);
        } catch (RuntimeException | Error e) {
            closeQuietly(store);
            throw e;
        }
    }

    /**
     * Another instance's changes reach this one's availability engine here; a failed round is retried next
     * second. A property loaded again gets an index with versions its old one never had, so answers kept
     * under the old versions are never found again and age out of the caches.
     */
    private static void catchUp(Hotel hotel) {
        try {
            hotel.catchUp();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "catching up with other instances failed, retrying in a second: "
                    + e.getClass().getName());
        }
    }

    public int port() {
        return server.port();
    }

    /** The admin key this start made because none existed, to be shown once. */
    public Optional<String> generatedAdminKey() {
        return generatedAdminKey;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** Stops taking requests, stops catching up, and closes the database. */
    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            catchUp.shutdownNow();
            closeQuietly(store);
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
