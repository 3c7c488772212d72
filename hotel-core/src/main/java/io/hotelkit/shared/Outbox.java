package io.hotelkit.shared;

import java.util.List;

/**
 * The transactional outbox: events appended inside a transaction become visible when it commits, and
 * never otherwise. Readers follow it by position: positions only grow, and a reader that has seen
 * position {@code p} finds every later event with {@link #readAfter}.
 */
public interface Outbox {

    /** Appends an event to the current transaction; requires an active transaction. */
    void append(DomainEvent event);

    /** Committed events after {@code position}, oldest first, at most {@code limit}. */
    List<StoredEvent> readAfter(long position, int limit);

    /**
     * The position of the newest committed event, 0 when there is none. This default reads the whole
     * outbox; an adapter answers it from its index.
     */
    default long lastPosition() {
        long position = 0;
        for (List<StoredEvent> page = readAfter(0, 1_000); !page.isEmpty(); page = readAfter(position, 1_000)) {
            position = page.getLast().position();
        }
        return position;
    }

    /**
     * The position of the newest committed event of {@code propertyId} at or below {@code atMost}, 0 when there
     * is none. This default reads the outbox up to {@code atMost}; an adapter answers it from its index.
     */
    default long lastPosition(PropertyId propertyId, long atMost) {
        long last = 0;
        long position = 0;
        for (List<StoredEvent> page = readAfter(0, 1_000); !page.isEmpty(); page = readAfter(position, 1_000)) {
            for (StoredEvent stored : page) {
                if (stored.position() > atMost) {
                    return last;
                }
                if (propertyId.equals(stored.event().propertyId())) {
                    last = stored.position();
                }
                position = stored.position();
            }
        }
        return last;
    }

    /** Committed events about one thing, newest first, at most {@code limit}: the audit trail of that entity. */
    default List<StoredEvent> history(PropertyId propertyId, String entity, String entityId, int limit) {
        return history(propertyId, entity, entityId, Long.MAX_VALUE, limit);
    }

    /**
     * Committed events about one thing at positions below {@code beforePosition}, newest first, at most
     * {@code limit}: a page of its audit trail, the next page starting below the last position of this one.
     */
    List<StoredEvent> history(PropertyId propertyId, String entity, String entityId, long beforePosition, int limit);

    /** An event with its position in the outbox. */
    record StoredEvent(long position, DomainEvent event) {}
}
