package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.hotelkit.testing.MutableClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database sharing one Redis of the test's own (started and stopped here, never the
 * machine's). Their clock stands still, so a bucket never refills and a key gets exactly its capacity
 * through Redis: counts, not timings, show whether the limit is shared.
 */
class SharedRedisTest {

    private static final String ADMIN_KEY = "hk_shared-redis-admin-key-0123";
    /** A housekeeping key's bucket, which never refills on a clock that stands still. */
    private static final int CAPACITY = 60;
    /** Within 10 % of the bucket: what one key may get through both instances together. */
    private static final int MOST_SHARED = CAPACITY + CAPACITY / 10;

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");

    private HotelServer start(String database, RedisProcess redis) {
        Map<String, String> environment = new HashMap<>(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_HTTP_HOST", "127.0.0.1",
                "HOTEL_ADMIN_KEY", ADMIN_KEY, "HOTEL_DB_URL", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "HOTEL_REDIS_URL", redis.url().toString(),
                "HOTEL_RATE_LIMIT_HOUSEKEEPING_CAPACITY", Integer.toString(CAPACITY),
                "HOTEL_RATE_LIMIT_HOUSEKEEPING_REFILL_PER_SECOND", "10"));
        environment.put("HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "1000000");
        environment.put("HOTEL_RATE_LIMIT_ADMIN_REFILL_PER_SECOND", "1000");
        return HotelServer.start(ServerConfig.load(environment), clock);
    }

    private static Api api(HotelServer server) {
        return new Api(Http1Client.builder().baseUri("http://127.0.0.1:" + server.port()).build());
    }

    @Test
    void one_key_through_two_instances_gets_one_bucket_between_them() {
        String database = "redis-" + UUID.randomUUID();
        try (RedisProcess redis = RedisProcess.start();
             HotelServer a = start(database, redis);
             HotelServer b = start(database, redis)) {
            String key = housekeepingKey(api(a));

            var first = api(a).get("/v1/api-key", key);
            var second = api(b).get("/v1/api-key", key);
            assertThat(first.header("RateLimit-Remaining")).contains(Integer.toString(CAPACITY - 1));
            assertThat(second.header("RateLimit-Remaining")).as("the other instance took from the same bucket")
                    .contains(Integer.toString(CAPACITY - 2));
            int allowed = 2 + allowed(key, 198, api(a), api(b));

            assertThat(allowed).as("200 requests of one key, round robin over two instances").isBetween(CAPACITY, MOST_SHARED);
            var refused = api(b).get("/v1/api-key", key);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).contains("1");
            assertThat(refused.header("RateLimit-Remaining")).contains("0");
            assertThat(refused.header("RateLimit-Limit")).contains(Integer.toString(CAPACITY));
            assertThat(refused.header("RateLimit-Reset")).contains("6");
        }
    }

    @Test
    void redis_stopped_and_started_under_load_costs_no_5xx_and_limits_are_shared_again() throws Exception {
        String database = "redis-drill-" + UUID.randomUUID();
        try (CapturedLog log = new CapturedLog();
             RedisProcess redis = RedisProcess.start();
             HotelServer a = start(database, redis);
             HotelServer b = start(database, redis)) {
            List<Api> both = List.of(api(a), api(b));
            assertThat(redisUp(a)).isTrue();

            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> load = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                load.add(clients.submit(() -> {
                    // Bounded: at most 20,000 requests a client, whatever happens to the stop flag.
                    for (int i = 0; i < 20_000 && !stop.get(); i++) {
                        int status = both.get((i + client) % 2).get("/v1/api-key", ADMIN_KEY).status();
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            try {
                awaitRequests(statuses, 200);

                redis.stop();
                await(() -> !redisUp(a) && !redisUp(b), "both instances noticed that Redis stopped");
                int whileDown = allowed(housekeepingKey(both.get(0)), 4 * CAPACITY, both.get(0), both.get(1));
                assertThat(whileDown).as("while Redis is down, each instance has its own bucket")
                        .isGreaterThan(MOST_SHARED);

                redis.restart();
                await(() -> redisUp(a) && redisUp(b), "both instances found Redis again");
                awaitRequests(statuses, 200);
                int shared = allowed(housekeepingKey(both.get(0)), 200, both.get(0), both.get(1));
                assertThat(shared).as("after Redis came back, one bucket between the instances again")
                        .isBetween(CAPACITY, MOST_SHARED);
            } finally {
                stop.set(true);
                for (Future<?> client : load) {
                    client.get();
                }
                clients.shutdown();
            }

            assertThat(statuses.keySet()).as("statuses under load: " + statuses).containsOnly(200);
            assertThat(redis(a).fallbacks()).as("one outage, one fallback").isEqualTo(1);
            assertThat(redis(b).fallbacks()).isEqualTo(1);
            assertThat(metric(a, "hotel_redis_fallbacks_total")).as("published with the other metrics")
                    .isGreaterThanOrEqualTo(2.0);
            assertThat(metric(a, "hotel_redis_up")).isEqualTo(1.0);
            assertThat(log.text().lines().filter(line -> line.contains("does not answer")).count())
                    .as("one warning an instance: " + log.text()).isEqualTo(2);
        }
    }

    private static String housekeepingKey(Api admin) {
        var created = admin.post("/v1/api-keys", ADMIN_KEY, """
                {"name": "counted", "role": "housekeeping", "property_ids": []}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("key").asText();
    }

    /** How many of {@code requests} of {@code key}, sent to each instance in turn, were let through. */
    private static int allowed(String key, int requests, Api... instances) {
        int allowed = 0;
        for (int i = 0; i < requests; i++) {
            var response = instances[i % instances.length].get("/v1/api-key", key);
            assertThat(response.status()).as(response.toString()).isIn(200, 429);
            if (response.status() == 200) {
                allowed++;
            }
        }
        return allowed;
    }

    private static boolean redisUp(HotelServer server) {
        return redis(server).up();
    }

    private static SharedRedis redis(HotelServer server) {
        return server.infrastructure().redis().orElseThrow();
    }

    /** A value of the server's Prometheus metrics, by the name it has there. */
    private static double metric(HotelServer server, String name) {
        String text = api(server).call(Method.GET, "/metrics", null, null, null, "Accept", "text/plain").body();
        return text.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in\n" + text));
    }

    private static void awaitRequests(Map<Integer, AtomicInteger> statuses, int more) throws InterruptedException {
        int target = total(statuses) + more;
        await(() -> total(statuses) >= target, more + " more requests of the load");
    }

    private static int total(Map<Integer, AtomicInteger> statuses) {
        return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Waits, for at most 20 s, until {@code condition} holds. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
