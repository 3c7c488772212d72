package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A repeated availability search is answered from the bytes kept with its offers; no write that changes
 * the answer (a sale, a cancellation, a price, a room, the business date) ever leaves the old bytes in use.
 */
@RoutingTest
class AvailabilityAnswersTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private final Lisbon lisbon;

    AvailabilityAnswersTest(DirectClient client) {
        super(client);
        this.lisbon = Lisbon.setUp(api, fixture);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @Test
    void a_kept_answer_never_outlives_a_change_of_what_it_answers() {
        String tomorrow = LocalDate.parse(lisbon.today).plusDays(1).toString();
        String search = lisbon.path("/availability?checkin_date=" + lisbon.today + "&checkout_date=" + tomorrow
                + "&room_type=DBL&rate_plan=FLEX");
        var first = api.get(search, lisbon.channel);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(api.get(search, lisbon.frontDesk).body()).as("the same answer, kept").isEqualTo(first.body());
        assertThat(available(search)).isEqualTo(3);

        String booking = lisbon.book(lisbon.today, tomorrow, "kept@example.com").json().path("id").asText();
        assertThat(available(search)).as("after a sale").isEqualTo(2);

        assertThat(api.post(lisbon.path("/bookings/" + booking + "/cancel"), lisbon.frontDesk).status()).isEqualTo(200);
        assertThat(available(search)).as("after a cancellation").isEqualTo(3);

        api.post(lisbon.path("/rooms"), lisbon.manager, "{\"number\": \"104\", \"room_type\": \"DBL\"}");
        assertThat(available(search)).as("after a new room").isEqualTo(4);

        var prices = api.put(lisbon.path("/rate-plans/FLEX/prices"), lisbon.manager, """
                [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "120.00", "currency": "EUR"}}]"""
                .formatted(lisbon.today, tomorrow));
        assertThat(prices.status()).as(prices.toString()).isEqualTo(204);
        assertThat(api.get(search, lisbon.channel).json().path("offers").get(0).path("nightly").get(0)
                .path("amount").path("amount").asText()).as("after a new price").isEqualTo("120.00");

        var audit = api.post(lisbon.path("/night-audit"), lisbon.manager);
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        var past = api.get(search, lisbon.channel);
        assertThat(past.status()).as("a stay before the new business date: " + past).isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("field").asText()).isEqualTo("checkin_date");
    }

    @Test
    void an_unknown_property_is_404_and_a_stay_longer_than_the_property_sells_is_400_every_time() {
        String tomorrow = LocalDate.parse(lisbon.today).plusDays(1).toString();
        String tooLong = LocalDate.parse(lisbon.today).plusDays(400).toString();

        for (int i = 0; i < 2; i++) {
            assertThat(api.get("/v1/properties/01NOSUCHPROPERTY000000000/availability?checkin_date=" + lisbon.today
                    + "&checkout_date=" + tomorrow, fixture.key(io.hotelkit.access.Role.ADMIN)).status()).isEqualTo(404);
            assertThat(api.get(lisbon.path("/availability?checkin_date=" + lisbon.today + "&checkout_date=" + tooLong),
                    lisbon.channel).status()).isEqualTo(400);
        }
    }

    private int available(String search) {
        var response = api.get(search, lisbon.channel);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("offers").get(0).path("available").asInt();
    }
}
