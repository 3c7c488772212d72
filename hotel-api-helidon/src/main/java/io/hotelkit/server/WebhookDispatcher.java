package io.hotelkit.server;

import io.hotelkit.operations.OperationsEvent;
import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.UnitOfWork;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Delivers each subscription's events from the outbox, at least once and in order: a subscription's position
 * moves past an event only once its receiver answered 2xx (or the event is not one it subscribed to), and a
 * failure holds the later events back until the failed one is through. A failed attempt is tried again after
 * an exponential backoff with jitter (from {@link #FIRST_RETRY} doubling to {@link #LONGEST_RETRY}, each wait
 * between half and all of that), for as long as {@link WebhookSettings#disableAfter()} (3 days); a
 * subscription that failed that long is disabled, and a {@code webhook.disabled} event goes into the outbox.
 *
 * <p>Several instances run a dispatcher each over one database: an instance delivers a subscription only
 * while it holds its lease (a row in the database, taken by a guarded update, renewed before each delivery,
 * released after the round), so one instance delivers a subscription at a time; a killed instance's lease
 * runs out and another instance takes the subscription over, from its stored position. Time (leases,
 * backoff, the 3 days) is read from the {@link Clock} given, so tests drive it.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /** Events read from the outbox at a time, and subscriptions served in one round. */
    private static final int PAGE = 200;

    private final WebhookStore store;
    private final Outbox outbox;
    private final UnitOfWork transactions;
    private final WebhookClient client;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final WebhookEvents events;
    private final WebhookSettings settings;
    private final Clock clock;
    private final IdGenerator ids;
    private final RandomGenerator random;
    private final String owner = "dispatcher-" + UUID.randomUUID();
    private volatile ScheduledExecutorService scheduler;
    /** Whether the last round failed as a whole (the database unreachable): logged once, not every round. */
    private boolean failing;

    WebhookDispatcher(WebhookStore store, Outbox outbox, UnitOfWork transactions, WebhookClient client,
                      WebhookTargets targets, WebhookSecrets secrets, WebhookEvents events, WebhookSettings settings,
                      Clock clock, IdGenerator ids, RandomGenerator random) {
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.client = client;
        this.targets = targets;
        this.secrets = secrets;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
        this.random = random;
    }

    /** Runs a round every {@link WebhookSettings#pollPeriod()} on a thread of its own, until closed. */
    WebhookDispatcher start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("webhooks").daemon().factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
                if (failing) {
                    failing = false;
                    LOG.log(Level.INFO, "webhook deliveries resumed");
                }
            } catch (RuntimeException e) {
                if (!failing) { // once per outage, not every round of it
                    failing = true;
                    LOG.log(Level.WARNING, "webhook deliveries stopped (" + e.getClass().getName() + "); retrying every "
                            + settings.pollPeriod().toMillis() + " ms");
                }
            }
        }, 0, settings.pollPeriod().toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
        return this;
    }

    /** This dispatcher's name in the leases it holds. */
    String owner() {
        return owner;
    }

    /** One round: every subscription with something due whose lease this instance gets; how many attempts it made. */
    int runOnce() {
        int attempts = 0;
        for (WebhookStore.Subscription due : store.due(clock.instant(), outbox.lastPosition(), PAGE)) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (!store.lease(due.propertyId(), due.id(), owner, clock.instant(), settings.lease())) {
                continue;
            }
            try {
                attempts += serve(due.propertyId(), due.id());
            } catch (RuntimeException e) {
                // One subscription's failure (a secret that does not open, the database going) is not the others'.
                LOG.log(Level.WARNING, "delivering webhook " + due.id() + " failed: " + e.getClass().getName() + ": "
                        + e.getMessage());
            } finally {
                try {
                    store.release(due.propertyId(), due.id(), owner);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "releasing the lease of webhook " + due.id() + " failed; it runs out by itself");
                }
            }
        }
        return attempts;
    }

    /** Delivers what is due of one subscription, while this instance holds its lease. */
    private int serve(PropertyId property, String id) {
        int attempts = 0;
        Optional<WebhookStore.Subscription> found = store.find(property, id);
        if (found.isEmpty()) {
            return 0;
        }
        WebhookStore.Subscription subscription = found.get();
        for (long position : store.redeliveries(property, id)) {
            if (!renew(subscription)) {
                return attempts;
            }
            List<Outbox.StoredEvent> stored = outbox.readAfter(position - 1, 1);
            if (!stored.isEmpty() && stored.getFirst().position() == position && belongs(subscription, stored.getFirst())) {
                for (Message message : messages(subscription, stored.getFirst(), true)) {
                    attempt(subscription, message, true);
                    attempts++;
                }
            }
            store.redelivered(property, id, position);
        }
        if (subscription.status() != WebhookStore.Status.ACTIVE
                || subscription.nextAttemptAt() != null && subscription.nextAttemptAt().isAfter(clock.instant())) {
            return attempts;
        }
        long position = subscription.position();
        int attemptsSoFar = subscription.attempts();
        while (true) {
            List<Outbox.StoredEvent> page = outbox.readAfter(position, PAGE);
            if (page.isEmpty()) {
                return attempts;
            }
            for (Outbox.StoredEvent stored : page) {
                if (!renew(subscription)) {
                    return attempts;
                }
                List<Message> messages = belongs(subscription, stored) ? messages(subscription, stored, false) : List.of();
                for (Message message : messages) {
                    attempts++;
                    WebhookClient.Outcome outcome = attempt(subscription, message, false);
                    if (!outcome.delivered()) {
                        retryLater(subscription, attemptsSoFar + 1);
                        return attempts;
                    }
                }
                if (!store.advance(property, id, owner, position, stored.position())) {
                    return attempts; // replayed, deleted or taken over meanwhile: the next round starts afresh
                }
                position = stored.position();
                attemptsSoFar = 0;
            }
        }
    }

    private boolean renew(WebhookStore.Subscription subscription) {
        return store.lease(subscription.propertyId(), subscription.id(), owner, clock.instant(), settings.lease());
    }

    private static boolean belongs(WebhookStore.Subscription subscription, Outbox.StoredEvent stored) {
        return subscription.propertyId().equals(stored.event().propertyId());
    }

    /** One delivery's body and its id and type. */
    record Message(String eventId, String type, long position, byte[] body) {}

    /** The deliveries an outbox event makes to {@code subscription}: its own, and each derived type's. */
    private List<Message> messages(WebhookStore.Subscription subscription, Outbox.StoredEvent stored, boolean manual) {
        List<Message> messages = new ArrayList<>();
        DomainEvent event = stored.event();
        if (subscription.eventTypes().contains(event.type().code())) {
            messages.add(new Message(event.id(), event.type().code(), stored.position(), Json.bytes(EventView.of(stored))));
        }
        for (WebhookEvents.Derived derived : events.derived()) {
            if (subscription.eventTypes().contains(derived.type())) {
                Optional<?> data = derived.derive().apply(stored);
                if (data.isPresent()) {
                    String id = event.id() + ":" + derived.type();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("position", stored.position());
                    body.put("id", id);
                    body.put("type", derived.type());
                    body.put("property_id", subscription.propertyId().value());
                    body.put("source_event_id", event.id());
                    body.put("occurred_at", event.occurredAt());
                    body.put("data", data.get());
                    messages.add(new Message(id, derived.type(), stored.position(), Json.bytes(body)));
                }
            }
        }
        return messages;
    }

    private WebhookClient.Outcome attempt(WebhookStore.Subscription subscription, Message message, boolean manual) {
        Instant at = clock.instant();
        URI url = URI.create(subscription.url());
        WebhookClient.Outcome outcome = targets.refusal(url)
                .map(refusal -> new WebhookClient.Outcome(null, null, refusal, 0))
                .orElseGet(() -> client.post(url, message.body(), Map.of(
                        WebhookSignature.HEADER, WebhookSignature.header(secrets.open(subscription.secret()), at, message.body()),
                        WebhookSignature.EVENT_ID_HEADER, message.eventId(),
                        WebhookSignature.EVENT_TYPE_HEADER, message.type())));
        store.log(subscription.propertyId(), subscription.id(), new WebhookStore.Delivery(0, message.eventId(), message.type(),
                message.position(), at, outcome.status(), outcome.latencyMs(), outcome.responseStart(), outcome.error(), manual));
        return outcome;
    }

    /** Schedules the next attempt, or disables the subscription if it has failed for long enough. */
    private void retryLater(WebhookStore.Subscription subscription, int attempts) {
        Instant now = clock.instant();
        Optional<WebhookStore.Subscription> current = store.find(subscription.propertyId(), subscription.id());
        Instant failingSince = current.map(WebhookStore.Subscription::failingSince).orElse(null);
        if (failingSince == null) {
            failingSince = now;
        }
        if (Duration.between(failingSince, now).compareTo(settings.disableAfter()) >= 0) {
            Instant since = failingSince;
            transactions.run(() -> {
                if (store.disable(subscription.propertyId(), subscription.id(), owner, now)) {
                    outbox.append(new DomainEvent(ids.next(), subscription.propertyId(), subscription.id(), "system", now,
                            new OperationsEvent.WebhookDisabled(subscription.url(), since, attempts)));
                }
            });
            LOG.log(Level.WARNING, "webhook " + subscription.id() + " of property " + subscription.propertyId().value()
                    + " failed every delivery since " + since + " and is disabled");
            return;
        }
        store.failed(subscription.propertyId(), subscription.id(), owner, attempts, now.plus(backoff(attempts)), failingSince);
    }

    /** The wait before attempt {@code attempts + 1}: exponential, capped, and between half and all of that. */
    Duration backoff(int attempts) {
        long ceiling = LONGEST_RETRY.toMillis();
        long full = FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20);
        long wait = Math.min(full, ceiling);
        return Duration.ofMillis(wait / 2 + random.nextLong(wait / 2 + 1));
    }

    @Override
    public void close() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.close();
    }
}
