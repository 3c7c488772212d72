package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Availability, the business date, the night audit, reports and the audit trail. */
@RoutingTest
class OperationsResourcesTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private final Lisbon lisbon;

    OperationsResourcesTest(DirectClient client) {
        super(client);
        this.lisbon = Lisbon.setUp(api, fixture);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @Test
    void availability_offers_each_room_type_and_plan_that_takes_the_guests() {
        var found = api.get(lisbon.path("/availability?checkin_date=2026-12-01&checkout_date=2026-12-03&adults=1"),
                lisbon.channel);

        var offers = found.json().path("offers");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("nights").asInt()).isEqualTo(2);
        assertThat(offers.findValuesAsText("room_type")).containsExactly("DBL", "DBL", "SGL", "SGL");
        assertThat(offers.get(1).path("rate_plan").asText()).isEqualTo("NRF");
        assertThat(offers.get(1).path("nightly").get(0).path("amount").path("amount").asText()).isEqualTo("90.00");
        assertThat(offers.get(1).path("cancellation_policy").path("penalty").asText()).isEqualTo("full_stay");
    }

    @Test
    void availability_refuses_bad_searches_with_400() {
        assertThat(api.get(lisbon.path("/availability?checkin_date=2026-12-01&checkout_date=2026-12-03&adults=0"),
                lisbon.channel).status()).isEqualTo(400);
        assertThat(api.get(lisbon.path("/availability?checkin_date=2026-11-01&checkout_date=2026-11-03"),
                lisbon.channel).status()).isEqualTo(400);
        assertThat(api.get(lisbon.path("/availability?checkin_date=tomorrow&checkout_date=2026-11-03"),
                lisbon.channel).json().path("errors").get(0).path("field").asText()).isEqualTo("checkin_date");
        assertThat(api.get(lisbon.path("/availability?checkout_date=2026-11-03"), lisbon.channel).status()).isEqualTo(400);
    }

    @Test
    void a_family_too_big_for_every_room_gets_no_offer() {
        var found = api.get(lisbon.path("/availability?checkin_date=2026-12-01&checkout_date=2026-12-03&adults=3"),
                lisbon.frontDesk).json();

        assertThat(found.path("offers")).isEmpty();
    }

    @Test
    void the_night_audit_marks_unarrived_guests_as_no_shows_and_moves_the_business_date() {
        String id = lisbon.book(lisbon.today, "2026-11-27", "late@example.com").json().path("id").asText();

        var early = api.post(lisbon.path("/night-audit"), lisbon.manager);
        assertThat(early.status()).as(early.toString()).isEqualTo(200);
        assertThat(early.json().path("no_shows").asInt()).isEqualTo(1);
        assertThat(early.json().path("business_date").asText()).isEqualTo("2026-11-26");
        var tooEarly = api.post(lisbon.path("/night-audit"), lisbon.manager);
        fixture.clock.advance(Duration.ofDays(1));

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.problem()).isEqualTo("night-audit-too-early");
        assertThat(api.get(lisbon.path("/bookings/" + id), lisbon.frontDesk).json().path("status").asText())
                .isEqualTo("no_show");
        assertThat(api.post(lisbon.path("/night-audit"), lisbon.frontDesk).status()).isEqualTo(403);
        assertThat(api.post(lisbon.path("/night-audit"), lisbon.auditor).status()).isEqualTo(403);
    }

    @Test
    void occupancy_counts_the_nights_on_the_books() {
        lisbon.book("2026-12-01", "2026-12-03", "occ@example.com");
        api.post(lisbon.path("/rooms/103/out-of-order"), lisbon.manager,
                "{\"from\": \"2026-12-02\", \"to\": \"2026-12-03\", \"reason\": \"paint\"}");

        var report = api.get(lisbon.path("/reports/occupancy?from=2026-12-01&to=2026-12-03"), lisbon.auditor);

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        var first = report.json().path("nights").get(0);
        var second = report.json().path("nights").get(1);
        assertThat(first.path("rooms_total").asInt()).isEqualTo(4);
        assertThat(first.path("rooms_sold").asInt()).isEqualTo(1);
        assertThat(first.path("occupancy").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(first.path("adr").path("amount").asText()).isEqualTo("100.00");
        assertThat(second.path("rooms_out_of_order").asInt()).isEqualTo(1);
        assertThat(report.json().path("totals").path("room_revenue").path("amount").asText()).isEqualTo("200.00");
        assertThat(api.get(lisbon.path("/reports/occupancy?from=2026-12-01&to=2026-12-03"), lisbon.frontDesk).status())
                .isEqualTo(403);
    }

    @Test
    void the_front_office_lists_default_to_the_business_date_and_departures_include_confirmed_bookings() {
        String id = lisbon.book(lisbon.today, "2026-11-26", "arrive@example.com").json().path("id").asText();

        var arrivals = api.get(lisbon.path("/reports/arrivals"), lisbon.manager).json();
        var departures = api.get(lisbon.path("/reports/departures?date=2026-11-26"), lisbon.manager).json();
        var inHouse = api.get(lisbon.path("/reports/in-house?date=2026-11-25"), lisbon.manager).json();

        assertThat(arrivals.path("date").asText()).isEqualTo(lisbon.today);
        assertThat(arrivals.path("bookings").findValuesAsText("id")).containsExactly(id);
        // Not arrived yet, but leaving that day: housekeeping plans tomorrow's rooms from this list.
        assertThat(departures.path("bookings").findValuesAsText("id")).containsExactly(id);
        assertThat(inHouse.path("bookings").findValuesAsText("id")).containsExactly(id);
    }

    @Test
    void the_audit_trail_lists_who_did_what_newest_first_in_pages() {
        String id = lisbon.book("2026-12-01", "2026-12-03", "audit@example.com").json().path("id").asText();
        api.post(lisbon.path("/bookings/" + id + "/assign-room"), lisbon.frontDesk, "{\"room_number\": \"101\"}");
        api.post(lisbon.path("/bookings/" + id + "/cancel"), lisbon.frontDesk);

        var first = api.get(lisbon.path("/audit?entity=booking&id=" + id + "&limit=2"), lisbon.manager).json();
        var rest = api.get(lisbon.path("/audit?entity=booking&id=" + id + "&limit=2&cursor="
                + first.path("next_cursor").asText()), lisbon.manager).json();

        assertThat(first.path("items").findValuesAsText("type")).containsExactly("booking.cancelled", "booking.room_assigned");
        assertThat(rest.path("items").findValuesAsText("type")).containsExactly("booking.created");
        assertThat(rest.path("next_cursor").isNull()).isTrue();
        assertThat(first.path("items").get(0).path("actor").asText()).isNotEqualTo("system");
        assertThat(first.path("items").get(0).path("occurred_at").asText()).isEqualTo(fixture.clock.instant().toString());
        assertThat(api.get(lisbon.path("/audit?entity=spaceship&id=" + id), lisbon.manager).status()).isEqualTo(400);
        assertThat(api.get(lisbon.path("/audit?entity=booking&id=" + id), lisbon.frontDesk).status()).isEqualTo(200);
        assertThat(api.get(lisbon.path("/audit?entity=booking&id=" + id), lisbon.housekeeping).status()).isEqualTo(403);
    }
}
