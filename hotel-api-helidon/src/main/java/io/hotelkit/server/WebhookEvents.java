package io.hotelkit.server;

import io.hotelkit.shared.EventType;
import io.hotelkit.shared.Outbox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The event types a webhook may subscribe to: the outbox's own events that belong to a property (guests and
 * their loyalty belong to the chain, not to a property, and are not delivered), and types derived from them
 * by a {@link Derived} hook, such as {@code ari.changed} (a property's availability, rates or
 * restrictions changed). A derived type is delivered to its subscribers after the outbox event it comes
 * from, in the same order, with an id of its own ({@code <event id>:<type>}).
 */
final class WebhookEvents {

    /** Outbox events that belong to no property. */
    private static final Set<EventType> CHAIN_WIDE = EnumSet.of(EventType.GUEST_REGISTERED, EventType.GUEST_UPDATED,
            EventType.GUEST_ERASED, EventType.LOYALTY_POINTS_CHANGED);

    /**
     * An event type derived from outbox events: for each event, its payload (a JSON-writable object: a map, a
     * record) or empty when the event does not give one.
     */
    record Derived(String type, Function<Outbox.StoredEvent, Optional<?>> derive) {
        Derived {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(derive, "derive");
            if (!type.matches("[a-z_]+\\.[a-z_]+")) {
                throw new IllegalArgumentException("a derived event type is named like ari.changed, not " + type);
            }
        }
    }

    /** The outbox's types and no derived one. */
    static final WebhookEvents OUTBOX_ONLY = new WebhookEvents(List.of());

    private final Map<String, Derived> derived = new LinkedHashMap<>();
    private final List<String> types;

    WebhookEvents(List<Derived> derivedTypes) {
        List<String> all = new ArrayList<>(Arrays.stream(EventType.values()).filter(type -> !CHAIN_WIDE.contains(type))
                .map(EventType::code).toList());
        for (Derived type : derivedTypes) {
            if (all.contains(type.type()) || derived.put(type.type(), type) != null) {
                throw new IllegalArgumentException("event type " + type.type() + " is defined twice");
            }
            all.add(type.type());
        }
        this.types = List.copyOf(all);
    }

    /** Every type a subscription may name. */
    List<String> types() {
        return types;
    }

    boolean known(String type) {
        return types.contains(type);
    }

    /** The hooks, in the order they were given. */
    List<Derived> derived() {
        return List.copyOf(derived.values());
    }
}
