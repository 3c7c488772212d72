package io.hotelkit.jpa;

import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outbox in table {@code outbox_events}.
 *
 * <p>Readers follow the outbox by position, so a position must never become visible after a higher one
 * has been read: an identity column fails that, since a transaction that took position 7 may commit after
 * one that took 8, and a reader that has seen 8 never looks at 7 again. So positions are not taken when
 * an event is appended but just before the transaction commits: {@link #append} keeps the event in the
 * transaction, and the commit first moves the single counter row of {@code outbox_position} on by the
 * number of events, then inserts them at the positions it got, then commits. Updating the counter locks
 * its row until the transaction ends, so transactions with events take their positions and commit one
 * after another, in position order, and one that rolls back gives its positions back.
 *
 * <p>The price is that commits of transactions with events are serialized for the short time between
 * taking positions and committing (one insert per event). The alternative, readers stopping below the
 * oldest position still in flight, needs PostgreSQL's transaction snapshots and has no H2 equivalent.
 */
final class JpaOutbox implements Outbox {

    private final JpaUnitOfWork transactions;

    JpaOutbox(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        OutboxEventEntity row = EventMapper.toEntity(0, event); // fails on unstorable data now, not at commit
        JpaUnitOfWork.Tx tx = transactions.required();
        List<OutboxEventEntity> pending = tx.resource(this, this::pendingEvents);
        pending.add(row);
    }

    private List<OutboxEventEntity> pendingEvents(JpaUnitOfWork.Tx tx) {
        List<OutboxEventEntity> pending = new ArrayList<>();
        tx.beforeCommit(() -> insert(tx.entityManager, pending));
        return pending;
    }

    private void insert(EntityManager em, List<OutboxEventEntity> events) {
        // one round trip: the counter moved on and read back in the same statement
        String takePositions = transactions.vendor() == Vendor.POSTGRESQL
                ? "update outbox_position set last_position = last_position + ?1 where id = 1 returning last_position"
                : "select last_position from final table (update outbox_position set last_position = last_position + ?1 where id = 1)";
        long last = ((Number) em.createNativeQuery(takePositions)
                .setParameter(1, events.size())
                .getSingleResult()).longValue();
        long position = last - events.size();
        for (OutboxEventEntity event : events) {
            event.position = ++position;
            em.persist(event);
        }
        em.flush();
    }

    @Override
    public List<StoredEvent> readAfter(long position, int limit) {
        Limits.require(limit);
        return transactions.call(em -> em.createQuery(
                        "from OutboxEventEntity where position > :after order by position", OutboxEventEntity.class)
                .setParameter("after", position)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(EventMapper::toDomain)
                .toList());
    }

    /** The newest committed position, from the primary key's index. */
    @Override
    public long lastPosition() {
        return transactions.call(em -> em.createQuery("select coalesce(max(position), 0) from OutboxEventEntity", Long.class)
                .getSingleResult());
    }

    /** A page from index {@code outbox_events_history}: (property, entity, entity id, position). */
    @Override
    public List<StoredEvent> history(PropertyId propertyId, String entity, String entityId, long beforePosition,
                                     int limit) {
        Limits.require(limit);
        return transactions.call(em -> em.createQuery("""
                        from OutboxEventEntity
                        where propertyId = :property and entity = :entity and entityId = :entityId
                          and position < :before
                        order by position desc""", OutboxEventEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("entity", entity)
                .setParameter("entityId", entityId)
                .setParameter("before", beforePosition)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(EventMapper::toDomain)
                .toList());
    }
}
