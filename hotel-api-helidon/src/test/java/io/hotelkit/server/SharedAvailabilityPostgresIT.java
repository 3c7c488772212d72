package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.hotelkit.jpa.testing.TestDatabase;
import io.hotelkit.server.SharedOffers.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL as deployed: read-your-writes on, changes told by LISTEN/NOTIFY, rendered
 * answers shared through a Redis of the test's own. Every answer is checked against the count it must show,
 * whoever rendered it: before and after a booking on either instance, and while Redis is stopped and after
 * it is back. (The exact steps of settling, with the catch-ups called by the test, are
 * {@link SharedAvailabilityTest}'s.)
 */
class SharedAvailabilityPostgresIT {

    private static final String ADMIN_KEY = "hk_shared-answers-pg-admin-key-01";

    private static HotelServer start(TestDatabase database, RedisProcess redis) {
        Map<String, String> environment = new HashMap<>(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_HTTP_HOST", "127.0.0.1",
                "HOTEL_ADMIN_KEY", ADMIN_KEY, "HOTEL_DB_URL", database.url(), "HOTEL_REDIS_URL", redis.url().toString(),
                "HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "1000000", "HOTEL_RATE_LIMIT_ADMIN_REFILL_PER_SECOND", "1000"));
        if (database.user() != null) {
            environment.put("HOTEL_DB_USER", database.user());
        }
        if (database.password() != null) {
            environment.put("HOTEL_DB_PASSWORD", database.password());
        }
        return HotelServer.start(ServerConfig.load(environment), Clock.systemUTC());
    }

    private static Api api(HotelServer server) {
        return new Api(Http1Client.builder().baseUri("http://127.0.0.1:" + server.port()).build());
    }

    private static long count(HotelServer server, Outcome outcome) {
        return server.infrastructure().sharedOffers().orElseThrow().count(outcome);
    }

    @Test
    void answers_are_shared_right_after_every_booking_and_through_a_redis_restart() throws Exception {
        try (TestDatabase database = TestDatabase.postgres();
             RedisProcess redis = RedisProcess.start();
             HotelServer a = start(database, redis);
             HotelServer b = start(database, redis)) {
            Api onA = api(a);
            Api onB = api(b);
            var created = onA.post("/v1/properties", ADMIN_KEY, """
                    {"code": "SHP", "name": "Shared Inn", "timezone": "UTC", "currency": "EUR",
                     "check_in_time": "15:00", "check_out_time": "11:00"}""").json();
            String p = "/v1/properties/" + created.path("id").asText();
            LocalDate today = LocalDate.parse(created.path("business_date").asText());
            onB.post(p + "/room-types", ADMIN_KEY,
                    "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}");
            for (String room : new String[] {"1", "2", "3"}) {
                onA.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"" + room + "\", \"room_type\": \"DBL\"}");
            }
            onB.post(p + "/rate-plans", ADMIN_KEY, """
                    {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}""");
            onA.put(p + "/rate-plans/FLEX/prices", ADMIN_KEY, """
                    [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                    .formatted(today, today.plusDays(60)));

            int rooms = 3;
            int stay = 1;
            for (HotelServer booking : new HotelServer[] {b, a}) {
                // Every stay length is a search of its own: a fresh one on each instance after every change.
                for (int round = 0; round < 4; round++, stay++) {
                    assertThat(available(onA, p, today, stay)).isEqualTo(rooms);
                    assertThat(available(onB, p, today, stay)).isEqualTo(rooms);
                }
                var booked = api(booking).post(p + "/bookings", ADMIN_KEY, """
                        {"guest": {"name": "Ana Silva", "email": "ana@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                         "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(today, today.plusDays(1)));
                assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
                rooms--;
            }
            for (int round = 0; round < 4; round++, stay++) {
                assertThat(available(onA, p, today, stay)).isEqualTo(rooms);
                assertThat(available(onB, p, today, stay)).isEqualTo(rooms);
            }
            assertThat(count(a, Outcome.HIT) + count(b, Outcome.HIT)).as("answers one instance found the other's")
                    .isPositive();

            redis.stop();
            for (int round = 0; round < 3; round++, stay++) {
                assertThat(available(onA, p, today, stay)).isEqualTo(rooms);
                assertThat(available(onB, p, today, stay)).isEqualTo(rooms);
            }
            assertThat(count(a, Outcome.UNAVAILABLE) + count(b, Outcome.UNAVAILABLE)).isPositive();
            redis.restart();
            awaitUp(a);
            awaitUp(b);
            long hits = count(a, Outcome.HIT) + count(b, Outcome.HIT);
            for (int round = 0; round < 4; round++, stay++) {
                assertThat(available(onA, p, today, stay)).isEqualTo(rooms);
                assertThat(available(onB, p, today, stay)).isEqualTo(rooms);
            }
            assertThat(count(a, Outcome.HIT) + count(b, Outcome.HIT)).as("shared again").isGreaterThan(hits);
        }
    }

    private static void awaitUp(HotelServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.infrastructure().redis().orElseThrow().up() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.infrastructure().redis().orElseThrow().up()).as("Redis answers again").isTrue();
    }

    private static int available(Api api, String p, LocalDate today, int nights) {
        var response = api.get(p + "/availability?checkin_date=" + today + "&checkout_date=" + today.plusDays(nights)
                + "&adults=2", ADMIN_KEY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("offers").get(0).path("available").asInt();
    }
}
