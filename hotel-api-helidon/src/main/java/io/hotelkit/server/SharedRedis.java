package io.hotelkit.server;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis that instances share ({@code hotel.redis-url}), used so that a dead or slow Redis never stalls or
 * fails a request: every call has a short connect and socket timeout, and the first call that fails marks
 * Redis down, logs one warning and counts a fallback. While it is down no request calls it (callers use
 * their in-process fallback at once); a probe asks it every {@link #PROBE_PERIOD} whether it answers, and
 * when it does, requests use it again.
 */
final class SharedRedis implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SharedRedis.class.getName());
    /** How long connecting, and then each answer, may take. */
    static final int TIMEOUT_MS = 150;
    /** How often a Redis that is down is asked whether it answers again. */
    static final Duration PROBE_PERIOD = Duration.ofMillis(500);
    /** Every key this server writes starts so, beside whatever else the Redis holds. */
    static final String PREFIX = "hotelkit:";

    /**
     * The instances of this process that are open, and how many times any of them fell back, for the
     * metrics: a process runs one server (tests run several, which the metrics then show together).
     */
    private static final Set<SharedRedis> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicLong FALLBACKS = new AtomicLong();

    private final RedisClient client;
    private final String shown;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicLong fallbacks = new AtomicLong();
    private final ScheduledExecutorService prober;
    private @Nullable ScheduledFuture<?> probing;

    private SharedRedis(RedisClient client, String shown) {
        this.client = client;
        this.shown = shown;
        this.prober = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("hotel-redis-probe").daemon().factory());
    }

    /**
     * A pool of connections to the Redis at {@code url}, asked once whether it answers: a Redis that does
     * not is not an error here (the server starts, in process, and uses it once the probe finds it).
     */
    static SharedRedis connect(URI url) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MS)
                .socketTimeoutMillis(TIMEOUT_MS)
                .clientName("hotelkit")
                .ssl("rediss".equals(url.getScheme()));
        String userInfo = url.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                config.password(userInfo);
            } else {
                if (colon > 0) {
                    config.user(userInfo.substring(0, colon));
                }
                config.password(userInfo.substring(colon + 1));
            }
        }
        String path = url.getPath() == null ? "" : url.getPath().replace("/", "");
        if (!path.isEmpty()) {
            config.database(Integer.parseInt(path));
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(128);
        pool.setMaxIdle(32);
        pool.setMinIdle(0);
        // A request never waits long for a connection: past this it is answered in process.
        pool.setMaxWait(Duration.ofMillis(TIMEOUT_MS));
        pool.setTestOnBorrow(false);
        RedisClient client = RedisClient.builder()
                .hostAndPort(url.getHost(), url.getPort() < 0 ? 6379 : url.getPort())
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
        SharedRedis redis = new SharedRedis(client, ServerConfig.withoutPassword(url));
        OPEN.add(redis);
        redis.call(UnifiedJedis::ping);
        if (redis.up()) {
            LOG.log(Level.INFO, "rate limits and availability answers are shared through Redis at " + redis.shown);
        }
        return redis;
    }

    /**
     * What {@code command} returns, or empty while Redis is down or when the command fails (which marks it
     * down). {@code command} handles the Redis errors it expects itself (a missing script, say).
     */
    <T> Optional<T> call(Function<UnifiedJedis, T> command) {
        if (!up.get()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(command.apply(client));
        } catch (JedisException e) {
            down(e);
            return Optional.empty();
        }
    }

    /** Whether requests use Redis now. */
    boolean up() {
        return up.get();
    }

    /** How many times Redis went down and this instance fell back to its own memory. */
    long fallbacks() {
        return fallbacks.get();
    }

    /** Whether every open instance of this process uses Redis now (1) or not (0). */
    static double upInProcess() {
        return OPEN.stream().allMatch(SharedRedis::up) ? 1 : 0;
    }

    /** How many times instances of this process fell back to their own memory since it started. */
    static long fallbacksInProcess() {
        return FALLBACKS.get();
    }

    private synchronized void down(JedisException cause) {
        if (!up.compareAndSet(true, false)) {
            return;
        }
        fallbacks.incrementAndGet();
        FALLBACKS.incrementAndGet();
        LOG.log(Level.WARNING, "Redis at " + shown + " does not answer (" + cause.getClass().getSimpleName()
                + "): rate limits and availability answers are per instance until it does");
        client.getPool().clear();
        if (!prober.isShutdown()) {
            probing = prober.scheduleWithFixedDelay(this::probe, PROBE_PERIOD.toMillis(), PROBE_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void probe() {
        if (up.get()) {
            return;
        }
        try {
            client.getPool().clear();
            client.ping();
        } catch (JedisException stillDown) {
            return;
        }
        if (probing != null) {
            probing.cancel(false);
            probing = null;
        }
        up.set(true);
        LOG.log(Level.INFO, "Redis at " + shown + " answers again: rate limits and availability answers are shared");
    }

    @Override
    public void close() {
        OPEN.remove(this);
        prober.shutdownNow();
        client.close();
    }
}
