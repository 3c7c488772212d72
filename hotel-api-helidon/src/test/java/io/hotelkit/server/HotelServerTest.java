package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server as {@code java -jar} starts it: configured from its environment, with its own wiring. */
class HotelServerTest {

    private static final String ADMIN_KEY = "hk_test-admin-key-0123456789";

    private static Api api(HotelServer server) {
        return new Api(Http1Client.builder().baseUri("http://localhost:" + server.port()).build());
    }

    @Test
    void a_demo_start_serves_the_demo_property_to_the_configured_admin_key_and_counts_what_it_does() {
        ServerConfig config = ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_DEMO", "true",
                "HOTEL_ADMIN_KEY", ADMIN_KEY, "HOTEL_DB_URL", "jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1"));
        try (HotelServer server = HotelServer.start(config, Clock.systemUTC())) {
            Api api = api(server);
            assertThat(server.generatedAdminKey()).isEmpty();

            var properties = api.get("/v1/properties", ADMIN_KEY).json();
            String demo = properties.path("items").get(0).path("id").asText();
            String today = properties.path("items").get(0).path("business_date").asText();
            String checkout = LocalDate.parse(today).plusDays(2).toString();
            api.get("/v1/properties/" + demo + "/availability?checkin_date=" + today + "&checkout_date=" + checkout, ADMIN_KEY);
            var offers = api.get("/v1/properties/" + demo + "/availability?checkin_date=" + today + "&checkout_date="
                    + checkout, ADMIN_KEY);
            var booked = api.post("/v1/properties/" + demo + "/bookings", ADMIN_KEY, """
                    {"guest": {"name": "Demo Guest", "email": "demo@example.com"}, "room_type": "STD", "rate_plan": "NRF",
                     "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(today, checkout));
            var metrics = api.call(Method.GET, "/metrics", null, null, null, "Accept", "text/plain").body();

            assertThat(properties.path("items").get(0).path("code").asText()).isEqualTo("DEMO");
            assertThat(offers.json().path("offers").size()).isGreaterThanOrEqualTo(8);
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            assertThat(metrics).contains("hotel_bookings_created_total{role=\"admin\"")
                    .contains("hotel_cache_hit_rate{cache=\"availability\"");
            assertThat(api.get("/health", null).status()).isEqualTo(200);
        }
    }

    @Test
    void a_first_start_without_a_configured_key_makes_one() {
        ServerConfig config = ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "0",
                "HOTEL_DB_URL", "jdbc:h2:mem:first;DB_CLOSE_DELAY=-1"));
        try (HotelServer server = HotelServer.start(config, Clock.systemUTC())) {
            String key = server.generatedAdminKey().orElseThrow();

            assertThat(api(server).get("/v1/api-keys", key).status()).isEqualTo(200);
        }
    }
}
