package io.hotelkit.jpa;

import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outbox in table {@code outbox_events}.
 *
 * <p>Readers follow the outbox by position, so a position must never become visible after a higher one
 * has been read: an identity column fails that, since a transaction that took position 7 may commit after
 * one that took 8, and a reader that has seen 8 never looks at 7 again. So a writing transaction gives its
 * events no position: {@link #append} keeps them in the transaction, which inserts them just before it
 * commits, numbered by the table's own {@code seq} in the order they were appended. Positions are given
 * after commit, by readers: {@link #readAfter}, {@link #lastPosition} and {@link #history} first lock the
 * single counter row of {@code outbox_position}, give the committed events that have no position the next
 * positions in {@code seq} order, move the counter on, and then read. Only the holder of the counter's lock
 * gives positions, and only to committed events, so positions become visible in order and without gaps,
 * and events of a rolled-back transaction never get one. Events keep the order of their transaction, and a
 * transaction that began after another committed has its events after the other's (its {@code seq}s were
 * taken later); events of transactions that ran at the same time may interleave.
 *
 * <p>Before V6 the writing transaction took its positions from the counter row itself and held its lock
 * until it had committed: every transaction with events (every booking) waited for the previous one's
 * commit to reach the disk, so PostgreSQL could never flush two commits together. Now writers take no lock
 * in the outbox, and readers (the SSE stream, {@code Hotel.catchUp} once a second) pay for the positions,
 * a few statements per read that finds new events.
 */
final class JpaOutbox implements Outbox {

    /** The most events a reader gives positions to in one transaction; the rest get theirs on the next read. */
    static final int POSITIONS_PER_READ = 5_000;

    private final JpaUnitOfWork transactions;
    private final String self;

    /** @param self the store's id, sent in the notification that tells other processes of new events */
    JpaOutbox(JpaUnitOfWork transactions, String self) {
        this.transactions = transactions;
        this.self = self;
    }

    @Override
    public void append(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        OutboxEventEntity row = EventMapper.toEntity(event); // fails on unstorable data now, not at commit
        JpaUnitOfWork.Tx tx = transactions.required();
        List<OutboxEventEntity> pending = tx.resource(this, this::pendingEvents);
        pending.add(row);
    }

    private List<OutboxEventEntity> pendingEvents(JpaUnitOfWork.Tx tx) {
        List<OutboxEventEntity> pending = new ArrayList<>();
        tx.beforeCommit(() -> insert(tx.entityManager, pending));
        return pending;
    }

    /**
     * Inserts a transaction's events, in the order appended (one batch); they get positions after commit.
     * On PostgreSQL the transaction also notifies {@value Notifications#OUTBOX}: other processes hear of the
     * events when they are committed, and only then.
     */
    private void insert(EntityManager em, List<OutboxEventEntity> events) {
        if (transactions.vendor() == Vendor.POSTGRESQL) {
            insertAndNotify(events);
            return;
        }
        for (OutboxEventEntity event : events) {
            em.persist(event);
        }
        em.flush();
        Notifications.send(transactions, Notifications.OUTBOX, self);
    }

    /**
     * PostgreSQL: the events inserted in the order appended (their {@code seq}s taken in it) and the notification
     * sent, in one statement: one round trip where a batch of inserts and a {@code pg_notify} took two.
     */
    private void insertAndNotify(List<OutboxEventEntity> events) {
        int n = events.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] entities = new String[n];
        String[] properties = new String[n];
        String[] entityIds = new String[n];
        String[] actors = new String[n];
        String[] times = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            OutboxEventEntity event = events.get(i);
            ids[i] = event.eventId;
            types[i] = event.type;
            entities[i] = event.entity;
            properties[i] = event.propertyId;
            entityIds[i] = event.entityId;
            actors[i] = event.actor;
            times[i] = event.occurredAt.toString();
            data[i] = event.data;
        }
        transactions.jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_AND_NOTIFY_POSTGRESQL)) {
                Object[][] columns = {ids, types, entities, properties, entityIds, actors, times, data};
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 1, connection.createArrayOf("varchar", columns[c]));
                }
                insert.setString(columns.length + 1, Notifications.OUTBOX);
                insert.setString(columns.length + 2, self);
                insert.execute();
            }
            return null;
        });
    }

    private static final String INSERT_AND_NOTIFY_POSTGRESQL = """
            with appended as (
                insert into outbox_events (event_id, type, entity, property_id, entity_id, actor, occurred_at, data)
                select e.event_id, e.type, e.entity, e.property_id, e.entity_id, e.actor, cast(e.occurred_at as timestamptz),
                    cast(e.data as jsonb)
                from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
                    cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]))
                    with ordinality as e(event_id, type, entity, property_id, entity_id, actor, occurred_at, data, i)
                order by e.i
                returning 1)
            select pg_notify(?, ?)""";

    /**
     * Gives the committed events without a position the next positions, at most {@code most}, under the
     * counter row's lock, in the current transaction; answers how many got one.
     */
    private int givePositions(int most) {
        return transactions.jdbc(connection -> {
            try (PreparedStatement waiting = connection.prepareStatement(
                    "select 1 from outbox_events where position is null fetch first 1 rows only");
                    ResultSet any = waiting.executeQuery()) {
                if (!any.next()) {
                    return 0; // the usual case for a reader that is up to date: no lock taken
                }
            }
            long last;
            try (PreparedStatement lock = connection.prepareStatement(
                    "select last_position from outbox_position where id = 1 for update");
                    ResultSet row = lock.executeQuery()) {
                row.next();
                last = row.getLong(1);
            }
            // A statement of its own after the lock: it sees what a reader that held the lock before committed.
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select seq from outbox_events where position is null order by seq fetch first ? rows only")) {
                select.setInt(1, most);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seqs.add(rows.getLong(1));
                    }
                }
            }
            if (seqs.isEmpty()) {
                return 0;
            }
            try (PreparedStatement give = connection.prepareStatement("update outbox_events set position = ? where seq = ?")) {
                for (long seq : seqs) {
                    give.setLong(1, ++last);
                    give.setLong(2, seq);
                    give.addBatch();
                }
                give.executeBatch();
            }
            try (PreparedStatement move = connection.prepareStatement("update outbox_position set last_position = ? where id = 1")) {
                move.setLong(1, last);
                move.executeUpdate();
            }
            return seqs.size();
        });
    }

    @Override
    public List<StoredEvent> readAfter(long position, int limit) {
        Limits.require(limit);
        return transactions.call(em -> {
            givePositions(POSITIONS_PER_READ);
            return em.createQuery("from OutboxEventEntity where position > :after order by position", OutboxEventEntity.class)
                .setParameter("after", position)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(EventMapper::toDomain)
                .toList();
        });
    }

    /** The newest committed position, once every committed event has one; from the index of positions. */
    @Override
    public long lastPosition() {
        return transactions.call(em -> {
            while (givePositions(POSITIONS_PER_READ) == POSITIONS_PER_READ) {
                // more than one read's worth were waiting
            }
            return em.createQuery("select coalesce(max(position), 0) from OutboxEventEntity", Long.class).getSingleResult();
        });
    }

    /**
     * From index {@code outbox_events_history}, whose first column is the property: one property's entries
     * (one shard's, sharded by property), read once per property by a server instance.
     */
    @Override
    public long lastPosition(PropertyId propertyId, long atMost) {
        return transactions.call(em -> em.createQuery("""
                    select coalesce(max(position), 0) from OutboxEventEntity
                    where propertyId = :property and position <= :atMost""", Long.class)
                .setParameter("property", propertyId.value())
                .setParameter("atMost", atMost)
                .getSingleResult());
    }

    /** A page from index {@code outbox_events_history}: (property, entity, entity id, position). */
    @Override
    public List<StoredEvent> history(PropertyId propertyId, String entity, String entityId, long beforePosition,
                                     int limit) {
        Limits.require(limit);
        return transactions.call(em -> {
            givePositions(POSITIONS_PER_READ);
            return em.createQuery("""
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
                .toList();
        });
    }
}
