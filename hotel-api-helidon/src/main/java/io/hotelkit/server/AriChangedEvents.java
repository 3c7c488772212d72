package io.hotelkit.server;

import io.hotelkit.shared.Outbox;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ari.changed} webhook event: for an outbox event that changed a property's ARI, what a channel
 * manager needs to pull the delta at once ({@code GET .../ari?since=<its last cursor>}). The webhook dispatcher
 * calls {@link #of} for each event it reads from the outbox and delivers the answer, if any, to the subscriptions
 * of {@code ari.changed}. Which events move the feed is {@link AriChanges}'s to say.
 */
final class AriChangedEvents {

    /** The event type's wire name. */
    static final String TYPE = "ari.changed";

    /**
     * The payload: the property, the feed's cursor just past the change ({@code next_cursor} of a delta read now
     * includes it), and what may have changed: room types, rate plans, and the nights {@code [from, to)}, both
     * {@code null} for every night.
     */
    record AriChanged(String propertyId, String cursor, List<String> roomTypes, List<String> ratePlans,
                      @Nullable LocalDate from, @Nullable LocalDate to) {}

    private final AriChanges changes;

    AriChangedEvents(AriChanges changes) {
        this.changes = changes;
    }

    /** The {@code ari.changed} payload of {@code stored}, or empty if it changed no ARI. */
    Optional<AriChanged> of(Outbox.StoredEvent stored) {
        return changes.of(stored.event()).map(change -> new AriChanged(change.property().value(),
                new AriCursor(change.property(), stored.position()).encode(),
                change.roomTypes().stream().sorted().toList(), change.ratePlans().stream().sorted().toList(),
                change.nights() == null ? null : change.nights().start(),
                change.nights() == null ? null : change.nights().end()));
    }
}
