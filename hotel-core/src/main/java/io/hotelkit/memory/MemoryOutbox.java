package io.hotelkit.memory;

import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import java.util.ArrayList;
import java.util.List;

/** The outbox in memory: events become visible, in order, when their transaction commits. */
final class MemoryOutbox implements Outbox {

    private final MemoryTransactions transactions;
    /** Committed events, guarded by itself; an event's position is its index + 1. */
    private final List<DomainEvent> events = new ArrayList<>();

    MemoryOutbox(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(DomainEvent event) {
        transactions.require().onCommit(() -> {
            synchronized (events) {
                events.add(event);
            }
        });
    }

    @Override
    public List<StoredEvent> readAfter(long position, int limit) {
        List<StoredEvent> read = new ArrayList<>();
        synchronized (events) {
            for (long p = Math.max(position, 0); p < events.size() && read.size() < limit; p++) {
                read.add(new StoredEvent(p + 1, events.get((int) p)));
            }
        }
        return read;
    }

    @Override
    public long lastPosition() {
        synchronized (events) {
            return events.size();
        }
    }

    @Override
    public List<StoredEvent> history(PropertyId propertyId, String entity, String entityId, long beforePosition,
                                     int limit) {
        List<StoredEvent> found = new ArrayList<>();
        List<DomainEvent> all;
        synchronized (events) {
            all = List.copyOf(events);
        }
        int below = (int) Math.min(all.size(), Math.max(0, beforePosition - 1));
        for (int i = below - 1; i >= 0 && found.size() < limit; i--) {
            DomainEvent event = all.get(i);
            if ((propertyId == null || propertyId.equals(event.propertyId())) && event.type().entity().equals(entity)
                    && event.entityId().equals(entityId)) {
                found.add(new StoredEvent(i + 1, event));
            }
        }
        return found;
    }
}
