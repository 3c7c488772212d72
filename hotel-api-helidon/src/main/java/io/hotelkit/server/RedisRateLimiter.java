package io.hotelkit.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Token buckets kept in Redis, so that a key's limit holds over all instances: each request runs one Lua
 * script (by its SHA, loaded once and again after Redis lost it) that refills and takes a token atomically,
 * with the same arithmetic as core's {@link TokenBucket}. The time is this server's clock, passed in, so
 * instances must keep their clocks close (NTP); a clock behind the bucket's last refill adds nothing. While
 * Redis is down, the {@code fallback} limiter (per instance) decides.
 */
final class RedisRateLimiter implements RateLimiter {

    /**
     * KEYS[1] the bucket; ARGV capacity, refill per second, now (microseconds), time to live (ms). Answers
     * whether the request may go on (1 or 0) and the tokens left, as a string (Lua numbers become integers
     * in a reply).
     */
    static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil or at == nil then
              tokens = capacity
              at = now
            end
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) / 1e6 * rate)
              at = now
            end
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%d', at))
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return {allowed, string.format('%.17g', tokens)}
            """;

    private static final String KEYS = SharedRedis.PREFIX + "rate:";

    private final SharedRedis redis;
    private final RateLimiter fallback;
    private final Clock clock;
    private final AtomicReference<String> sha = new AtomicReference<>();

    RedisRateLimiter(SharedRedis redis, RateLimiter fallback, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Decision tryAcquire(String key, Limit limit) {
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        // Idle for as long as it takes to fill, a bucket is full again: forgetting it then changes nothing.
        long ttlMillis = limit.timeToFill().toMillis() + 1_000;
        List<String> args = List.of(Long.toString(limit.capacity()), Double.toString(limit.refillPerSecond()),
                Long.toString(micros), Long.toString(ttlMillis));
        Optional<List<?>> answer = redis.call(jedis -> run(jedis, List.of(KEYS + key), args));
        if (answer.isEmpty()) {
            return fallback.tryAcquire(key, limit);
        }
        boolean allowed = ((Number) answer.get().get(0)).longValue() == 1;
        double tokens = Double.parseDouble(text(answer.get().get(1)));
        Duration resetIn = seconds((limit.capacity() - tokens) / limit.refillPerSecond());
        Duration retryAfter = allowed ? Duration.ZERO : seconds((1 - tokens) / limit.refillPerSecond());
        return new Decision(allowed, limit.capacity(), (long) Math.floor(tokens), resetIn, retryAfter);
    }

    /** Runs the script by its SHA, loading it first if this process has not or Redis has lost it. */
    private List<?> run(UnifiedJedis jedis, List<String> keys, List<String> args) {
        String loaded = sha.get();
        if (loaded != null) {
            try {
                return (List<?>) jedis.evalsha(loaded, keys, args);
            } catch (JedisNoScriptException lost) {
                // Redis restarted or its scripts were flushed: load it again below.
            }
        }
        loaded = jedis.scriptLoad(SCRIPT);
        sha.set(loaded);
        return (List<?>) jedis.evalsha(loaded, keys, args);
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : reply.toString();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
    }
}
