package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@RoutingTest
class BookingsResourceTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private final Lisbon lisbon;

    BookingsResourceTest(DirectClient client) {
        super(client);
        this.lisbon = Lisbon.setUp(api, fixture);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private Api.Response bookAs(String key, String body) {
        return api.post(lisbon.path("/bookings"), key, body);
    }

    /** A stay of Ana's: one guest at this test's property (a guest known at another is out of its keys' reach). */
    private String stay(String checkin, String checkout, String more) {
        return """
                {"guest": {"name": "Ana Silva", "email": "ana.%s@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2%s}"""
                .formatted(lisbon.id.toLowerCase(Locale.ROOT), checkin, checkout, more);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void a_booking_shows_its_frozen_nightly_prices_policy_and_version() {
        var booked = bookAs(lisbon.frontDesk, stay("2026-12-01", "2026-12-03", ""));

        JsonNode booking = booked.json();
        assertThat(booking.path("confirmation_code").asText()).hasSize(8);
        assertThat(booking.path("nights").asInt()).isEqualTo(2);
        assertThat(booking.path("nightly").get(1).path("date").asText()).isEqualTo("2026-12-02");
        assertThat(booking.path("nightly").get(1).path("amount").path("amount").asText()).isEqualTo("100.00");
        assertThat(booking.path("cancellation_policy").path("free_until_days_before").asInt()).isEqualTo(2);
        assertThat(booking.path("room_number").isNull()).isTrue();
        assertThat(booked.header("ETag")).contains("\"" + booking.path("version").asLong() + "\"");
    }

    @Test
    void the_price_of_a_booking_does_not_change_when_rates_change() {
        String id = bookAs(lisbon.frontDesk, stay("2026-12-01", "2026-12-02", "")).json().path("id").asText();
        api.put(lisbon.path("/rate-plans/FLEX/prices"), lisbon.manager, """
                [{"room_type": "DBL", "from": "2026-12-01", "to": "2026-12-02",
                  "amount": {"amount": "500.00", "currency": "EUR"}}]""");

        var read = api.get(lisbon.path("/bookings/" + id), lisbon.frontDesk).json();

        assertThat(read.path("total").path("amount").asText()).isEqualTo("110.00");
    }

    @Test
    void a_booking_of_a_room_number_takes_its_type_from_the_room() {
        var booked = bookAs(lisbon.frontDesk, """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "room_number": "201", "rate_plan": "FLEX",
                 "checkin_date": "2026-12-01", "checkout_date": "2026-12-02", "adults": 1}""".formatted(
                        Lisbon.unique("ana") + "@example.com"));

        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.json().path("room_type").asText()).isEqualTo("SGL");
        assertThat(booked.json().path("room_number").asText()).isEqualTo("201");
    }

    @Test
    void a_night_that_is_full_is_409_not_available() {
        for (int i = 0; i < 3; i++) {
            bookAs(lisbon.frontDesk, stay("2026-12-10", "2026-12-11", ""));
        }

        var refused = bookAs(lisbon.frontDesk, stay("2026-12-09", "2026-12-11", ""));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith("/not-available");
        assertThat(refused.json().path("reason").asText()).isEqualTo("sold_out");
    }

    @Test
    void bad_stays_are_400_naming_the_field() {
        var backwards = bookAs(lisbon.frontDesk, stay("2026-12-03", "2026-12-01", ""));
        var past = bookAs(lisbon.frontDesk, stay("2026-11-20", "2026-11-21", ""));
        var tooLong = bookAs(lisbon.frontDesk, stay("2026-12-01", "2027-01-15", ""));
        var nobody = bookAs(lisbon.frontDesk, stay("2026-12-01", "2026-12-02", "").replace("\"adults\": 2", "\"adults\": 0"));
        var neither = bookAs(lisbon.frontDesk, """
                {"room_type": "DBL", "rate_plan": "FLEX", "checkin_date": "2026-12-01", "checkout_date": "2026-12-02",
                 "adults": 1}""");

        assertThat(backwards.json().path("errors").get(0).path("field").asText()).isEqualTo("checkout_date");
        assertThat(past.json().path("errors").get(0).path("field").asText()).isEqualTo("checkin_date");
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("checkout_date");
        assertThat(nobody.json().path("errors").get(0).path("field").asText()).isEqualTo("adults");
        assertThat(neither.json().path("errors").get(0).path("field").asText()).isEqualTo("guest_id");
        assertThat(List.of(backwards, past, tooLong, nobody, neither)).allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void an_unknown_field_in_a_booking_is_400() {
        var refused = bookAs(lisbon.frontDesk, stay("2026-12-01", "2026-12-02", ", \"status\": \"checked_in\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("status");
    }

    @Test
    void a_change_without_if_match_is_428_and_with_an_old_version_409_leaving_the_booking_as_it_was() {
        var booked = bookAs(lisbon.frontDesk, stay("2026-12-01", "2026-12-02", ""));
        String path = lisbon.path("/bookings/" + booked.json().path("id").asText());
        api.patch(path, lisbon.frontDesk, "{\"special_requests\": \"quiet room\"}", "If-Match",
                booked.header("ETag").orElseThrow());

        var without = api.patch(path, lisbon.frontDesk, "{\"adults\": 1}");
        var old = api.patch(path, lisbon.frontDesk, "{\"adults\": 1}", "If-Match", booked.header("ETag").orElseThrow());

        assertThat(without.status()).isEqualTo(428);
        assertThat(old.status()).isEqualTo(409);
        var read = api.get(path, lisbon.frontDesk).json();
        assertThat(read.path("adults").asInt()).isEqualTo(2);
        assertThat(read.path("special_requests").asText()).isEqualTo("quiet room");
    }

    @Test
    void a_change_into_full_nights_is_409_and_changes_nothing() {
        for (int i = 0; i < 3; i++) {
            bookAs(lisbon.frontDesk, stay("2026-12-20", "2026-12-21", ""));
        }
        var booked = bookAs(lisbon.frontDesk, stay("2026-12-18", "2026-12-20", ""));
        String path = lisbon.path("/bookings/" + booked.json().path("id").asText());

        var refused = api.patch(path, lisbon.frontDesk, "{\"checkout_date\": \"2026-12-21\"}", "If-Match",
                booked.json().path("version").asText());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get(path, lisbon.frontDesk).json()).isEqualTo(booked.json());
    }

    @Test
    void bookings_are_listed_by_filter_in_pages() {
        String first = bookAs(lisbon.frontDesk, stay("2026-12-01", "2026-12-02", "")).json().path("id").asText();
        String second = bookAs(lisbon.frontDesk, stay("2026-12-01", "2026-12-03", "")).json().path("id").asText();
        String other = bookAs(lisbon.frontDesk, stay("2026-12-05", "2026-12-06", "")).json().path("id").asText();
        api.post(lisbon.path("/bookings/" + other + "/cancel"), lisbon.frontDesk);

        var arriving = api.get(lisbon.path("/bookings?checkin_date=2026-12-01&limit=1"), lisbon.frontDesk).json();
        var next = api.get(lisbon.path("/bookings?checkin_date=2026-12-01&limit=1&cursor=" + arriving.path("next_cursor")
                .asText()), lisbon.frontDesk).json();
        var cancelled = api.get(lisbon.path("/bookings?status=cancelled"), lisbon.auditor).json();

        assertThat(ids(arriving)).hasSize(1);
        assertThat(List.of(ids(arriving).getFirst(), ids(next).getFirst())).containsExactlyInAnyOrder(first, second);
        assertThat(next.path("next_cursor").isNull()).isTrue();
        assertThat(ids(cancelled)).containsExactly(other);
        assertThat(api.get(lisbon.path("/bookings?status=lost"), lisbon.frontDesk).status()).isEqualTo(400);
    }

    @Test
    void a_channel_creates_reads_and_cancels_its_own_bookings_and_sees_no_other() {
        String otherChannel = fixture.key(Role.CHANNEL, lisbon.id);
        String mine = bookAs(lisbon.channel, stay("2026-12-01", "2026-12-02", "")).json().path("id").asText();
        String theirs = bookAs(otherChannel, stay("2026-12-01", "2026-12-02", "")).json().path("id").asText();
        String desk = bookAs(lisbon.frontDesk, stay("2026-12-01", "2026-12-02", "")).json().path("id").asText();

        assertThat(ids(api.get(lisbon.path("/bookings"), lisbon.channel).json())).containsExactly(mine);
        assertThat(api.get(lisbon.path("/bookings/" + theirs), lisbon.channel).status()).isEqualTo(404);
        assertThat(api.post(lisbon.path("/bookings/" + desk + "/cancel"), lisbon.channel).status()).isEqualTo(404);
        assertThat(api.post(lisbon.path("/bookings/" + mine + "/check-in"), lisbon.channel).status()).isEqualTo(403);
        var cancelled = api.post(lisbon.path("/bookings/" + mine + "/cancel"), lisbon.channel, "{\"reason\": \"plans changed\"}");
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("cancellation_reason").asText()).isEqualTo("plans changed");
        assertThat(ids(api.get(lisbon.path("/bookings"), lisbon.frontDesk).json())).contains(mine, theirs, desk);
    }

    @Test
    void a_late_cancellation_puts_the_policys_fee_on_the_folio() {
        String id = bookAs(lisbon.frontDesk, stay("2026-11-26", "2026-11-28", "")).json().path("id").asText();

        api.post(lisbon.path("/bookings/" + id + "/cancel"), lisbon.frontDesk);

        var folio = api.get(lisbon.path("/bookings/" + id + "/folio"), lisbon.frontDesk).json();
        assertThat(folio.path("lines").get(0).path("kind").asText()).isEqualTo("fee");
        assertThat(folio.path("balance").path("amount").asText()).isEqualTo("100.00");
    }

    @Test
    void the_status_runs_only_forwards() {
        String id = bookAs(lisbon.frontDesk, stay("2026-11-25", "2026-11-26", "")).json().path("id").asText();
        String path = lisbon.path("/bookings/" + id);

        assertThat(api.post(path + "/check-out", lisbon.frontDesk).status()).isEqualTo(409);
        assertThat(api.post(path + "/no-show", lisbon.frontDesk).json().path("status").asText()).isEqualTo("no_show");
        var again = api.post(path + "/check-in", lisbon.frontDesk);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void a_guest_cannot_check_in_to_a_dirty_room() {
        String id = bookAs(lisbon.frontDesk, stay("2026-11-25", "2026-11-26", "")).json().path("id").asText();
        api.patch(lisbon.path("/rooms/102"), lisbon.housekeeping, "{\"housekeeping_status\": \"dirty\"}");

        var dirty = api.post(lisbon.path("/bookings/" + id + "/check-in"), lisbon.frontDesk, "{\"room_number\": \"102\"}");
        var clean = api.post(lisbon.path("/bookings/" + id + "/check-in"), lisbon.frontDesk, "{\"room_number\": \"103\"}");

        assertThat(dirty.status()).isEqualTo(409);
        assertThat(clean.json().path("room_number").asText()).isEqualTo("103");
    }

    @Test
    void a_booking_in_another_property_is_404() {
        Lisbon porto = Lisbon.setUp(api, fixture);
        String id = bookAs(lisbon.frontDesk, stay("2026-12-01", "2026-12-02", "")).json().path("id").asText();

        assertThat(api.get(porto.path("/bookings/" + id), porto.frontDesk).status()).isEqualTo(404);
        assertThat(api.get(lisbon.path("/bookings/" + id), porto.frontDesk).status()).isEqualTo(404);
    }
}
