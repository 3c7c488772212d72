package io.hotelkit.shared;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Records domain events in the outbox of the current transaction, stamped with the time and the actor. */
public final class Events {

    private final Outbox outbox;
    private final Clock clock;
    private final IdGenerator ids;
    private final Supplier<String> actor;

    public Events(Outbox outbox, Clock clock, IdGenerator ids, Supplier<String> actor) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    public void record(EventType type, @Nullable PropertyId propertyId, String entityId, Map<String, Object> data) {
        outbox.append(new DomainEvent(ids.next(), type, propertyId, entityId, actor(), clock.instant(), data));
    }

    /** Who is acting now: an API key's id, a user, or {@code "system"}. */
    public String actor() {
        String current = actor.get();
        return current == null ? "system" : current;
    }
}
