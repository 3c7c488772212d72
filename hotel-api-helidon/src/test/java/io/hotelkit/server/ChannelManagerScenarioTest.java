package io.hotelkit.server;

import static io.hotelkit.server.WebhookReceiver.Behaviour.OK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A channel manager's day against one property, as issue 14 plays it: a full ARI resync, a rate change and
 * the delta it pulls by cursor, a channel booking, the same booking sent again, a modification and a
 * cancellation by the channel's reference; and a webhook receiver on loopback that checks every delivery's
 * signature and sees the booking's life and the pushes that tell the manager to pull.
 */
class ChannelManagerScenarioTest extends RoutingTestBase {

    private static final Fixture fixture = Fixture.onH2();
    private static final List<String> TYPES = List.of("booking.created", "booking.modified", "booking.cancelled", "ari.changed");

    ChannelManagerScenarioTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    private static List<JsonNode> nights(Api.Response feed) {
        return StreamSupport.stream(feed.json().path("nights").spliterator(), false).toList();
    }

    private static JsonNode night(Api.Response feed, String roomType, String ratePlan, String date) {
        return nights(feed).stream()
                .filter(n -> n.path("room_type").asText().equals(roomType) && n.path("rate_plan").asText().equals(ratePlan)
                        && n.path("night").asText().equals(date))
                .findFirst().orElseThrow(() -> new AssertionError(roomType + "/" + ratePlan + "/" + date + " not in " + feed));
    }

    @Test
    void a_channel_manager_resyncs_pulls_deltas_books_resends_changes_and_cancels_with_every_push_signed() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        String window = "/ari?from=" + lisbon.day(1) + "&to=" + lisbon.day(10);
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, OK);
             WebhookDispatcher dispatcher = fixture.infrastructure.webhooks().dispatcher(fixture.clock,
                     fixture.infrastructure.ids(), fixture.infrastructure.config().webhooks(), new Random(14))) {
            var subscribed = api.post(lisbon.path("/webhooks"), lisbon.manager,
                    Json.text(Map.of("url", receiver.url(), "event_types", TYPES)));
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
            String secret = subscribed.json().path("secret").asText();

            // A full resync: every room type, plan and night of the window, and a cursor to go on from.
            var resync = api.get(lisbon.path(window), lisbon.channel);
            assertThat(resync.status()).as(resync.toString()).isEqualTo(200);
            int dblFlexBefore = night(resync, "DBL", "FLEX", lisbon.day(3)).path("available").asInt();
            String cursor = resync.json().path("next_cursor").asText();

            // The revenue manager changes a rate; the delta from the cursor carries it.
            var prices = api.put(lisbon.path("/rate-plans/FLEX/prices"), lisbon.manager, """
                    [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "140.00", "currency": "EUR"}}]"""
                    .formatted(lisbon.day(3), lisbon.day(4)));
            assertThat(prices.status()).as(prices.toString()).isEqualTo(204);
            var rateDelta = api.get(lisbon.path(window + "&since=" + cursor), lisbon.channel);
            assertThat(rateDelta.json().path("full").asBoolean()).isFalse();
            assertThat(night(rateDelta, "DBL", "FLEX", lisbon.day(3)).path("price").path("amount").path("amount").asText())
                    .isEqualTo("140.00");
            cursor = rateDelta.json().path("next_cursor").asText();

            // The channel books at the offer's price, then sends the same booking again: one booking.
            String booking = """
                    {"guest": {"name": "Ana Silva", "email": "ana.channel@example.com"}, "room_type": "DBL",
                     "rate_plan": "FLEX", "checkin_date": "%s", "checkout_date": "%s", "adults": 2,
                     "source": "booking.com", "external_ref": "BDC-4711"}""".formatted(lisbon.day(3), lisbon.day(5));
            var made = api.post(lisbon.path("/bookings"), lisbon.channel, booking, "Idempotency-Key", "bdc-4711-a");
            assertThat(made.status()).as(made.toString()).isEqualTo(201);
            var resent = api.post(lisbon.path("/bookings"), lisbon.channel, booking, "Idempotency-Key", "bdc-4711-b");
            assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
            assertThat(resent.json().path("id").asText()).isEqualTo(made.json().path("id").asText());

            // The delta shows one room fewer on the booked nights, and nothing but the booked room type's nights.
            var bookingDelta = api.get(lisbon.path(window + "&since=" + cursor), lisbon.channel);
            assertThat(nights(bookingDelta)).isNotEmpty().allSatisfy(n -> assertThat(n.path("room_type").asText()).isEqualTo("DBL"))
                    .hasSizeLessThan(nights(resync).size());
            assertThat(night(bookingDelta, "DBL", "FLEX", lisbon.day(3)).path("available").asInt()).isEqualTo(dblFlexBefore - 1);

            // Modified and cancelled by the channel's reference.
            String byRef = lisbon.path("/bookings/by-external-ref/booking.com/BDC-4711");
            var changed = api.patch(byRef, lisbon.channel, "{\"checkout_date\": \"" + lisbon.day(6) + "\"}");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            var cancelled = api.post(byRef + "/cancel", lisbon.channel, "{\"reason\": \"guest cancelled at the channel\"}");
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            var afterCancel = api.get(lisbon.path(window + "&since=" + bookingDelta.json().path("next_cursor").asText()), lisbon.channel);
            assertThat(night(afterCancel, "DBL", "FLEX", lisbon.day(3)).path("available").asInt()).isEqualTo(dblFlexBefore);

            // Every delivery is signed with the subscription's secret; the booking's life arrives in order.
            for (int round = 0; round < 20; round++) {
                dispatcher.runOnce();
            }
            List<WebhookReceiver.Received> received = receiver.received();
            List<String> bookingTypes = new ArrayList<>();
            int ariPushes = 0;
            for (WebhookReceiver.Received request : received) {
                assertThat(WebhookVerification.verify(request.header("Hotelkit-Signature"), request.body(), secret,
                        request.arrivedAt().getEpochSecond())).isTrue();
                JsonNode event = Json.mapper().readTree(request.body());
                assertThat(event.path("property_id").asText()).isEqualTo(lisbon.id);
                String type = event.path("type").asText();
                assertThat(type).isIn(TYPES);
                if (type.equals("ari.changed")) {
                    ariPushes++;
                    assertThat(api.get(lisbon.path("/ari?since=" + event.path("data").path("cursor").asText()), lisbon.channel)
                            .status()).isEqualTo(200);
                } else if (event.path("entity_id").asText().equals(made.json().path("id").asText())) {
                    bookingTypes.add(type);
                    assertThat(event.path("data").path("external_ref").asText()).isEqualTo("BDC-4711");
                    assertThat(event.path("data").path("source").asText()).isEqualTo("booking.com");
                }
            }
            assertThat(bookingTypes).containsExactly("booking.created", "booking.modified", "booking.cancelled");
            // the rate change, the booking, its change and its cancellation each pushed at least once
            assertThat(ariPushes).isGreaterThanOrEqualTo(4);
        }
    }
}
