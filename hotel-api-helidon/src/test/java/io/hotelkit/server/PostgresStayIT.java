package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.hotelkit.jpa.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server as it runs in production, on PostgreSQL. */
class PostgresStayIT {

    private static final String ADMIN_KEY = "hk_postgres-admin-key-0123456789";

    private static TestDatabase database;
    private static HotelServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        database = TestDatabase.postgres();
        server = HotelServer.start(ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DB_URL", database.url(), "HOTEL_DB_USER", Objects.requireNonNullElse(database.user(), ""),
                "HOTEL_DB_PASSWORD", Objects.requireNonNullElse(database.password(), ""))), eveningClock());
        api = new Api(Http1Client.builder().baseUri("http://localhost:" + server.port()).build());
    }

    /** Real time, moved to this evening (UTC), when the night audit may close the day. */
    private static Clock eveningClock() {
        Instant evening = LocalDate.now(ZoneOffset.UTC).atTime(20, 0).toInstant(ZoneOffset.UTC);
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), evening));
    }

    @AfterAll
    static void stop() {
        try (TestDatabase dropped = database; HotelServer stopped = server) {
            // both closed, the server first
        }
    }

    @Test
    void a_stay_from_booking_to_invoice_and_the_last_room_sold_once_under_concurrency() throws Exception {
        var property = api.post("/v1/properties", ADMIN_KEY, """
                {"code": "PG", "name": "Postgres Palace", "timezone": "UTC", "currency": "EUR",
                 "check_in_time": "15:00", "check_out_time": "11:00"}""").json();
        String p = "/v1/properties/" + property.path("id").asText();
        LocalDate today = LocalDate.parse(property.path("business_date").asText());
        api.post(p + "/room-types", ADMIN_KEY,
                "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}");
        api.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"1\", \"room_type\": \"DBL\"}");
        api.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"2\", \"room_type\": \"DBL\"}");
        api.post(p + "/rate-plans", ADMIN_KEY,
                "{\"code\": \"FLEX\", \"name\": \"Flexible\", \"cancellation_policy\": {\"free_until_days_before\": 0, \"penalty\": \"none\"}}");
        assertThat(api.put(p + "/rate-plans/FLEX/prices", ADMIN_KEY, """
                [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                .formatted(today, today.plusDays(30))).status()).isEqualTo(204);

        String stay = """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""";
        var booked = api.post(p + "/bookings", ADMIN_KEY, stay.formatted("ana@example.com", today, today.plusDays(1)));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String b = p + "/bookings/" + booked.json().path("id").asText();
        assertThat(api.post(b + "/check-in", ADMIN_KEY).json().path("status").asText()).isEqualTo("checked_in");
        assertThat(api.post(p + "/night-audit", ADMIN_KEY).status()).isEqualTo(200);
        String balance = api.get(b + "/folio", ADMIN_KEY).json().path("balance").path("amount").asText();
        assertThat(api.post(p + "/payments", ADMIN_KEY, """
                {"booking_id": "%s", "amount": {"amount": "%s", "currency": "EUR"}, "method": "cash"}"""
                .formatted(booked.json().path("id").asText(), balance)).status()).isEqualTo(201);
        assertThat(api.post(b + "/check-out", ADMIN_KEY).json().path("status").asText()).isEqualTo("checked_out");
        assertThat(api.post(b + "/invoices", ADMIN_KEY).json().path("number").asText()).endsWith("-000001");

        LocalDate later = today.plusDays(10);
        api.post(p + "/bookings", ADMIN_KEY, stay.formatted("first@example.com", later, later.plusDays(1)));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> racing = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                String email = "racer" + i + "@example.com";
                racing.add(pool.submit(() -> {
                    go.await();
                    return api.post(p + "/bookings", ADMIN_KEY, stay.formatted(email, later, later.plusDays(1))).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : racing) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        }
    }
}
