package io.hotelkit.shared;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Records domain events in the outbox of the current transaction, stamped with the time and the actor. */
public final class Events {

    private final Outbox outbox;
    private final Clock clock;
    private final IdGenerator ids;
    private final Supplier<String> actor;
    private static final int REMEMBERED = 100_000;
    private final RecentIds recordedHere = new RecentIds(REMEMBERED);

    public Events(Outbox outbox, Clock clock, IdGenerator ids, Supplier<String> actor) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    public void record(@Nullable PropertyId propertyId, String entityId, EventPayload payload) {
        DomainEvent event = new DomainEvent(ids.next(), propertyId, entityId, actor(), clock.instant(), payload);
        synchronized (recordedHere) {
            recordedHere.add(event.id());
        }
        outbox.append(event);
    }

    /** Whether this process recorded the event (of the last {@value #REMEMBERED} it recorded, at least). */
    public boolean recordedHere(String eventId) {
        synchronized (recordedHere) {
            return recordedHere.contains(eventId);
        }
    }

    /** Who is acting now: an API key's id, a user, or {@code "system"}. */
    public String actor() {
        String current = actor.get();
        return current == null ? "system" : current;
    }
}
