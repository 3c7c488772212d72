package io.hotelkit.server;

import io.hotelkit.shared.PropertyId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where webhook subscriptions, their leases, delivery logs and redelivery requests are kept: the hotel's
 * database ({@link JdbcWebhookStore}, in the hotel's transactions), or memory beside an in-memory hotel
 * ({@link MemoryWebhookStore}). The dispatcher's writes name the lease owner and change nothing unless the
 * caller still holds the lease, so an instance whose lease passed on while it was slow cannot move a
 * subscription another instance now delivers.
 */
interface WebhookStore {

    enum Status { ACTIVE, DISABLED }

    /**
     * A subscription. {@code secret} is as stored (see {@link WebhookSecrets}).
     *
     * @param position the outbox position of the last event handled (delivered, or not one for it)
     * @param attempts failed attempts at the event after {@code position}
     */
    record Subscription(PropertyId propertyId, String id, String url, List<String> eventTypes, String secret,
                        Status status, Instant createdAt, long position, int attempts, @Nullable Instant nextAttemptAt,
                        @Nullable Instant failingSince, @Nullable Instant disabledAt) {
        public Subscription {
            Objects.requireNonNull(propertyId, "property id");
            eventTypes = List.copyOf(eventTypes);
        }
    }

    /** One attempt at one delivery, as the log shows it; {@code seq} orders the log. */
    record Delivery(long seq, String eventId, String eventType, long position, Instant attemptedAt,
                    @Nullable Integer status, long latencyMs, @Nullable String responseStart, @Nullable String error,
                    boolean manual) {}

    void create(Subscription subscription);

    Optional<Subscription> find(PropertyId property, String id);

    /** The property's subscriptions in order of id. */
    List<Subscription> list(PropertyId property);

    /** Deletes a subscription with its log; whether there was one. */
    boolean delete(PropertyId property, String id);

    /**
     * The subscriptions that have work at {@code now} and whose lease is free or has run out: active ones
     * behind {@code lastPosition} (the outbox's newest event) whose next attempt is due, and any with a
     * redelivery asked for. One that has caught up is not due, so an idle instance takes no lease.
     */
    List<Subscription> due(Instant now, long lastPosition, int limit);

    /** Takes or renews the lease of a subscription for {@code owner} until {@code now + lease}; whether it has it. */
    boolean lease(PropertyId property, String id, String owner, Instant now, Duration lease);

    void release(PropertyId property, String id, String owner);

    /** The event after {@code position} is handled: attempts reset; false if {@code owner} lost the lease. */
    boolean advance(PropertyId property, String id, String owner, long from, long to);

    /** A failed attempt at the next event; false if {@code owner} lost the lease. */
    boolean failed(PropertyId property, String id, String owner, int attempts, Instant nextAttemptAt, Instant failingSince);

    /** Disables the subscription; false if {@code owner} lost the lease. */
    boolean disable(PropertyId property, String id, String owner, Instant at);

    /** Delivers again from {@code position} on ({@code position - 1} handled), enabled if it was not. */
    void replayFrom(PropertyId property, String id, long position);

    void requestRedelivery(PropertyId property, String id, long position, Instant at);

    /** The positions asked to be delivered again, oldest first. */
    List<Long> redeliveries(PropertyId property, String id);

    void redelivered(PropertyId property, String id, long position);

    void log(PropertyId property, String id, Delivery delivery);

    /** The log, newest first, entries before {@code beforeSeq}, at most {@code limit}. */
    List<Delivery> deliveries(PropertyId property, String id, long beforeSeq, int limit);
}
