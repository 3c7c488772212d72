package io.hotelkit.server;

import static io.hotelkit.server.WebhookReceiver.Behaviour.CLOSE;
import static io.hotelkit.server.WebhookReceiver.Behaviour.FAIL;
import static io.hotelkit.server.WebhookReceiver.Behaviour.HANG;
import static io.hotelkit.server.WebhookReceiver.Behaviour.OK;
import static io.hotelkit.server.WebhookReceiver.Behaviour.SLOW;
import static io.hotelkit.server.WebhookReceiver.Behaviour.TWICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Webhooks delivered from the outbox of a hotel on H2 to a receiver on loopback that misbehaves in every
 * way the contract names: every event arrives, signed (checked with API.md's Java snippet, and Node's where
 * {@code node} is installed), in order, and an event arrives more than once only after an attempt at it
 * failed (at least once, as documented). Time for backoff and disabling is the fixture's clock, moved by the
 * test; only the receiver's own hang and slowness take real time (about a second each, bounded).
 */
class WebhookDeliveryTest extends RoutingTestBase {

    private static final Fixture fixture = Fixture.onH2();
    /** Short time limits, so that a hanging receiver costs a second. */
    private static final WebhookSettings SENDING = fixture.infrastructure.config().webhooks()
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final List<String> TYPES = List.of("booking.created", "booking.cancelled");

    WebhookDeliveryTest(DirectClient client) {
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

    private WebhookDispatcher dispatcher(long seed) {
        return fixture.infrastructure.webhooks().dispatcher(fixture.clock, fixture.infrastructure.ids(), SENDING,
                new Random(seed));
    }

    private record Subscribed(String id, String secret, long position) {}

    private Subscribed subscribe(Lisbon lisbon, String url, List<String> types) {
        var created = api.post(lisbon.path("/webhooks"), lisbon.manager, Json.text(Map.of("url", url, "event_types", types)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("secret").asText()).startsWith("whsec_");
        return new Subscribed(body.path("id").asText(), body.path("secret").asText(), body.path("position").asLong());
    }

    /** The ids of the property's events of {@code types} after {@code position}, in outbox order. */
    private static List<String> eventsAfter(Lisbon lisbon, long position, List<String> types) {
        return fixture.hotel.storage().outbox().readAfter(position, 10_000).stream()
                .filter(e -> PropertyId.of(lisbon.id).equals(e.event().propertyId()))
                .filter(e -> types.contains(e.event().type().code()))
                .map(e -> e.event().id()).toList();
    }

    private static boolean answered2xx(WebhookReceiver.Received received) {
        return switch (received.behaviour()) {
            case OK, SLOW, TWICE -> true;
            case FAIL, HANG, CLOSE -> false;
        };
    }

    @Test
    void a_booking_pushes_ari_changed_with_a_cursor_the_feed_takes() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, OK); WebhookDispatcher dispatcher = dispatcher(3)) {
            Subscribed webhook = subscribe(lisbon, receiver.url(), List.of("ari.changed"));
            lisbon.booking(lisbon.frontDesk, 3);
            for (int round = 0; round < 10 && receiver.received().isEmpty(); round++) {
                dispatcher.runOnce();
            }

            WebhookReceiver.Received pushed = receiver.received().getFirst();
            assertThat(WebhookVerification.verify(pushed.header("Hotelkit-Signature"), pushed.body(), webhook.secret(),
                    pushed.arrivedAt().getEpochSecond())).isTrue();
            JsonNode event = Json.mapper().readTree(pushed.body());
            assertThat(event.path("type").asText()).isEqualTo("ari.changed").isEqualTo(pushed.header("Hotelkit-Event-Type"));
            JsonNode data = event.path("data");
            assertThat(data.path("property_id").asText()).isEqualTo(lisbon.id);
            assertThat(data.path("room_types")).isNotEmpty();
            // The pushed cursor is one the feed takes: a channel manager pulls the delta from it.
            var delta = api.get(lisbon.path("/ari?since=" + data.path("cursor").asText()), lisbon.channel);
            assertThat(delta.status()).as(delta.toString()).isEqualTo(200);
            assertThat(delta.json().path("next_cursor").asText()).isNotBlank();
        }
    }

    @Test
    void every_event_arrives_signed_and_in_order_whatever_the_receiver_does() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, OK); WebhookDispatcher dispatcher = dispatcher(1)) {
            receiver.script(FAIL, HANG, SLOW, CLOSE, TWICE, OK, FAIL, CLOSE);
            Subscribed webhook = subscribe(lisbon, receiver.url(), TYPES);
            List<String> bookings = new ArrayList<>();
            for (int day = 1; day <= 6; day++) {
                bookings.add(lisbon.booking(lisbon.frontDesk, day));
            }
            api.post(lisbon.path("/bookings/" + bookings.get(2) + "/cancel"), lisbon.frontDesk);
            lisbon.room(); // a room.created event, which the subscription does not take
            List<String> expected = eventsAfter(lisbon, webhook.position(), TYPES);
            assertThat(expected).hasSize(7);

            int rounds = 0;
            Set<Long> roundTimes = new HashSet<>();
            while (accepted(receiver).size() < expected.size() && rounds++ < 40) {
                roundTimes.add(fixture.clock.instant().getEpochSecond());
                dispatcher.runOnce();
                fixture.clock.advance(Duration.ofHours(2)); // past any backoff
            }

            List<WebhookReceiver.Received> received = receiver.received();
            // Every request is signed with the secret at the time it was sent (a round's time: the receiver may
            // stamp one it was too busy to read before the sender gave up later), and says its event.
            for (WebhookReceiver.Received request : received) {
                String signature = request.header("Hotelkit-Signature");
                long signedAt = signedAt(signature);
                assertThat(roundTimes).as(signature).contains(signedAt);
                assertThat(WebhookVerification.verify(signature, request.body(), webhook.secret(), signedAt))
                        .as(signature).isTrue();
                JsonNode event = Json.mapper().readTree(request.body());
                assertThat(event.path("id").asText()).isEqualTo(request.header("Hotelkit-Event-Id"));
                assertThat(event.path("type").asText()).isEqualTo(request.header("Hotelkit-Event-Type")).isIn(TYPES);
                assertThat(event.path("property_id").asText()).isEqualTo(lisbon.id);
            }
            // ... which a tampered body, another secret or an old timestamp fail.
            WebhookReceiver.Received first = received.getFirst();
            String signature = first.header("Hotelkit-Signature");
            long sent = signedAt(signature);
            byte[] tampered = new String(first.body(), StandardCharsets.UTF_8).replace("booking", "bookinG").getBytes(StandardCharsets.UTF_8);
            assertThat(WebhookVerification.verify(signature, tampered, webhook.secret(), sent)).isFalse();
            assertThat(WebhookVerification.verify(signature, first.body(), "whsec_other", sent)).isFalse();
            assertThat(WebhookVerification.verify(signature, first.body(), webhook.secret(), sent + 301)).isFalse();

            // Every event was taken once, in the outbox's order; none is lost.
            assertThat(accepted(receiver)).containsExactlyElementsOf(expected);
            // An event came again only after an attempt at it had failed: the documented at least once.
            Map<String, List<WebhookReceiver.Behaviour>> byEvent = new HashMap<>();
            received.forEach(r -> byEvent.computeIfAbsent(r.header("Hotelkit-Event-Id"), id -> new ArrayList<>()).add(r.behaviour()));
            byEvent.forEach((event, behaviours) -> {
                assertThat(behaviours.subList(0, behaviours.size() - 1)).as(event).allMatch(b -> b == FAIL || b == HANG || b == CLOSE);
                assertThat(behaviours.getLast()).as(event).isIn(OK, SLOW, TWICE);
            });
            assertThat(received).extracting(WebhookReceiver.Received::behaviour)
                    .containsSubsequence(FAIL, HANG, SLOW, CLOSE, TWICE, OK, FAIL, CLOSE);

            // The log has every attempt, newest first: status, latency, the answer's first bytes or the error.
            JsonNode log = api.get(lisbon.path("/webhooks/" + webhook.id() + "/deliveries?limit=500"), lisbon.manager).json();
            List<JsonNode> entries = new ArrayList<>();
            log.path("items").forEach(entries::add);
            assertThat(entries).hasSize(received.size());
            JsonNode oldest = entries.getLast();
            assertThat(oldest.path("status").asInt()).isEqualTo(500);
            assertThat(oldest.path("response_start").asText()).contains("boom");
            JsonNode hung = entries.get(entries.size() - 2);
            assertThat(hung.path("status").isNull()).isTrue();
            assertThat(hung.path("error").asText()).contains("no answer within 1000 ms");
            assertThat(entries.get(entries.size() - 3).path("status").asInt()).isEqualTo(200);
            assertThat(entries.get(entries.size() - 3).path("latency_ms").asLong())
                    .isGreaterThanOrEqualTo(WebhookReceiver.SLOW_FOR.toMillis());
            assertThat(entries.get(entries.size() - 4).path("error").asText()).isNotBlank();
            assertThat(entries).allSatisfy(entry -> assertThat(entry.path("manual").asBoolean()).isFalse());

            var read = api.get(lisbon.path("/webhooks/" + webhook.id()), lisbon.manager).json();
            assertThat(read.path("status").asText()).isEqualTo("active");
            assertThat(read.path("failed_attempts").asInt()).isZero();
            assertThat(read.has("secret")).isFalse();

            verifiedByNode(received, webhook.secret());
        }
    }

    /** The ids the receiver took (answered 2xx), in the order it took them. */
    private static List<String> accepted(WebhookReceiver receiver) {
        return receiver.received().stream().filter(WebhookDeliveryTest::answered2xx)
                .map(r -> r.header("Hotelkit-Event-Id")).toList();
    }

    /** API.md's Node.js snippet, run by this machine's node on the deliveries, agrees with the Java one. */
    private static void verifiedByNode(List<WebhookReceiver.Received> received, String secret) throws Exception {
        Path node = Path.of("/usr/bin/node");
        Assumptions.assumeTrue(Files.isExecutable(node), "no node on this machine");
        StringBuilder input = new StringBuilder();
        List<Boolean> expected = new ArrayList<>();
        for (WebhookReceiver.Received request : received) {
            long now = request.arrivedAt().getEpochSecond();
            for (long at : List.of(now, now + 301)) {
                input.append(Json.text(Map.of("header", request.header("Hotelkit-Signature"),
                        "body_base64", Base64.getEncoder().encodeToString(request.body()), "secret", secret, "now", at))).append('\n');
                expected.add(at == now);
            }
        }
        Path script = Path.of("src/test/resources/webhooks/verify.js");
        Process process = new ProcessBuilder(node.toString(), script.toString()).redirectErrorStream(true).start();
        process.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output.lines().map(Boolean::parseBoolean).toList()).as(output).containsExactlyElementsOf(expected);
    }

    @Test
    void a_failing_receiver_is_retried_with_growing_jittered_waits_for_3_days_then_disabled_and_an_event_says_so()
            throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, FAIL); WebhookDispatcher dispatcher = dispatcher(2)) {
            Subscribed webhook = subscribe(lisbon, receiver.url(), TYPES);
            lisbon.booking(lisbon.frontDesk, 1);
            Instant firstFailure = fixture.clock.instant();
            WebhookStore store = fixture.infrastructure.webhooks().store();

            int attempts = 0;
            WebhookStore.Subscription now = store.find(PropertyId.of(lisbon.id), webhook.id()).orElseThrow();
            while (now.status() == WebhookStore.Status.ACTIVE && attempts < 200) {
                assertThat(dispatcher.runOnce()).isEqualTo(1);
                attempts++;
                now = store.find(PropertyId.of(lisbon.id), webhook.id()).orElseThrow();
                if (now.status() == WebhookStore.Status.DISABLED) {
                    break;
                }
                assertThat(now.attempts()).isEqualTo(attempts);
                assertThat(now.failingSince()).isEqualTo(firstFailure);
                Duration wait = Duration.between(fixture.clock.instant(), now.nextAttemptAt());
                long full = Math.min(WebhookDispatcher.FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20),
                        WebhookDispatcher.LONGEST_RETRY.toMillis());
                assertThat(wait.toMillis()).as("wait after attempt %d", attempts).isBetween(full / 2, full);
                // Not due before its time.
                assertThat(dispatcher.runOnce()).isZero();
                fixture.clock.set(now.nextAttemptAt());
            }
            Duration failedFor = Duration.between(firstFailure, fixture.clock.instant());
            assertThat(now.status()).isEqualTo(WebhookStore.Status.DISABLED);
            assertThat(failedFor).isGreaterThanOrEqualTo(Duration.ofDays(3)).isLessThan(Duration.ofDays(3).plusHours(1));
            assertThat(receiver.received()).hasSize(attempts);

            List<Outbox.StoredEvent> disabled = fixture.hotel.storage().outbox().readAfter(0, 100_000).stream()
                    .filter(e -> e.event().type() == EventType.WEBHOOK_DISABLED && e.event().entityId().equals(webhook.id()))
                    .toList();
            assertThat(disabled).hasSize(1);
            assertThat(disabled.getFirst().event().propertyId()).isEqualTo(PropertyId.of(lisbon.id));
            assertThat(EventView.of(disabled.getFirst()).data()).containsEntry("url", receiver.url())
                    .containsEntry("failing_since", firstFailure.toString()).containsEntry("attempts", (long) attempts);
            assertThat(api.get(lisbon.path("/webhooks/" + webhook.id()), lisbon.manager).json().path("status").asText())
                    .isEqualTo("disabled");
            fixture.clock.advance(Duration.ofDays(1));
            assertThat(dispatcher.runOnce()).isZero();

            // A replay enables it again, and delivers from where it is told.
            receiver.script(OK, OK, OK);
            var replayed = api.post(lisbon.path("/webhooks/" + webhook.id() + "/replay"), lisbon.manager,
                    "{\"from_position\": " + (webhook.position() + 1) + "}");
            assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
            assertThat(replayed.json().path("status").asText()).isEqualTo("active");
            assertThat(dispatcher.runOnce()).isEqualTo(1);
            assertThat(receiver.received().getLast().behaviour()).isEqualTo(OK);
        }
    }

    @Test
    void one_event_is_delivered_again_on_request_and_logged_as_manual() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, OK); WebhookDispatcher dispatcher = dispatcher(3)) {
            Subscribed webhook = subscribe(lisbon, receiver.url(), TYPES);
            lisbon.booking(lisbon.frontDesk, 1);
            lisbon.booking(lisbon.frontDesk, 2);
            assertThat(dispatcher.runOnce()).isEqualTo(2);
            Outbox.StoredEvent first = fixture.hotel.storage().outbox().readAfter(webhook.position(), 100).stream()
                    .filter(e -> e.event().type() == EventType.BOOKING_CREATED
                            && PropertyId.of(lisbon.id).equals(e.event().propertyId())).findFirst().orElseThrow();

            var asked = api.post(lisbon.path("/webhooks/" + webhook.id() + "/redeliveries"), lisbon.manager,
                    "{\"position\": " + first.position() + "}");
            assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
            assertThat(asked.json().path("event_id").asText()).isEqualTo(first.event().id());
            assertThat(dispatcher.runOnce()).isEqualTo(1);
            assertThat(dispatcher.runOnce()).isZero();

            List<String> ids = receiver.received().stream().map(r -> r.header("Hotelkit-Event-Id")).toList();
            assertThat(ids).hasSize(3).last().isEqualTo(first.event().id());
            JsonNode newest = api.get(lisbon.path("/webhooks/" + webhook.id() + "/deliveries"), lisbon.manager).json()
                    .path("items").path(0);
            assertThat(newest.path("manual").asBoolean()).isTrue();
            assertThat(newest.path("event_id").asText()).isEqualTo(first.event().id());
            Set<String> distinct = new LinkedHashSet<>(ids);
            assertThat(distinct).hasSize(2);
        }
    }

    @Test
    void api_md_shows_the_java_and_node_snippets_these_tests_run() throws IOException {
        String apiMd = Files.readString(Path.of("../docs/API.md"));
        for (Path file : List.of(Path.of("src/test/java/io/hotelkit/server/WebhookVerification.java"),
                Path.of("src/test/resources/webhooks/verify.js"))) {
            String source = Files.readString(file);
            String language = file.toString().endsWith(".js") ? "node" : "java";
            String snippet = source.substring(source.indexOf("api.md:" + language + ":start"), source.indexOf("api.md:" + language + ":end"));
            snippet = snippet.substring(snippet.indexOf('\n') + 1, snippet.lastIndexOf('\n'));
            String unindented = snippet.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                    .collect(Collectors.joining("\n"));
            assertThat(apiMd).as(file.toString()).contains(language.equals("java") ? unindented : snippet);
        }
    }

    /** The time a {@code Hotelkit-Signature} header says it was signed at, in epoch seconds. */
    private static long signedAt(String signature) {
        return Long.parseLong(signature.replaceFirst("^t=([0-9]+),.*$", "$1"));
    }
}
