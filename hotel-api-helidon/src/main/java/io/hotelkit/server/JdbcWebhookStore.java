package io.hotelkit.server;

import io.hotelkit.jpa.JpaStore;
import io.hotelkit.shared.PropertyId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Webhook subscriptions in the hotel's database (migration V11), through {@link JpaStore#jdbc}: a call inside
 * a transaction of the hotel joins it. Leases are rows' columns changed by a guarded update, so that of the
 * instances that try at once, one gets a subscription; every write of the dispatcher names its lease owner.
 */
final class JdbcWebhookStore implements WebhookStore {

    private static final String COLUMNS = "property_id, id, url, event_types, secret, status, created_at, position,"
            + " attempts, next_attempt_at, failing_since, disabled_at";

    private final JpaStore store;

    JdbcWebhookStore(JpaStore store) {
        this.store = store;
    }

    @Override
    public void create(Subscription s) {
        store.jdbc(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into webhook_subscriptions (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, s.propertyId().value());
                insert.setString(2, s.id());
                insert.setString(3, s.url());
                insert.setString(4, String.join(" ", s.eventTypes()));
                insert.setString(5, s.secret());
                insert.setString(6, s.status().name());
                insert.setTimestamp(7, Timestamp.from(s.createdAt()));
                insert.setLong(8, s.position());
                insert.setInt(9, s.attempts());
                time(insert, 10, s.nextAttemptAt());
                time(insert, 11, s.failingSince());
                time(insert, 12, s.disabledAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Subscription> find(PropertyId property, String id) {
        return store.jdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select " + COLUMNS
                    + " from webhook_subscriptions where property_id = ? and id = ?")) {
                select.setString(1, property.value());
                select.setString(2, id);
                List<Subscription> found = subscriptions(select);
                return found.isEmpty() ? Optional.<Subscription>empty() : Optional.of(found.getFirst());
            }
        });
    }

    @Override
    public List<Subscription> list(PropertyId property) {
        return store.jdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select " + COLUMNS
                    + " from webhook_subscriptions where property_id = ? order by id")) {
                select.setString(1, property.value());
                return subscriptions(select);
            }
        });
    }

    @Override
    public boolean delete(PropertyId property, String id) {
        return store.jdbc(c -> update(c, "delete from webhook_subscriptions where property_id = ? and id = ?",
                property.value(), id)) == 1;
    }

    @Override
    public List<Subscription> due(Instant now, long lastPosition, int limit) {
        return store.jdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from webhook_subscriptions s"
                    + " where (lease_until is null or lease_until <= ?)"
                    + " and (status = 'ACTIVE' and position < ? and (next_attempt_at is null or next_attempt_at <= ?)"
                    + " or exists (select 1 from webhook_redeliveries r where r.property_id = s.property_id"
                    + " and r.subscription_id = s.id))"
                    + " order by property_id, id fetch first ? rows only")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setLong(2, lastPosition);
                select.setTimestamp(3, Timestamp.from(now));
                select.setInt(4, limit);
                return subscriptions(select);
            }
        });
    }

    @Override
    public boolean lease(PropertyId property, String id, String owner, Instant now, Duration lease) {
        return store.jdbc(c -> {
            try (PreparedStatement update = c.prepareStatement("update webhook_subscriptions set lease_owner = ?,"
                    + " lease_until = ? where property_id = ? and id = ?"
                    + " and (lease_owner is null or lease_owner = ? or lease_until <= ?)")) {
                update.setString(1, owner);
                update.setTimestamp(2, Timestamp.from(now.plus(lease)));
                update.setString(3, property.value());
                update.setString(4, id);
                update.setString(5, owner);
                update.setTimestamp(6, Timestamp.from(now));
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(PropertyId property, String id, String owner) {
        store.jdbc(c -> update(c, "update webhook_subscriptions set lease_owner = null, lease_until = null"
                + " where property_id = ? and id = ? and lease_owner = ?", property.value(), id, owner));
    }

    @Override
    public boolean advance(PropertyId property, String id, String owner, long from, long to) {
        return store.jdbc(c -> {
            try (PreparedStatement update = c.prepareStatement("update webhook_subscriptions set position = ?, attempts = 0,"
                    + " next_attempt_at = null, failing_since = null"
                    + " where property_id = ? and id = ? and lease_owner = ? and position = ?")) {
                update.setLong(1, to);
                update.setString(2, property.value());
                update.setString(3, id);
                update.setString(4, owner);
                update.setLong(5, from);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean failed(PropertyId property, String id, String owner, int attempts, Instant nextAttemptAt,
                          Instant failingSince) {
        return store.jdbc(c -> {
            try (PreparedStatement update = c.prepareStatement("update webhook_subscriptions set attempts = ?,"
                    + " next_attempt_at = ?, failing_since = ? where property_id = ? and id = ? and lease_owner = ?")) {
                update.setInt(1, attempts);
                update.setTimestamp(2, Timestamp.from(nextAttemptAt));
                update.setTimestamp(3, Timestamp.from(failingSince));
                update.setString(4, property.value());
                update.setString(5, id);
                update.setString(6, owner);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean disable(PropertyId property, String id, String owner, Instant at) {
        return store.jdbc(c -> {
            try (PreparedStatement update = c.prepareStatement("update webhook_subscriptions set status = 'DISABLED',"
                    + " next_attempt_at = null, disabled_at = ? where property_id = ? and id = ? and lease_owner = ?")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setString(2, property.value());
                update.setString(3, id);
                update.setString(4, owner);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void replayFrom(PropertyId property, String id, long position) {
        store.jdbc(c -> {
            try (PreparedStatement update = c.prepareStatement("update webhook_subscriptions set status = 'ACTIVE',"
                    + " position = ?, attempts = 0, next_attempt_at = null, failing_since = null, disabled_at = null"
                    + " where property_id = ? and id = ?")) {
                update.setLong(1, position - 1);
                update.setString(2, property.value());
                update.setString(3, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void requestRedelivery(PropertyId property, String id, long position, Instant at) {
        store.jdbc(c -> {
            redelivered(c, property, id, position); // asked twice: delivered once more
            try (PreparedStatement insert = c.prepareStatement("insert into webhook_redeliveries"
                    + " (property_id, subscription_id, position, requested_at) values (?, ?, ?, ?)")) {
                insert.setString(1, property.value());
                insert.setString(2, id);
                insert.setLong(3, position);
                insert.setTimestamp(4, Timestamp.from(at));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<Long> redeliveries(PropertyId property, String id) {
        return store.jdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select position from webhook_redeliveries"
                    + " where property_id = ? and subscription_id = ? order by position")) {
                select.setString(1, property.value());
                select.setString(2, id);
                List<Long> positions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        positions.add(rows.getLong(1));
                    }
                }
                return positions;
            }
        });
    }

    @Override
    public void redelivered(PropertyId property, String id, long position) {
        store.jdbc(c -> redelivered(c, property, id, position));
    }

    private static int redelivered(Connection c, PropertyId property, String id, long position) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from webhook_redeliveries"
                + " where property_id = ? and subscription_id = ? and position = ?")) {
            delete.setString(1, property.value());
            delete.setString(2, id);
            delete.setLong(3, position);
            return delete.executeUpdate();
        }
    }

    @Override
    public void log(PropertyId property, String id, Delivery d) {
        store.jdbc(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into webhook_deliveries (property_id, subscription_id,"
                    + " event_id, event_type, position, attempted_at, status, latency_ms, response_start, error, manual)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, property.value());
                insert.setString(2, id);
                insert.setString(3, d.eventId());
                insert.setString(4, d.eventType());
                insert.setLong(5, d.position());
                insert.setTimestamp(6, Timestamp.from(d.attemptedAt()));
                if (d.status() == null) {
                    insert.setNull(7, Types.INTEGER);
                } else {
                    insert.setInt(7, d.status());
                }
                insert.setLong(8, d.latencyMs());
                insert.setString(9, d.responseStart());
                insert.setString(10, d.error());
                insert.setBoolean(11, d.manual());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<Delivery> deliveries(PropertyId property, String id, long beforeSeq, int limit) {
        return store.jdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select seq, event_id, event_type, position, attempted_at,"
                    + " status, latency_ms, response_start, error, manual from webhook_deliveries"
                    + " where property_id = ? and subscription_id = ? and seq < ? order by seq desc fetch first ? rows only")) {
                select.setString(1, property.value());
                select.setString(2, id);
                select.setLong(3, beforeSeq);
                select.setInt(4, limit);
                List<Delivery> log = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int status = rows.getInt(6);
                        Integer answered = rows.wasNull() ? null : status;
                        log.add(new Delivery(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                                rows.getTimestamp(5).toInstant(), answered, rows.getLong(7), rows.getString(8),
                                rows.getString(9), rows.getBoolean(10)));
                    }
                }
                return log;
            }
        });
    }

    private static int update(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setString(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    private static void time(PreparedStatement statement, int index, @Nullable Instant at) throws SQLException {
        if (at == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(at));
        }
    }

    private static @Nullable Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp at = rows.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static List<Subscription> subscriptions(PreparedStatement select) throws SQLException {
        List<Subscription> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new Subscription(PropertyId.of(rows.getString(1)), rows.getString(2), rows.getString(3),
                        Arrays.asList(rows.getString(4).split(" ")), rows.getString(5), Status.valueOf(rows.getString(6)),
                        rows.getTimestamp(7).toInstant(), rows.getLong(8), rows.getInt(9), instant(rows, 10),
                        instant(rows, 11), instant(rows, 12)));
            }
        }
        return found;
    }
}
