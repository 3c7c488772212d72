package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server stopped and started again on the same H2 file is where it was, idempotency records included. */
class RestartTest {

    private static final String ADMIN_KEY = "hk_restart-admin-key-0123456789";

    @TempDir
    Path data;

    private HotelServer start() {
        return HotelServer.start(ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DB_URL", "jdbc:h2:file:" + data.resolve("hotel"))), Clock.systemUTC());
    }

    private static Api api(HotelServer server) {
        return new Api(Http1Client.builder().baseUri("http://localhost:" + server.port()).build());
    }

    private static final String GUEST = "{\"name\": \"Rui Costa\", \"email\": \"rui@example.com\"}";

    private static String booking(String today, String tomorrow) {
        return """
                {"guest": {"name": "Ana Silva", "email": "ana@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(today, tomorrow);
    }

    @Test
    void properties_bookings_keys_and_idempotency_records_survive_a_restart() {
        String property;
        String frontDesk;
        String today;
        String tomorrow;
        Api.Response booked;
        Api.Response registered;
        try (HotelServer server = start()) {
            Api api = api(server);
            var created = api.post("/v1/properties", ADMIN_KEY, """
                    {"code": "RST", "name": "Restart Inn", "timezone": "Europe/Lisbon", "currency": "EUR",
                     "check_in_time": "15:00", "check_out_time": "11:00"}""").json();
            property = "/v1/properties/" + created.path("id").asText();
            today = created.path("business_date").asText();
            tomorrow = LocalDate.parse(today).plusDays(1).toString();
            frontDesk = api.post("/v1/api-keys", ADMIN_KEY, "{\"name\": \"desk\", \"role\": \"front_desk\", \"property_ids\": []}")
                    .json().path("key").asText();
            String manager = api.post("/v1/api-keys", ADMIN_KEY, "{\"name\": \"mgr\", \"role\": \"manager\", \"property_ids\": []}")
                    .json().path("key").asText();
            api.post(property + "/room-types", manager,
                    "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}");
            api.post(property + "/rooms", manager, "{\"number\": \"1\", \"room_type\": \"DBL\"}");
            api.post(property + "/rate-plans", manager, """
                    {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}""");
            api.put(property + "/rate-plans/FLEX/prices", manager, """
                    [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                    .formatted(today, LocalDate.parse(today).plusDays(30)));
            booked = api.post(property + "/bookings", frontDesk, booking(today, tomorrow), "Idempotency-Key", "restart-1");
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            registered = api.post("/v1/guests", frontDesk, GUEST, "Idempotency-Key", "restart-guest");
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }

        try (HotelServer server = start()) {
            Api api = api(server);
            var replayed = api.post(property + "/bookings", frontDesk, booking(today, tomorrow), "Idempotency-Key", "restart-1");
            var guestReplayed = api.post("/v1/guests", frontDesk, GUEST, "Idempotency-Key", "restart-guest");
            var read = api.get(property + "/bookings/" + booked.json().path("id").asText(), frontDesk);
            var full = api.post(property + "/bookings", frontDesk, booking(today, tomorrow));

            assertThat(server.generatedAdminKey()).isEmpty();
            assertThat(replayed.status()).isEqualTo(201);
            assertThat(replayed.header("Idempotent-Replayed")).contains("true");
            assertThat(replayed.body()).isEqualTo(booked.body());
            assertThat(guestReplayed.header("Idempotent-Replayed")).contains("true");
            assertThat(guestReplayed.body()).isEqualTo(registered.body());
            assertThat(read.json()).isEqualTo(booked.json());
            assertThat(full.status()).as("the restarted engine knows the night is sold").isEqualTo(409);
            assertThat(api.get("/health", null).json().path("checks").get(0).path("data").path("kind").asText())
                    .isEqualTo("h2");
        }
    }
}
