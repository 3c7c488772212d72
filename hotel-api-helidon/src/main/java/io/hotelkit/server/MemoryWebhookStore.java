package io.hotelkit.server;

import io.hotelkit.shared.PropertyId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Webhook subscriptions in memory, for a server on an in-memory hotel; one lock guards all. */
final class MemoryWebhookStore implements WebhookStore {

    private record Key(PropertyId property, String id) {}

    private static final class Entry {
        Subscription subscription;
        @Nullable String leaseOwner;
        @Nullable Instant leaseUntil;
        final List<Delivery> log = new ArrayList<>();
        final TreeSet<Long> redeliveries = new TreeSet<>();

        Entry(Subscription subscription) {
            this.subscription = subscription;
        }
    }

    private final Map<Key, Entry> entries = new HashMap<>();
    private long seq;

    @Override
    public synchronized void create(Subscription subscription) {
        entries.put(new Key(subscription.propertyId(), subscription.id()), new Entry(subscription));
    }

    @Override
    public synchronized Optional<Subscription> find(PropertyId property, String id) {
        return Optional.ofNullable(entries.get(new Key(property, id))).map(e -> e.subscription);
    }

    @Override
    public synchronized List<Subscription> list(PropertyId property) {
        return entries.values().stream().map(e -> e.subscription).filter(s -> s.propertyId().equals(property))
                .sorted(Comparator.comparing(Subscription::id)).toList();
    }

    @Override
    public synchronized boolean delete(PropertyId property, String id) {
        return entries.remove(new Key(property, id)) != null;
    }

    @Override
    public synchronized List<Subscription> due(Instant now, long lastPosition, int limit) {
        return entries.values().stream()
                .filter(e -> e.leaseUntil == null || !e.leaseUntil.isAfter(now))
                .filter(e -> !e.redeliveries.isEmpty() || e.subscription.status() == Status.ACTIVE
                        && e.subscription.position() < lastPosition
                        && (e.subscription.nextAttemptAt() == null || !e.subscription.nextAttemptAt().isAfter(now)))
                .map(e -> e.subscription).sorted(Comparator.comparing(Subscription::id)).limit(limit).toList();
    }

    @Override
    public synchronized boolean lease(PropertyId property, String id, String owner, Instant now, Duration lease) {
        Entry entry = entries.get(new Key(property, id));
        if (entry == null || !owner.equals(entry.leaseOwner) && entry.leaseUntil != null && entry.leaseUntil.isAfter(now)) {
            return false;
        }
        entry.leaseOwner = owner;
        entry.leaseUntil = now.plus(lease);
        return true;
    }

    @Override
    public synchronized void release(PropertyId property, String id, String owner) {
        Entry entry = entries.get(new Key(property, id));
        if (entry != null && owner.equals(entry.leaseOwner)) {
            entry.leaseOwner = null;
            entry.leaseUntil = null;
        }
    }

    private boolean change(PropertyId property, String id, String owner, UnaryOperator<Subscription> change) {
        Entry entry = entries.get(new Key(property, id));
        if (entry == null || !owner.equals(entry.leaseOwner)) {
            return false;
        }
        entry.subscription = change.apply(entry.subscription);
        return true;
    }

    @Override
    public synchronized boolean advance(PropertyId property, String id, String owner, long from, long to) {
        Entry entry = entries.get(new Key(property, id));
        if (entry == null || entry.subscription.position() != from) {
            return false;
        }
        return change(property, id, owner, s -> new Subscription(s.propertyId(), s.id(), s.url(), s.eventTypes(), s.secret(),
                s.status(), s.createdAt(), to, 0, null, null, s.disabledAt()));
    }

    @Override
    public synchronized boolean failed(PropertyId property, String id, String owner, int attempts, Instant nextAttemptAt,
                                       Instant failingSince) {
        return change(property, id, owner, s -> new Subscription(s.propertyId(), s.id(), s.url(), s.eventTypes(), s.secret(),
                s.status(), s.createdAt(), s.position(), attempts, nextAttemptAt, failingSince, s.disabledAt()));
    }

    @Override
    public synchronized boolean disable(PropertyId property, String id, String owner, Instant at) {
        return change(property, id, owner, s -> new Subscription(s.propertyId(), s.id(), s.url(), s.eventTypes(), s.secret(),
                Status.DISABLED, s.createdAt(), s.position(), s.attempts(), null, s.failingSince(), at));
    }

    @Override
    public synchronized void replayFrom(PropertyId property, String id, long position) {
        Entry entry = Objects.requireNonNull(entries.get(new Key(property, id)), "subscription");
        Subscription s = entry.subscription;
        entry.subscription = new Subscription(s.propertyId(), s.id(), s.url(), s.eventTypes(), s.secret(), Status.ACTIVE,
                s.createdAt(), position - 1, 0, null, null, null);
    }

    @Override
    public synchronized void requestRedelivery(PropertyId property, String id, long position, Instant at) {
        Objects.requireNonNull(entries.get(new Key(property, id)), "subscription").redeliveries.add(position);
    }

    @Override
    public synchronized List<Long> redeliveries(PropertyId property, String id) {
        Entry entry = entries.get(new Key(property, id));
        return entry == null ? List.of() : List.copyOf(entry.redeliveries);
    }

    @Override
    public synchronized void redelivered(PropertyId property, String id, long position) {
        Entry entry = entries.get(new Key(property, id));
        if (entry != null) {
            entry.redeliveries.remove(position);
        }
    }

    @Override
    public synchronized void log(PropertyId property, String id, Delivery delivery) {
        Entry entry = entries.get(new Key(property, id));
        if (entry != null) {
            entry.log.add(new Delivery(++seq, delivery.eventId(), delivery.eventType(), delivery.position(),
                    delivery.attemptedAt(), delivery.status(), delivery.latencyMs(), delivery.responseStart(), delivery.error(),
                    delivery.manual()));
        }
    }

    @Override
    public synchronized List<Delivery> deliveries(PropertyId property, String id, long beforeSeq, int limit) {
        Entry entry = entries.get(new Key(property, id));
        return entry == null ? List.of() : entry.log.reversed().stream().filter(d -> d.seq() < beforeSeq).limit(limit).toList();
    }
}
