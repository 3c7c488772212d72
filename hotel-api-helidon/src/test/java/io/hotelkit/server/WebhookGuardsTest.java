package io.hotelkit.server;

import static io.hotelkit.server.WebhookReceiver.Behaviour.HANG;
import static io.hotelkit.server.WebhookReceiver.Behaviour.OK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.PropertyId;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What keeps webhooks from harming the server or its network: targets inside the network refused at
 * subscription and again at delivery (SSRF), a bulkhead per destination, a hanging receiver that a booking
 * never waits for, secrets shown once and kept sealed; and the hook that derived event types plug into.
 */
class WebhookGuardsTest extends RoutingTestBase {

    /** As a server runs by default: loopback and private targets refused. */
    private static final Fixture fixture = Fixture.refusingPrivateWebhookTargets();
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    WebhookGuardsTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/in", "http://localhost/in", "http://[::1]/in", "http://10.1.2.3/in",
            "http://192.168.0.10/in", "http://172.16.5.4/in", "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/in", "http://0.0.0.0/in", "http://[fd00::1]/in", "http://[::ffff:127.0.0.1]/in",
            "https://no-such-host.invalid/in"})
    void a_target_inside_the_network_or_unknown_is_refused_naming_the_url(String url) {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        var refused = api.post(lisbon.path("/webhooks"), lisbon.manager,
                Json.text(Map.of("url", url, "event_types", List.of("booking.created"))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("url");
        assertThat(api.get(lisbon.path("/webhooks"), lisbon.manager).json().path("items")).isEmpty();
    }

    @Test
    void a_target_that_has_come_to_resolve_inside_the_network_is_refused_at_delivery() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        Webhooks webhooks = fixture.infrastructure.webhooks();
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, OK);
             WebhookDispatcher dispatcher = webhooks.dispatcher(fixture.clock, fixture.infrastructure.ids(),
                     webhooks.settings(), new Random(4))) {
            // Made while the name pointed elsewhere (a store's row, as a subscription made then would be).
            webhooks.store().create(subscription(lisbon, receiver.url(), List.of("booking.created"), webhooks.secrets()));
            lisbon.booking(lisbon.frontDesk, 1);

            assertThat(dispatcher.runOnce()).isEqualTo(1);

            assertThat(receiver.received()).isEmpty();
            JsonNode attempt = api.get(lisbon.path("/webhooks/sub-1/deliveries"), lisbon.manager).json().path("items").path(0);
            assertThat(attempt.path("status").isNull()).isTrue();
            assertThat(attempt.path("error").asText()).contains("127.0.0.1").contains("loopback");
            assertThat(api.get(lisbon.path("/webhooks/sub-1"), lisbon.manager).json().path("failed_attempts").asInt()).isEqualTo(1);
        }
    }

    private WebhookStore.Subscription subscription(Lisbon lisbon, String url, List<String> types, WebhookSecrets secrets) {
        return new WebhookStore.Subscription(PropertyId.of(lisbon.id), "sub-1", url, types, secrets.seal("whsec_test"),
                WebhookStore.Status.ACTIVE, fixture.clock.instant(), fixture.hotel.storage().outbox().lastPosition(), 0, null,
                null, null);
    }

    @Test
    void a_derived_event_type_is_delivered_after_the_event_it_comes_from_with_an_id_of_its_own() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        WebhookEvents.Derived ariChanged = new WebhookEvents.Derived("ari.changed", stored ->
                stored.event().type() == EventType.BOOKING_CREATED
                        ? Optional.of(Map.of("property_id", lisbon.id, "reason", "booking"))
                        : Optional.empty());
        WebhookEvents events = new WebhookEvents(List.of(ariChanged));
        assertThat(events.types()).contains("booking.created", "webhook.disabled", "ari.changed")
                .doesNotContain("guest.registered", "loyalty.points_changed");
        WebhookSettings settings = fixture.infrastructure.config().webhooks().withPrivateTargets(true);
        Webhooks webhooks = new Webhooks(settings, fixture.hotel, events);
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, OK);
             WebhookDispatcher dispatcher = webhooks.dispatcher(fixture.clock, fixture.infrastructure.ids(), settings,
                     new Random(5))) {
            webhooks.store().create(subscription(lisbon, receiver.url(), List.of("booking.created", "ari.changed"),
                    webhooks.secrets()));
            String booking = lisbon.booking(lisbon.frontDesk, 1);
            lisbon.room();

            assertThat(dispatcher.runOnce()).isEqualTo(2);

            var received = receiver.received();
            assertThat(received).extracting(r -> r.header("Hotelkit-Event-Type")).containsExactly("booking.created", "ari.changed");
            String eventId = received.get(0).header("Hotelkit-Event-Id");
            assertThat(received.get(1).header("Hotelkit-Event-Id")).isEqualTo(eventId + ":ari.changed");
            JsonNode derived = Json.mapper().readTree(received.get(1).body());
            assertThat(derived.path("source_event_id").asText()).isEqualTo(eventId);
            assertThat(derived.path("data").path("reason").asText()).isEqualTo("booking");
            assertThat(Json.mapper().readTree(received.get(0).body()).path("entity_id").asText()).isEqualTo(booking);
            for (var request : received) {
                assertThat(WebhookVerification.verify(request.header("Hotelkit-Signature"), request.body(), "whsec_test",
                        request.arrivedAt().getEpochSecond())).isTrue();
            }
        }
    }

    @Test
    void a_hanging_receiver_holds_its_own_delivery_and_no_booking() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        WebhookSettings settings = fixture.infrastructure.config().webhooks().withPrivateTargets(true)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(60));
        Webhooks webhooks = new Webhooks(settings, fixture.hotel, WebhookEvents.OUTBOX_ONLY);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, HANG);
             WebhookDispatcher dispatcher = webhooks.dispatcher(fixture.clock, fixture.infrastructure.ids(), settings,
                     new Random(6))) {
            webhooks.store().create(subscription(lisbon, receiver.url(), List.of("booking.created"), webhooks.secrets()));
            lisbon.booking(lisbon.frontDesk, 1);
            Future<Integer> round = background.submit(dispatcher::runOnce);
            for (int i = 0; i < 200 && receiver.received().isEmpty(); i++) {
                Thread.sleep(25);
            }
            assertThat(receiver.received()).hasSize(1);

            // While the delivery hangs, bookings go on.
            for (int day = 2; day <= 4; day++) {
                lisbon.booking(lisbon.frontDesk, day);
            }
            assertThat(round.isDone()).isFalse();
            receiver.close(); // the receiver goes: the hanging delivery fails
            assertThat(round.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void a_destination_takes_at_most_its_bulkhead_of_deliveries_at_once() throws Exception {
        WebhookSettings settings = new WebhookSettings(true, null, Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(20), 1, Duration.ofSeconds(60), Duration.ofDays(3));
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, HANG); WebhookClient client = new WebhookClient(settings)) {
            URI url = URI.create(receiver.url());
            CompletableFuture<WebhookClient.Outcome> hanging = CompletableFuture.supplyAsync(
                    () -> client.post(url, "{}".getBytes(), Map.of()), Executors.newVirtualThreadPerTaskExecutor());
            for (int i = 0; i < 200 && receiver.received().isEmpty(); i++) {
                Thread.sleep(25);
            }

            WebhookClient.Outcome refused = client.post(url, "{}".getBytes(), Map.of());

            assertThat(refused.delivered()).isFalse();
            assertThat(refused.error()).startsWith("too many deliveries in flight to http://127.0.0.1:");
            assertThat(receiver.received()).hasSize(1);
            receiver.close();
            assertThat(hanging.get(30, TimeUnit.SECONDS).delivered()).isFalse();
        }
    }

    @Test
    void secrets_are_sealed_with_the_key_and_open_only_with_it() {
        WebhookSecrets sealing = new WebhookSecrets(KEY);
        String secret = WebhookSecrets.newSecret();
        String stored = sealing.seal(secret);

        assertThat(stored).startsWith("gcm1:").doesNotContain(secret.substring(6));
        assertThat(sealing.seal(secret)).isNotEqualTo(stored); // a fresh nonce each time
        assertThat(sealing.open(stored)).isEqualTo(secret);
        assertThat(new WebhookSecrets(null).seal(secret)).isEqualTo("plain:" + secret);
        assertThat(sealing.open("plain:" + secret)).isEqualTo(secret);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WebhookSecrets(
                "HyEdHB0bGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=").open(stored)).isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WebhookSecrets(null).open(stored))
                .hasMessageContaining("hotel.webhooks.secret-key");
    }

    @Test
    void the_secret_is_shown_once_and_a_signature_checks_against_it() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        var listed = api.get(lisbon.path("/webhooks"), lisbon.manager);
        assertThat(listed.body()).doesNotContain("secret");
        assertThat(WebhookTargets.internal(InetAddress.getByName("93.184.215.14"))).isFalse();
        String header = WebhookSignature.header("whsec_x", Instant.ofEpochSecond(1_764_000_000L), "{}".getBytes());
        assertThat(header).matches("t=1764000000,v1=[0-9a-f]{64}");
        assertThat(WebhookVerification.verify(header, "{}".getBytes(), "whsec_x", 1_764_000_000L)).isTrue();
        assertThat(WebhookSignature.verify(header, "{}".getBytes(), "whsec_x", Instant.ofEpochSecond(1_764_000_100L),
                Duration.ofMinutes(5))).isTrue();
    }
}
