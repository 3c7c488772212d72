package io.hotelkit.server;

import static io.hotelkit.server.WebhookReceiver.Behaviour.OK;
import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.Hotel;
import io.hotelkit.jpa.JpaStore;
import io.hotelkit.shared.Ids;
import io.hotelkit.shared.PropertyId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances' dispatchers over one PostgreSQL database, each with its own store (its own connection pool),
 * as two servers have: one instance at a time delivers a subscription, each event is taken once and in
 * order, a killed instance's lease passes to the other once it runs out, and a dispatcher made anew (a
 * restart) goes on from the stored position. The lease's time is the fixture's clock, moved by the test.
 */
class WebhookLeasesPostgresIT extends RoutingTestBase {

    private static final Fixture fixture = Fixture.onPostgres();
    private static final JpaStore secondStore = fixture.database().orElseThrow().storeBuilder().clock(fixture.clock).open();
    private static final Hotel secondHotel = Hotel.builder().storage(secondStore).clock(fixture.clock)
            .ids(Ids.seeded(fixture.clock, 7)).build();
    private static final WebhookSettings SENDING = fixture.infrastructure.config().webhooks()
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));

    WebhookLeasesPostgresIT(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @AfterAll
    static void close() throws Exception {
        try (fixture; secondStore) {
            // the second store first, then the fixture's and its database
        }
    }

    /** The first instance's dispatcher: the fixture's store. */
    private static WebhookDispatcher first() {
        return fixture.infrastructure.webhooks().dispatcher(fixture.clock, fixture.infrastructure.ids(), SENDING, new Random(1));
    }

    /** The second instance's: a store, hotel and webhooks of its own over the same database. */
    private static WebhookDispatcher second() {
        return new Webhooks(fixture.infrastructure.config().webhooks().withPrivateTargets(true), secondHotel,
                new WebhookEvents(Webhooks.DERIVED)).dispatcher(fixture.clock, Ids.seeded(fixture.clock, 9), SENDING,
                new Random(2));
    }

    private String subscribe(Lisbon lisbon, WebhookReceiver receiver) {
        var created = api.post(lisbon.path("/webhooks"), lisbon.manager,
                Json.text(Map.of("url", receiver.url(), "event_types", List.of("booking.created"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static List<String> created(Lisbon lisbon, int bookings) {
        List<String> ids = new ArrayList<>();
        for (int day = 1; day <= bookings; day++) {
            ids.add(lisbon.booking(lisbon.frontDesk, day));
        }
        return ids;
    }

    private static List<String> bookingIds(WebhookReceiver receiver) {
        return receiver.received().stream().map(r -> {
            try {
                return Json.mapper().readTree(r.body()).path("entity_id").asText();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void a_killed_instances_lease_passes_to_another_which_delivers_from_the_stored_position() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, OK);
             WebhookDispatcher first = first(); WebhookDispatcher second = second()) {
            String webhook = subscribe(lisbon, receiver);
            List<String> bookings = created(lisbon, 3);
            // An instance took the subscription and was killed mid-delivery: its lease stays in the database.
            assertThat(fixture.infrastructure.webhooks().store().lease(PropertyId.of(lisbon.id), webhook, "killed-instance",
                    fixture.clock.instant(), SENDING.lease())).isTrue();

            assertThat(first.runOnce()).isZero();
            assertThat(second.runOnce()).isZero();
            fixture.clock.advance(SENDING.lease().minusSeconds(1));
            assertThat(second.runOnce()).isZero();

            fixture.clock.advance(Duration.ofSeconds(1));
            assertThat(second.runOnce()).isEqualTo(3);
            assertThat(bookingIds(receiver)).containsExactlyElementsOf(bookings);

            // The first instance restarts (a dispatcher made anew) and goes on from where the second got to.
            List<String> more = created(lisbon, 2).stream().toList();
            try (WebhookDispatcher restarted = first()) {
                assertThat(restarted.runOnce()).isEqualTo(2);
            }
            assertThat(bookingIds(receiver).subList(3, 5)).containsExactlyElementsOf(more);
        }
    }

    @Test
    void two_instances_delivering_at_once_take_each_event_once_and_in_order() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        Lisbon other = Lisbon.setUp(api, fixture);
        try (WebhookReceiver receiver = new WebhookReceiver(fixture.clock, OK);
             WebhookReceiver otherReceiver = new WebhookReceiver(fixture.clock, OK);
             WebhookDispatcher first = first(); WebhookDispatcher second = second();
             ExecutorService instances = Executors.newFixedThreadPool(2)) {
            subscribe(lisbon, receiver);
            subscribe(other, otherReceiver);
            List<String> bookings = created(lisbon, 12);
            List<String> otherBookings = created(other, 12);

            List<Future<Integer>> rounds = new ArrayList<>();
            for (WebhookDispatcher dispatcher : List.of(first, second)) {
                rounds.add(instances.submit(() -> {
                    int attempts = 0;
                    for (int round = 0; round < 200 && (receiver.received().size() < 12 || otherReceiver.received().size() < 12);
                         round++) {
                        attempts += dispatcher.runOnce();
                    }
                    return attempts;
                }));
            }
            int attempts = 0;
            for (Future<Integer> round : rounds) {
                attempts += round.get();
            }

            assertThat(bookingIds(receiver)).containsExactlyElementsOf(bookings);
            assertThat(bookingIds(otherReceiver)).containsExactlyElementsOf(otherBookings);
            assertThat(attempts).isEqualTo(24);
        }
    }
}
