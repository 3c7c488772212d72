package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database: availability that one has answered (and keeps, rendered) changes there
 * once it has caught up with a booking the other made, even though this instance wrote nothing itself.
 * With read-your-writes on, the first request after the booking catches up; with it off, the periodic
 * catch-up does (here called by the test, the period being an hour: no waiting on the wall clock). On H2
 * no notification is sent: those are PostgreSQL's ({@code InstancesOnOnePostgresIT}).
 */
class TwoInstancesAvailabilityTest {

    private static final String ADMIN_KEY = "hk_two-instances-admin-key-0123";

    private static HotelServer start(String database, boolean readYourWrites) {
        return HotelServer.start(ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DB_URL", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "HOTEL_INSTANCES_READ_YOUR_WRITES", Boolean.toString(readYourWrites),
                "HOTEL_INSTANCES_CATCH_UP_PERIOD_MS", "3600000")), Clock.systemUTC());
    }

    private static Api api(HotelServer server) {
        return new Api(Http1Client.builder().baseUri("http://localhost:" + server.port()).build());
    }

    @Test
    void with_read_your_writes_the_next_search_after_a_booking_on_another_instance_counts_it() {
        walk(true);
    }

    @Test
    void without_read_your_writes_the_periodic_catch_up_brings_the_booking_of_another_instance() {
        walk(false);
    }

    private static void walk(boolean readYourWrites) {
        String database = "two-" + UUID.randomUUID();
        try (HotelServer here = start(database, readYourWrites)) {
            Api onHere = api(here);
            var created = onHere.post("/v1/properties", ADMIN_KEY, """
                    {"code": "TWO", "name": "Two Inn", "timezone": "UTC", "currency": "EUR",
                     "check_in_time": "15:00", "check_out_time": "11:00"}""").json();
            String p = "/v1/properties/" + created.path("id").asText();
            String today = created.path("business_date").asText();
            String tomorrow = LocalDate.parse(today).plusDays(1).toString();
            onHere.post(p + "/room-types", ADMIN_KEY,
                    "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}");
            onHere.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"1\", \"room_type\": \"DBL\"}");
            onHere.post(p + "/rooms", ADMIN_KEY, "{\"number\": \"2\", \"room_type\": \"DBL\"}");
            onHere.post(p + "/rate-plans", ADMIN_KEY, """
                    {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}""");
            onHere.put(p + "/rate-plans/FLEX/prices", ADMIN_KEY, """
                    [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                    .formatted(today, LocalDate.parse(today).plusDays(30)));
            String search = p + "/availability?checkin_date=" + today + "&checkout_date=" + tomorrow + "&adults=2";

            try (HotelServer there = start(database, readYourWrites)) {
                assertThat(available(onHere, search)).isEqualTo(2);
                assertThat(available(onHere, search)).as("answered again, from memory").isEqualTo(2);
                var booked = api(there).post(p + "/bookings", ADMIN_KEY, """
                        {"guest": {"name": "Ana Silva", "email": "ana@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                         "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(today, tomorrow));
                assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
                assertThat(available(api(there), search)).isEqualTo(1);

                if (!readYourWrites) {
                    assertThat(available(onHere, search)).as("not caught up yet: the rendered answer").isEqualTo(2);
                    here.infrastructure().catchUp(); // what the period does
                }
                assertThat(available(onHere, search)).as("this instance caught up and answers afresh").isEqualTo(1);
            }
        }
    }

    private static int available(Api api, String search) {
        var response = api.get(search, ADMIN_KEY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("offers").get(0).path("available").asInt();
    }
}
