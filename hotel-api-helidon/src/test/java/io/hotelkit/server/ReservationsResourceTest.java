package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Channel bookings and reservations of several rooms over HTTP. Lisbon's DBL has 3 rooms and no overbooking,
 * at 100.00 a night; its taxes are 6 % on top and 2.00 a person and night.
 */
@RoutingTest
class ReservationsResourceTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private final Lisbon lisbon;

    ReservationsResourceTest(DirectClient client) {
        super(client);
        this.lisbon = Lisbon.setUp(api, fixture);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private String email() {
        return "ana." + lisbon.id.toLowerCase(Locale.ROOT) + "@example.com";
    }

    private String channelBooking(int day, String ref, String more) {
        return """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2, "source": "booking.com",
                 "external_ref": "%s"%s}""".formatted(email(), lisbon.day(day), lisbon.day(day + 2), ref, more);
    }

    private String reservation(int day, String rooms, String more) {
        return """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "rate_plan": "FLEX", "checkin_date": "%s",
                 "checkout_date": "%s", "rooms": [%s]%s}""".formatted(email(), lisbon.day(day), lisbon.day(day + 2), rooms, more);
    }

    @Test
    void a_channel_booking_sent_again_with_another_idempotency_key_is_200_with_the_first_booking() {
        var first = api.post(lisbon.path("/bookings"), lisbon.channel, channelBooking(3, "BDC-1", ""),
                "Idempotency-Key", "first-a");
        var again = api.post(lisbon.path("/bookings"), lisbon.channel, channelBooking(5, "BDC-1", ""),
                "Idempotency-Key", "second-b");
        var noKey = api.post(lisbon.path("/bookings"), lisbon.channel, channelBooking(3, "BDC-1", ""));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(noKey.status()).as(noKey.toString()).isEqualTo(200);
        String id = first.json().path("id").asText();
        assertThat(again.json().path("id").asText()).isEqualTo(id);
        assertThat(noKey.json().path("id").asText()).isEqualTo(id);
        assertThat(again.json().path("checkin_date").asText()).isEqualTo(lisbon.day(3));
        assertThat(first.json().path("source").asText()).isEqualTo("booking.com");
        assertThat(first.json().path("external_ref").asText()).isEqualTo("BDC-1");
        assertThat(first.json().path("reservation_id").asText()).isNotBlank();
        assertThat(api.get(lisbon.path("/bookings?limit=500"), lisbon.frontDesk).json().path("items")
                .findValuesAsText("external_ref")).containsOnlyOnce("BDC-1");
        // the first key's replay is the first answer
        var replay = api.post(lisbon.path("/bookings"), lisbon.channel, channelBooking(3, "BDC-1", ""),
                "Idempotency-Key", "first-a");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
    }

    @Test
    void a_price_other_than_the_offers_is_409_showing_the_expected_price_unless_the_plan_takes_a_channels() {
        var refused = api.post(lisbon.path("/bookings"), lisbon.channel, channelBooking(3, "BDC-2",
                ", \"room_price\": {\"amount\": \"190.00\", \"currency\": \"EUR\"}"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("price-mismatch");
        assertThat(refused.json().path("expected_price").path("amount").asText()).isEqualTo("200.00");
        assertThat(refused.json().path("room").asInt()).isZero();
        assertThat(refused.json().has("price_tolerance_percent")).isFalse();

        var plan = api.post(lisbon.path("/rate-plans"), lisbon.manager, """
                {"code": "OTA", "name": "Channels", "cancellation_policy": {"free_until_days_before": 1, "penalty": "none"},
                 "derived_from": {"rate_plan": "FLEX", "adjustment_percent": 0}, "channel_price_tolerance_percent": 10}""");
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        assertThat(plan.json().path("channel_price_tolerance_percent").asInt()).isEqualTo(10);
        String ota = channelBooking(3, "BDC-3", ", \"room_price\": {\"amount\": \"%s\", \"currency\": \"EUR\"}")
                .replace("\"FLEX\"", "\"OTA\"");
        var tooFar = api.post(lisbon.path("/bookings"), lisbon.channel, ota.formatted("179.99"));
        assertThat(tooFar.status()).as(tooFar.toString()).isEqualTo(409);
        assertThat(tooFar.json().path("price_tolerance_percent").asInt()).isEqualTo(10);
        var within = api.post(lisbon.path("/bookings"), lisbon.channel, ota.formatted("180.00"));
        assertThat(within.status()).as(within.toString()).isEqualTo(201);
        assertThat(within.json().path("nightly").get(0).path("amount").path("amount").asText()).isEqualTo("90.00");
        assertThat(within.json().path("nightly").get(1).path("amount").path("amount").asText()).isEqualTo("90.00");
        // 180.00 + 6 % (10.80) + 2 nights x 2 persons x 2.00
        assertThat(within.json().path("total").path("amount").asText()).isEqualTo("198.80");
    }

    @Test
    void rooms_booked_together_are_read_cancelled_one_by_one_and_whole() {
        var made = api.post(lisbon.path("/reservations"), lisbon.frontDesk, reservation(3,
                "{\"room_type\": \"DBL\", \"adults\": 2, \"guest_name\": \"Ana Silva\"},"
                + " {\"room_type\": \"SGL\", \"adults\": 1, \"guest_name\": \"Rui Costa\"}", ""));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        JsonNode reservation = made.json();
        assertThat(made.header("Location")).contains(lisbon.path("/reservations/" + reservation.path("id").asText()));
        assertThat(reservation.path("rooms").findValuesAsText("confirmation_code"))
                .containsOnly(reservation.path("confirmation_code").asText());
        assertThat(reservation.path("rooms").findValuesAsText("guest_name")).containsExactly("Ana Silva", "Rui Costa");
        String dbl = reservation.path("rooms").get(0).path("id").asText();
        String sgl = reservation.path("rooms").get(1).path("id").asText();
        // each room has its own folio
        assertThat(api.get(lisbon.path("/bookings/" + sgl + "/folio"), lisbon.frontDesk).status()).isEqualTo(200);

        assertThat(api.post(lisbon.path("/bookings/" + sgl + "/cancel"), lisbon.frontDesk).status()).isEqualTo(200);
        var read = api.get(lisbon.path("/reservations/" + reservation.path("id").asText()), lisbon.auditor).json();
        assertThat(read.path("rooms").findValuesAsText("status")).containsExactly("confirmed", "cancelled");

        var cancelled = api.post(lisbon.path("/reservations/" + reservation.path("id").asText() + "/cancel"), lisbon.frontDesk,
                "{\"reason\": \"the trip is off\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("rooms").findValuesAsText("status")).containsOnly("cancelled");
        assertThat(api.get(lisbon.path("/bookings/" + dbl), lisbon.frontDesk).json().path("cancellation_reason").asText())
                .isEqualTo("the trip is off");
    }

    @Test
    void three_rooms_of_a_type_with_two_left_are_refused_whole_naming_the_room() {
        lisbon.book(lisbon.day(3), lisbon.day(4), "first." + email());
        String three = "{\"room_type\": \"SGL\", \"adults\": 1}, {\"room_type\": \"DBL\", \"adults\": 2},"
                + " {\"room_type\": \"DBL\", \"adults\": 2}, {\"room_type\": \"DBL\", \"adults\": 2}";
        int before = api.get(lisbon.path("/bookings?limit=500"), lisbon.frontDesk).json().path("items").size();

        var refused = api.post(lisbon.path("/reservations"), lisbon.channel, reservation(3, three,
                ", \"source\": \"expedia\", \"external_ref\": \"EXP-7\""));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("not-available");
        assertThat(refused.json().path("reason").asText()).isEqualTo("sold_out");
        assertThat(refused.json().path("room").asInt()).isEqualTo(3);
        assertThat(refused.json().path("room_type").asText()).isEqualTo("DBL");
        assertThat(api.get(lisbon.path("/bookings?limit=500"), lisbon.frontDesk).json().path("items")).hasSize(before);
        var offers = api.get(lisbon.path("/availability?checkin_date=" + lisbon.day(3) + "&checkout_date=" + lisbon.day(5)
                + "&adults=1&room_type=SGL"), lisbon.channel).json().path("offers");
        assertThat(offers.get(0).path("available").asInt()).isEqualTo(1);
        assertThat(api.get(lisbon.path("/bookings/by-external-ref/expedia/EXP-7"), lisbon.channel).status()).isEqualTo(404);
    }

    @Test
    void a_channel_changes_and_cancels_its_booking_by_its_reference() {
        var made = api.post(lisbon.path("/reservations"), lisbon.channel, reservation(6,
                "{\"room_type\": \"DBL\", \"adults\": 2}, {\"room_type\": \"DBL\", \"adults\": 1}",
                ", \"source\": \"expedia\", \"external_ref\": \"EXP-8\""));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String byRef = lisbon.path("/bookings/by-external-ref/expedia/EXP-8");

        var changed = api.patch(byRef, lisbon.channel, "{\"room\": 1, \"checkout_date\": \"" + lisbon.day(9) + "\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("id").asText()).isEqualTo(made.json().path("rooms").get(1).path("id").asText());
        assertThat(changed.json().path("nights").asInt()).isEqualTo(3);
        var stale = api.patch(byRef, lisbon.channel, "{\"adults\": 1}", "If-Match", "\"1\"");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(200); // room 0 is still at version 1
        var older = api.patch(byRef, lisbon.channel, "{\"adults\": 2}", "If-Match", "\"1\"");
        assertThat(older.status()).isEqualTo(409);
        assertThat(older.problem()).isEqualTo("version-conflict");

        var oneRoom = api.post(byRef + "/cancel", lisbon.channel, "{\"room\": 0}");
        assertThat(oneRoom.json().path("rooms").findValuesAsText("status")).containsExactly("cancelled", "confirmed");
        var all = api.post(byRef + "/cancel", lisbon.channel, "{\"reason\": \"cancelled at the channel\"}");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().path("rooms").findValuesAsText("status")).containsOnly("cancelled");
        assertThat(api.get(byRef, lisbon.manager).json().path("rooms").findValuesAsText("status")).containsOnly("cancelled");
    }
}
