package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.hotelkit.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three server instances on one PostgreSQL database, as behind a round-robin balancer: README.md's walk
 * (set-up, keys, search, book, check in, charge, night audit, pay, check out, invoice, audit) with each
 * request sent to the next instance in turn and nothing between requests, no sleep and no retry. Every
 * request sees every write that returned before it, on whichever instance: read-your-writes across
 * instances. And an instance whose notification listener is cut off reconnects, and catches up on its own.
 */
class InstancesOnOnePostgresIT {

    private static final String ADMIN_KEY = "hk_instances-admin-key-0123456789";

    private TestDatabase database;
    /** The system clock, moved on to 20:00 UTC if it is earlier, so that the night audit may close today. */
    private Clock clock;
    private List<HotelServer> servers;
    private List<Api> apis;
    private int turn;

    @BeforeEach
    void start() {
        database = TestDatabase.postgres();
        Clock system = Clock.systemUTC();
        Duration toEvening = Duration.between(system.instant(),
                LocalDate.now(system).atTime(20, 0).toInstant(java.time.ZoneOffset.UTC));
        clock = toEvening.isNegative() ? system : Clock.offset(system, toEvening);
        servers = List.of(start(Map.of()), start(Map.of()), start(Map.of()));
        apis = servers.stream().map(InstancesOnOnePostgresIT::api).toList();
    }

    @AfterEach
    void stop() {
        servers.forEach(HotelServer::close);
        database.close();
    }

    private HotelServer start(Map<String, String> more) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "HOTEL_HTTP_HOST", "127.0.0.1",
                "HOTEL_HTTP_PORT", "0",
                "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DB_URL", database.url(),
                "HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "100000",
                "HOTEL_RATE_LIMIT_FRONT_DESK_CAPACITY", "100000",
                "HOTEL_RATE_LIMIT_MANAGER_CAPACITY", "100000"));
        if (database.user() != null) {
            environment.put("HOTEL_DB_USER", database.user());
        }
        if (database.password() != null) {
            environment.put("HOTEL_DB_PASSWORD", database.password());
        }
        environment.putAll(more);
        return HotelServer.start(ServerConfig.load(environment), clock);
    }

    private static Api api(HotelServer server) {
        return new Api(Http1Client.builder().baseUri("http://127.0.0.1:" + server.port()).build());
    }

    /** The next instance, round-robin. */
    private Api next() {
        return apis.get(turn++ % apis.size());
    }

    private static Api.Response expect(int status, Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    @Test
    void readme_walk_round_robin_over_three_instances_sees_every_write_at_once() {
        JsonNode property = expect(201, next().post("/v1/properties", ADMIN_KEY, """
                {"code": "RR", "name": "Round Robin Inn", "timezone": "UTC", "currency": "EUR",
                 "check_in_time": "15:00", "check_out_time": "11:00"}""")).json();
        String p = "/v1/properties/" + property.path("id").asText();
        LocalDate today = LocalDate.parse(property.path("business_date").asText());
        String tonight = "checkin_date=" + today + "&checkout_date=" + today.plusDays(1) + "&adults=2";

        expect(200, next().get(p, ADMIN_KEY));
        expect(201, next().post(p + "/room-types", ADMIN_KEY,
                "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}"));
        expect(200, next().get(p + "/room-types/DBL", ADMIN_KEY));
        expect(201, next().post(p + "/rooms", ADMIN_KEY, "{\"number\": \"101\", \"room_type\": \"DBL\"}"));
        expect(201, next().post(p + "/rooms", ADMIN_KEY, "{\"number\": \"102\", \"room_type\": \"DBL\"}"));
        expect(201, next().post(p + "/rate-plans", ADMIN_KEY, """
                {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}"""));
        expect(200, next().get(p + "/rate-plans/FLEX", ADMIN_KEY));
        expect(204, next().put(p + "/rate-plans/FLEX/prices", ADMIN_KEY, """
                [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                .formatted(today, today.plusDays(60))));
        expect(201, next().post(p + "/blocks", ADMIN_KEY, """
                {"code": "GRP", "name": "Group", "room_type": "DBL", "rate_plan": "FLEX", "from": "%s", "to": "%s",
                 "rooms": 1, "release_date": "%s", "status": "tentative"}"""
                .formatted(today.plusDays(40), today.plusDays(41), today.plusDays(35))));
        expect(200, next().get(p + "/blocks/GRP", ADMIN_KEY));

        String desk = expect(201, next().post("/v1/api-keys", ADMIN_KEY, """
                {"name": "front desk", "role": "front_desk", "property_ids": ["%s"]}"""
                .formatted(property.path("id").asText()))).json().path("key").asText();
        JsonNode managerKey = expect(201, next().post("/v1/api-keys", ADMIN_KEY, """
                {"name": "manager", "role": "manager", "property_ids": ["%s"]}"""
                .formatted(property.path("id").asText()))).json();
        String manager = managerKey.path("key").asText();

        // every instance answers (and keeps, rendered) the search before the booking
        for (int i = 0; i < apis.size(); i++) {
            assertThat(available(next(), p, tonight, desk)).as("before the booking").isEqualTo(2);
        }
        JsonNode booking = expect(201, next().post(p + "/bookings", desk, """
                {"guest": {"name": "Ana Silva", "email": "ana@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(today, today.plusDays(1)),
                "Idempotency-Key", "first-stay")).json();
        for (int i = 0; i < apis.size(); i++) {
            assertThat(available(next(), p, tonight, desk)).as("after the booking, on every instance").isEqualTo(1);
        }
        String b = p + "/bookings/" + booking.path("id").asText();
        expect(200, next().get(b, desk));
        assertThat(expect(200, next().post(b + "/check-in", desk)).json().path("status").asText()).isEqualTo("checked_in");
        expect(201, next().post(b + "/charges", desk, """
                {"description": "Minibar", "amount": {"amount": "8.50", "currency": "EUR"}, "category": "minibar"}"""));
        expect(200, next().post(p + "/night-audit", manager));
        String balance = expect(200, next().get(b + "/folio", desk)).json().path("balance").path("amount").asText();
        assertThat(balance).isEqualTo("98.50");
        assertThat(expect(201, next().post(p + "/payments", desk, """
                {"booking_id": "%s", "amount": {"amount": "%s", "currency": "EUR"}, "method": "card", "card_token": "tok_visa"}"""
                .formatted(booking.path("id").asText(), balance), "Idempotency-Key", "pay-first-stay")).json()
                .path("status").asText()).isEqualTo("captured");
        expect(200, next().post(b + "/check-out", desk));
        expect(201, next().post(b + "/invoices", desk));
        assertThat(expect(200, next().get(p + "/audit?entity=booking&id=" + booking.path("id").asText(), manager)).json()
                .path("items").get(0).path("type").asText()).isEqualTo("booking.checked_out");

        // the manager's key is known (and kept) by every instance; revoked on one, it is refused by the next two
        for (int i = 0; i < apis.size(); i++) {
            expect(200, next().get(p, manager));
        }
        expect(200, next().delete("/v1/api-keys/" + managerKey.path("id").asText(), ADMIN_KEY));
        expect(401, next().get(p, manager));
        expect(401, next().get(p, manager));
        expect(401, next().get(p, manager));
    }

    @Test
    void a_listener_whose_connection_is_killed_reconnects_and_the_periodic_catch_up_covers_the_gap() throws Exception {
        servers.forEach(HotelServer::close);
        // the second instance's safety net comes round every 200 ms here, rather than every second
        servers = List.of(start(Map.of()), start(Map.of("HOTEL_INSTANCES_READ_YOUR_WRITES", "false",
                "HOTEL_INSTANCES_CATCH_UP_PERIOD_MS", "200")));
        apis = servers.stream().map(InstancesOnOnePostgresIT::api).toList();
        Api one = apis.get(0);
        Api two = apis.get(1);
        JsonNode property = expect(201, one.post("/v1/properties", ADMIN_KEY, """
                {"code": "LS", "name": "Listen Inn", "timezone": "UTC", "currency": "EUR",
                 "check_in_time": "15:00", "check_out_time": "11:00"}""")).json();
        String p = "/v1/properties/" + property.path("id").asText();
        LocalDate today = LocalDate.parse(property.path("business_date").asText());
        String tonight = "checkin_date=" + today + "&checkout_date=" + today.plusDays(1) + "&adults=2";
        expect(201, one.post(p + "/room-types", ADMIN_KEY,
                "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}"));
        expect(201, one.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"1\", \"room_type\": \"DBL\"}"));
        expect(201, one.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"2\", \"room_type\": \"DBL\"}"));
        expect(201, one.post(p + "/rate-plans", ADMIN_KEY, """
                {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}"""));
        expect(204, one.put(p + "/rate-plans/FLEX/prices", ADMIN_KEY, """
                [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                .formatted(today, today.plusDays(30))));
        int before = awaitAvailable(two, p, tonight, 2);
        assertThat(before).isEqualTo(2);

        int killed = servers.get(1).listenerPid().orElseThrow();
        terminate(killed);
        // A booking while the listener is down (or reconnecting): its notification may be lost; the periodic
        // catch-up and the catch-up after reconnecting are what bring it to the second instance.
        expect(201, one.post(p + "/bookings", ADMIN_KEY, """
                {"guest": {"name": "Ana Silva", "email": "ana@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(today, today.plusDays(1)))).json();
        assertThat(awaitAvailable(two, p, tonight, 1)).as("caught up without the killed connection").isEqualTo(1);
        OptionalInt again = awaitListener(servers.get(1), killed);
        assertThat(again).as("the listener reconnected").isPresent();
        assertThat(again.getAsInt()).isNotEqualTo(killed);

        // and it hears the next booking by notification again: no period would bring it this soon
        expect(201, one.post(p + "/bookings", ADMIN_KEY, """
                {"guest": {"name": "Rui Costa", "email": "rui@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(today, today.plusDays(1)))).json();
        assertThat(awaitAvailable(two, p, tonight, 0)).isEqualTo(0);
    }

    /**
     * Asks {@code api} until it answers {@code expected} available rooms, for up to 10 s (the listener and
     * the periodic catch-up are asynchronous by nature: this test is about whether they arrive, not when);
     * the last answer.
     */
    private static int awaitAvailable(Api api, String p, String stay, int expected) throws InterruptedException {
        int seen = available(api, p, stay, ADMIN_KEY);
        for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); seen != expected && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
            seen = available(api, p, stay, ADMIN_KEY);
        }
        return seen;
    }

    private static OptionalInt awaitListener(HotelServer server, int killed) throws InterruptedException {
        OptionalInt pid = server.listenerPid();
        for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
             (pid.isEmpty() || pid.getAsInt() == killed) && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
            pid = server.listenerPid();
        }
        return pid;
    }

    private void terminate(int pid) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement kill = connection.prepareStatement("select pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            try (ResultSet done = kill.executeQuery()) {
                done.next();
                assertThat(done.getBoolean(1)).as("terminated backend " + pid).isTrue();
            }
        }
    }

    private static int available(Api api, String p, String stay, String key) {
        var response = api.get(p + "/availability?" + stay, key);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode offers = response.json().path("offers");
        return offers.isEmpty() ? 0 : offers.get(0).path("available").asInt();
    }
}
