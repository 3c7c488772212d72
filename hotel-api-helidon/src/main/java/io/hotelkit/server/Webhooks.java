package io.hotelkit.server;

import io.hotelkit.Hotel;
import io.hotelkit.jpa.JpaStore;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import io.hotelkit.shared.IdGenerator;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The server's webhooks, put together once: where subscriptions are kept (the hotel's database, or memory
 * beside an in-memory hotel), how secrets are sealed, which targets are allowed, which event types exist, and
 * the dispatcher that delivers them.
 *
 * <p>{@link #DERIVED} is where derived event types are plugged in (the ARI feed's {@code ari.changed}).
 */
final class Webhooks {

    private static final System.Logger LOG = System.getLogger(Webhooks.class.getName());

    /** The derived event types every server delivers; the ARI feed adds {@code ari.changed} here. */
    static final List<WebhookEvents.Derived> DERIVED = List.of();

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final WebhookEvents events;
    private final WebhookSettings settings;
    private final Hotel hotel;

    Webhooks(WebhookSettings settings, Hotel hotel, WebhookEvents events) {
        this.settings = settings;
        this.hotel = hotel;
        this.store = hotel.storage() instanceof JpaStore jpa ? new JdbcWebhookStore(jpa) : new MemoryWebhookStore();
        this.secrets = new WebhookSecrets(settings.secretKey());
        this.targets = new WebhookTargets(settings.allowPrivateTargets());
        this.events = events;
    }

    WebhookStore store() {
        return store;
    }

    WebhookSecrets secrets() {
        return secrets;
    }

    WebhookTargets targets() {
        return targets;
    }

    WebhookEvents events() {
        return events;
    }

    WebhookSettings settings() {
        return settings;
    }

    /** A dispatcher over these webhooks, not yet started, with its own HTTP client (closed with it). */
    WebhookDispatcher dispatcher(Infrastructure infrastructure) {
        if (!secrets.seals()) {
            LOG.log(Level.WARNING, "hotel.webhooks.secret-key is not set: webhook signing secrets are stored unsealed");
        }
        return dispatcher(infrastructure.clock(), infrastructure.ids(), settings, new SecureRandom());
    }

    /** A dispatcher that sends with {@code sending}'s time limits and bulkheads, for tests of slow receivers. */
    WebhookDispatcher dispatcher(Clock clock, IdGenerator ids, WebhookSettings sending, RandomGenerator random) {
        return new WebhookDispatcher(store, hotel.storage().outbox(), hotel.storage().transactions(),
                new WebhookClient(sending), targets, secrets, events, sending, clock, ids, random);
    }
}
