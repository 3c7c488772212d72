package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.hotelkit.server.SharedOffers.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database sharing rendered availability answers through a Redis of the test's own.
 * The periodic catch-up is an hour and read-your-writes is off, so the test says when each instance
 * catches up ({@code catchUp()}, what a notification or the period does): what each may answer at each
 * step is then exact. Every answer is checked against the count it must show, whoever rendered it.
 */
class SharedAvailabilityTest {

    private static final String ADMIN_KEY = "hk_shared-answers-admin-key-0123";

    private static HotelServer start(String database, RedisProcess redis) {
        Map<String, String> environment = new HashMap<>(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_HTTP_HOST", "127.0.0.1",
                "HOTEL_ADMIN_KEY", ADMIN_KEY, "HOTEL_DB_URL", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "HOTEL_REDIS_URL", redis.url().toString(),
                "HOTEL_INSTANCES_READ_YOUR_WRITES", "false", "HOTEL_INSTANCES_CATCH_UP_PERIOD_MS", "3600000"));
        environment.put("HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "1000000");
        environment.put("HOTEL_RATE_LIMIT_ADMIN_REFILL_PER_SECOND", "1000");
        return HotelServer.start(ServerConfig.load(environment), Clock.systemUTC());
    }

    private static Api api(HotelServer server) {
        return new Api(Http1Client.builder().baseUri("http://127.0.0.1:" + server.port()).build());
    }

    private static long count(HotelServer server, Outcome outcome) {
        return server.infrastructure().sharedOffers().orElseThrow().count(outcome);
    }

    @Test
    void two_instances_share_answers_a_booking_changes_them_on_both_and_a_redis_restart_fails_nothing() throws Exception {
        String database = "shared-answers-" + UUID.randomUUID();
        try (RedisProcess redis = RedisProcess.start();
             HotelServer a = start(database, redis)) {
            Api onA = api(a);
            var created = onA.post("/v1/properties", ADMIN_KEY, """
                    {"code": "SHR", "name": "Shared Inn", "timezone": "UTC", "currency": "EUR",
                     "check_in_time": "15:00", "check_out_time": "11:00"}""").json();
            String p = "/v1/properties/" + created.path("id").asText();
            LocalDate today = LocalDate.parse(created.path("business_date").asText());
            onA.post(p + "/room-types", ADMIN_KEY,
                    "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}");
            onA.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"1\", \"room_type\": \"DBL\"}");
            onA.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"2\", \"room_type\": \"DBL\"}");
            onA.post(p + "/rate-plans", ADMIN_KEY, """
                    {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}""");
            onA.put(p + "/rate-plans/FLEX/prices", ADMIN_KEY, """
                    [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                    .formatted(today, today.plusDays(30)));

            try (HotelServer b = start(database, redis)) {
                Api onB = api(b);
                // Each instance settles the property on the catch-up after its first search of it; until then
                // it renders alone.
                assertThat(available(onA, p, today, 1)).isEqualTo(2);
                assertThat(available(onB, p, today, 1)).isEqualTo(2);
                assertThat(count(a, Outcome.UNSETTLED)).isEqualTo(1);
                assertThat(count(b, Outcome.UNSETTLED)).isEqualTo(1);
                a.infrastructure().catchUp();
                b.infrastructure().catchUp();

                JsonNode renderedByA = search(onA, p, today, 2);
                assertThat(count(a, Outcome.MISS)).as("A renders it and keeps it in Redis").isEqualTo(1);
                JsonNode fromRedis = search(onB, p, today, 2);
                assertThat(count(b, Outcome.HIT)).as("B finds what A rendered").isEqualTo(1);
                assertThat(count(b, Outcome.MISS)).isZero();
                assertThat(fromRedis).isEqualTo(renderedByA);
                assertThat(fromRedis.path("offers").get(0).path("available").asInt()).isEqualTo(2);

                // B books the last night but one. B answers at once from its own engine; A, not caught up yet,
                // answers for the state it holds: it finds the answer of that state, never B's newer one.
                var booked = onB.post(p + "/bookings", ADMIN_KEY, """
                        {"guest": {"name": "Ana Silva", "email": "ana@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                         "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(today, today.plusDays(1)));
                assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
                assertThat(available(onB, p, today, 3)).as("B, its own booking in its engine").isEqualTo(1);
                b.infrastructure().catchUp(); // B sees its booking in the outbox: settled at the new position
                assertThat(available(onB, p, today, 4)).isEqualTo(1);
                assertThat(count(b, Outcome.MISS)).as("B kept the new state's answer").isEqualTo(1);
                assertThat(available(onA, p, today, 4)).as("A, not caught up: the state it holds").isEqualTo(2);

                a.infrastructure().catchUp(); // A reloads the property: unsettled until the next round
                assertThat(available(onA, p, today, 5)).isEqualTo(1);
                a.infrastructure().catchUp();
                long hits = count(a, Outcome.HIT);
                assertThat(available(onA, p, today, 4)).as("A, caught up, finds B's answer of the new state").isEqualTo(1);
                assertThat(count(a, Outcome.HIT)).isEqualTo(hits + 1);

                // Redis killed: every search still 200 and right, rendered here; then back to sharing.
                redis.stop();
                long fallbacks = SharedRedis.fallbacksInProcess();
                assertThat(available(onA, p, today, 6)).isEqualTo(1);
                assertThat(available(onB, p, today, 6)).isEqualTo(1);
                assertThat(available(onB, p, today, 7)).isEqualTo(1);
                assertThat(count(a, Outcome.UNAVAILABLE) + count(b, Outcome.UNAVAILABLE)).isGreaterThanOrEqualTo(2);
                assertThat(SharedRedis.fallbacksInProcess()).isGreaterThan(fallbacks);
                assertThat(a.infrastructure().redis().orElseThrow().up()).isFalse();

                redis.restart();
                awaitUp(a);
                awaitUp(b);
                assertThat(available(onA, p, today, 8)).isEqualTo(1);
                long bHits = count(b, Outcome.HIT);
                assertThat(available(onB, p, today, 8)).isEqualTo(1);
                assertThat(count(b, Outcome.HIT)).as("shared again after Redis came back").isEqualTo(bHits + 1);
            }
        }
    }

    @Test
    void redis_stopped_and_started_under_searches_on_both_instances_answers_every_one_right() throws Exception {
        String database = "shared-answers-load-" + UUID.randomUUID();
        try (RedisProcess redis = RedisProcess.start();
             HotelServer a = start(database, redis);
             HotelServer b = start(database, redis)) {
            Api onA = api(a);
            var created = onA.post("/v1/properties", ADMIN_KEY, """
                    {"code": "SHL", "name": "Shared Inn", "timezone": "UTC", "currency": "EUR",
                     "check_in_time": "15:00", "check_out_time": "11:00"}""").json();
            String p = "/v1/properties/" + created.path("id").asText();
            LocalDate today = LocalDate.parse(created.path("business_date").asText());
            onA.post(p + "/room-types", ADMIN_KEY,
                    "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}");
            onA.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"1\", \"room_type\": \"DBL\"}");
            onA.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"2\", \"room_type\": \"DBL\"}");
            onA.post(p + "/rate-plans", ADMIN_KEY, """
                    {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}""");
            onA.put(p + "/rate-plans/FLEX/prices", ADMIN_KEY, """
                    [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                    .formatted(today, today.plusDays(60)));
            b.infrastructure().catchUp();
            for (HotelServer server : new HotelServer[] {a, b}) {
                available(api(server), p, today, 1);
                server.infrastructure().catchUp(); // settled: from now on a local miss goes to Redis
            }

            // Four clients, each on both instances in turn, every search a stay of its own most of the time
            // (checkin 0-29 days ahead, 1-10 nights: 300 searches), so that most miss the instance's answers.
            java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.List<String> wrong = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            var clients = java.util.concurrent.Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.submit(() -> {
                    Api[] apis = {api(a), api(b)};
                    java.util.SplittableRandom random = new java.util.SplittableRandom(client);
                    for (int i = 0; i < 3_000 && !stop.get(); i++) {
                        LocalDate checkin = today.plusDays(random.nextInt(30));
                        String search = p + "/availability?checkin_date=" + checkin + "&checkout_date="
                                + checkin.plusDays(1 + random.nextInt(10)) + "&adults=2";
                        var response = apis[i % 2].get(search, ADMIN_KEY);
                        if (response.status() != 200
                                || response.json().path("offers").get(0).path("available").asInt() != 2) {
                            wrong.add(search + " -> " + response);
                        }
                        answered.incrementAndGet();
                    }
                });
            }
            try {
                awaitAnswers(answered, 150);
                long unavailable = count(a, Outcome.UNAVAILABLE) + count(b, Outcome.UNAVAILABLE);
                redis.stop();
                awaitAnswers(answered, answered.get() + 150);
                assertThat(count(a, Outcome.UNAVAILABLE) + count(b, Outcome.UNAVAILABLE)).isGreaterThan(unavailable);
                redis.restart();
                awaitUp(a);
                awaitUp(b);
                // Redis came back empty: an answer is shared again once one instance has stored a stay that the
                // other then searches, which may take more than a few searches on a busy machine.
                long hits = count(a, Outcome.HIT) + count(b, Outcome.HIT);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (count(a, Outcome.HIT) + count(b, Outcome.HIT) <= hits && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(count(a, Outcome.HIT) + count(b, Outcome.HIT)).as("shared again").isGreaterThan(hits);
            } finally {
                stop.set(true);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(wrong).as("answers other than 200 with 2 rooms").isEmpty();
            assertThat(count(a, Outcome.HIT) + count(b, Outcome.HIT)).isPositive();
        }
    }

    /** Waits until {@code answered} reaches {@code count}, for at most a minute. */
    private static void awaitAnswers(java.util.concurrent.atomic.AtomicInteger answered, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(answered.get()).as("searches answered").isGreaterThanOrEqualTo(count);
    }

    @Test
    void an_answer_is_kept_under_the_search_and_the_position_and_nothing_else() {
        var query = new io.hotelkit.availability.AvailabilityQuery(io.hotelkit.shared.PropertyId.of("p:1"),
                io.hotelkit.shared.Stay.of(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-05")),
                io.hotelkit.shared.Occupancy.of(2, 1), "D:X", null);
        assertThat(new String(SharedOffers.key(query, 42), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("hotelkit:offers:1:=p%3A1:42:2026-12-03:2026-12-05:2:1:=D%3AX:");
        var aged = new io.hotelkit.availability.AvailabilityQuery(query.propertyId(), query.stay(),
                io.hotelkit.shared.Occupancy.of(2, java.util.List.of(4)), "D:X", null);
        assertThat(new String(SharedOffers.key(aged, true, 42), java.nio.charset.StandardCharsets.UTF_8))
                .as("children's ages and the split are part of the search")
                .isEqualTo("hotelkit:offers:1:=p%3A1:42:2026-12-03:2026-12-05:2:1:=D%3AX::ages=4:breakdown");
    }

    private static void awaitUp(HotelServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.infrastructure().redis().orElseThrow().up() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.infrastructure().redis().orElseThrow().up()).as("Redis answers again").isTrue();
    }

    /** A search of the stay from {@code today} of {@code nights} nights (each length its own answer). */
    private static JsonNode search(Api api, String p, LocalDate today, int nights) {
        var response = api.get(p + "/availability?checkin_date=" + today + "&checkout_date=" + today.plusDays(nights)
                + "&adults=2", ADMIN_KEY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static int available(Api api, String p, LocalDate today, int nights) {
        return search(api, p, today, nights).path("offers").get(0).path("available").asInt();
    }
}
