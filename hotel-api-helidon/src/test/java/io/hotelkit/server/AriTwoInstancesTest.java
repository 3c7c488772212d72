package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one H2 database, with neither read-your-writes nor the periodic catch-up to help (the period is
 * an hour): a channel manager that follows the feed on one instance gets, in its next delta, a booking the other
 * instance made, because the feed catches its engine up to the cursor it hands out. Had it not, the delta would
 * carry a cursor past the booking and rows from before it, and the client would never learn of it.
 */
class AriTwoInstancesTest {

    private static final String ADMIN_KEY = "hk_ari-two-instances-admin-0123";

    private static HotelServer start(String database) {
        return HotelServer.start(ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DB_URL", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "HOTEL_INSTANCES_READ_YOUR_WRITES", "false",
                "HOTEL_INSTANCES_CATCH_UP_PERIOD_MS", "3600000")), Clock.systemUTC());
    }

    private static Api api(HotelServer server) {
        return new Api(Http1Client.builder().baseUri("http://localhost:" + server.port()).build());
    }

    @Test
    void a_delta_on_one_instance_holds_the_booking_made_on_the_other() {
        String database = "ari-two-" + UUID.randomUUID();
        try (HotelServer here = start(database)) {
            Api onHere = api(here);
            var created = onHere.post("/v1/properties", ADMIN_KEY, """
                    {"code": "ARI2", "name": "Two Inn", "timezone": "UTC", "currency": "EUR",
                     "check_in_time": "15:00", "check_out_time": "11:00"}""").json();
            String p = "/v1/properties/" + created.path("id").asText();
            LocalDate today = LocalDate.parse(created.path("business_date").asText());
            onHere.post(p + "/room-types", ADMIN_KEY,
                    "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}");
            onHere.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"1\", \"room_type\": \"DBL\"}");
            onHere.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"2\", \"room_type\": \"DBL\"}");
            onHere.post(p + "/rate-plans", ADMIN_KEY, """
                    {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}""");
            onHere.put(p + "/rate-plans/FLEX/prices", ADMIN_KEY, """
                    [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                    .formatted(today, today.plusDays(30)));
            String window = p + "/ari?from=" + today + "&to=" + today.plusDays(10);

            try (HotelServer there = start(database)) {
                var full = onHere.get(window, ADMIN_KEY);
                assertThat(full.status()).as(full.toString()).isEqualTo(200);
                String cursor = full.json().path("next_cursor").asText();
                var booked = api(there).post(p + "/bookings", ADMIN_KEY, """
                        {"guest": {"name": "Ana Silva", "email": "ana@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                         "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(today.plusDays(2), today.plusDays(4)));
                assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

                var delta = onHere.get(window + "&since=" + cursor, ADMIN_KEY);
                assertThat(delta.status()).as(delta.toString()).isEqualTo(200);
                assertThat(delta.json().path("nights")).hasSize(2);
                delta.json().path("nights").forEach(night -> assertThat(night.path("available").asInt())
                        .as(night.toString()).isEqualTo(1));
            }
        }
    }
}
