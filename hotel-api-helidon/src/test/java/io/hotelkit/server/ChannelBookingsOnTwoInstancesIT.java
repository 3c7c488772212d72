package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.hotelkit.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two server instances on one PostgreSQL database, a channel sending to both at once: the same booking sent
 * to both (with different idempotency keys) is booked once, one answer 201 and the other 200 with the same
 * booking, because the database's unique key on (property, source, external_ref) lets one insert through;
 * and channel bookings racing for the last rooms on both instances are never accepted past the rooms.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ChannelBookingsOnTwoInstancesIT {

    private static final String ADMIN_KEY = "hk_channel-race-admin-key-0123456789";

    private TestDatabase database;
    private List<HotelServer> servers;
    private List<Api> apis;
    private String property;
    private String channel;
    private LocalDate today;

    @BeforeEach
    void start() {
        database = TestDatabase.postgres();
        servers = List.of(start(database), start(database));
        apis = servers.stream().map(server -> new Api(Http1Client.builder()
                .baseUri("http://127.0.0.1:" + server.port()).build())).toList();
        Api api = apis.getFirst();
        JsonNode made = expect(201, api.post("/v1/properties", ADMIN_KEY, """
                {"code": "RACE", "name": "Race Inn", "timezone": "UTC", "currency": "EUR",
                 "check_in_time": "15:00", "check_out_time": "11:00"}""")).json();
        property = "/v1/properties/" + made.path("id").asText();
        today = LocalDate.parse(made.path("business_date").asText());
        expect(201, api.post(property + "/room-types", ADMIN_KEY,
                "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}"));
        for (String room : List.of("101", "102")) {
            expect(201, api.post(property + "/rooms", ADMIN_KEY, "{\"number\": \"" + room + "\", \"room_type\": \"DBL\"}"));
        }
        expect(201, api.post(property + "/rate-plans", ADMIN_KEY, """
                {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}"""));
        expect(204, api.put(property + "/rate-plans/FLEX/prices", ADMIN_KEY, """
                [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                .formatted(today, today.plusDays(60))));
        channel = expect(201, api.post("/v1/api-keys", ADMIN_KEY, """
                {"name": "channel manager", "role": "channel", "property_ids": ["%s"]}"""
                .formatted(made.path("id").asText()))).json().path("key").asText();
    }

    private static HotelServer start(TestDatabase database) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "HOTEL_HTTP_HOST", "127.0.0.1",
                "HOTEL_HTTP_PORT", "0",
                "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DB_URL", database.url(),
                "HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "100000",
                "HOTEL_RATE_LIMIT_CHANNEL_CAPACITY", "100000"));
        if (database.user() != null) {
            environment.put("HOTEL_DB_USER", database.user());
        }
        if (database.password() != null) {
            environment.put("HOTEL_DB_PASSWORD", database.password());
        }
        return HotelServer.start(ServerConfig.load(environment), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        servers.forEach(HotelServer::close);
        database.close();
    }

    private static Api.Response expect(int status, Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    /**
     * A channel's booking for a guest of its own: two first bookings of one new guest would race on the guest's
     * e-mail (one is refused as a duplicate guest), which is not what these tests are about.
     */
    private String booking(String ref, int night) {
        return """
                {"guest": {"name": "Ana Silva", "email": "%s@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2, "source": "booking.com", "external_ref": "%s"}"""
                .formatted(UUID.randomUUID(), today.plusDays(night), today.plusDays(night + 1), ref);
    }

    /** Sends each body to the instance of its index, all at once; the answers in the same order. */
    private List<Api.Response> atOnce(List<String> bodies) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                Api api = apis.get(i % apis.size());
                String body = bodies.get(i);
                String key = UUID.randomUUID().toString();
                sent.add(threads.submit(() -> {
                    start.await();
                    return api.post(property + "/bookings", channel, body, "Idempotency-Key", key);
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void the_same_channel_booking_sent_to_both_instances_at_once_is_booked_once() throws Exception {
        for (int round = 0; round < 10; round++) {
            String ref = "BDC-RACE-" + round;
            List<Api.Response> answers = atOnce(List.of(booking(ref, 1 + round), booking(ref, 1 + round)));

            assertThat(answers).extracting(Api.Response::status).as("round %d: %s", round, answers)
                    .containsExactlyInAnyOrder(201, 200);
            assertThat(answers.get(0).json().path("id").asText()).isEqualTo(answers.get(1).json().path("id").asText());
            assertThat(rowsWithRef(ref)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void channel_bookings_racing_for_the_last_rooms_on_both_instances_never_oversell() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bodies.add(booking("BDC-LAST-" + i, 20));
        }
        List<Api.Response> answers = atOnce(bodies);

        assertThat(answers).extracting(Api.Response::status).as("%s", answers).containsOnly(201, 409);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(2);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).extracting(Api.Response::problem)
                .containsOnly("not-available");
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from bookings where checkin = ? and status = 'CONFIRMED'")) {
            count.setObject(1, today.plusDays(20));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(2);
            }
        }
    }

    private int rowsWithRef(String ref) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from bookings where source = 'booking.com' and external_ref = ?")) {
            count.setString(1, ref);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
