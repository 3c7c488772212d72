package io.hotelkit.jpa;

import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.IdempotencyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency keys in table {@code idempotency_keys}. A claim inserts the key's row in the request's
 * transaction; a second claim of the same key then waits on the primary key until the first transaction
 * ends, and finds the completed row if it committed, or inserts its own if it rolled back. Plain JDBC on
 * the transaction's connection, because a failed insert must not mark the JPA transaction for rollback.
 */
final class JpaIdempotencyStore implements IdempotencyStore {

    private final JpaUnitOfWork transactions;
    private final Clock clock;

    JpaIdempotencyStore(JpaUnitOfWork transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Claim claim(IdempotencyKey key, String fingerprint) {
        Objects.requireNonNull(key, "idempotency key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        transactions.required();
        Instant now = clock.instant();
        return transactions.jdbc(connection -> {
            // Twice at most: a row found taken may be gone (deleted as expired) by the time it is read.
            for (int attempt = 0; attempt < 2; attempt++) {
                if (insertClaim(connection, key, fingerprint, now)) {
                    return new Claim.Fresh();
                }
                Stored stored = lockStored(connection, key);
                if (stored == null) {
                    continue;
                }
                // A claim that committed with no outcome left nothing to replay: it is taken afresh too.
                if (stored.claimedAt.isBefore(now.minus(RETENTION)) || stored.outcome == null) {
                    reclaim(connection, key, fingerprint, now);
                    return new Claim.Fresh();
                }
                if (!stored.fingerprint.equals(fingerprint)) {
                    return new Claim.Mismatch();
                }
                return new Claim.Completed(stored.outcome);
            }
            throw new IllegalStateException("idempotency key '" + key.key() + "' was neither free nor taken twice in a row");
        });
    }

    @Override
    public void complete(IdempotencyKey key, String outcome) {
        Objects.requireNonNull(key, "idempotency key");
        Objects.requireNonNull(outcome, "outcome");
        transactions.required();
        int updated = transactions.jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update idempotency_keys set outcome = ? where scope = ? and idem_key = ?")) {
                update.setString(1, outcome);
                update.setString(2, key.scope());
                update.setString(3, key.key());
                return update.executeUpdate();
            }
        });
        if (updated != 1) {
            throw new IllegalStateException("idempotency key '" + key.key() + "' was not claimed in this transaction");
        }
    }

    /** Inserts the claim; false if the key is taken, once the transaction that took it has ended. */
    private boolean insertClaim(Connection connection, IdempotencyKey key, String fingerprint, Instant now)
            throws SQLException {
        String insert = "insert into idempotency_keys (scope, idem_key, fingerprint, claimed_at) values (?, ?, ?, ?)";
        if (transactions.vendor() == Vendor.POSTGRESQL) {
            // A failed statement would abort a PostgreSQL transaction; this one waits the same way and fails not.
            insert += " on conflict (scope, idem_key) do nothing";
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, key.scope());
            statement.setString(2, key.key());
            statement.setString(3, fingerprint);
            statement.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (StoreFailures.isUniqueViolation(e)) {
                return false; // H2, which goes on after a failed statement
            }
            throw e;
        }
    }

    private static @Nullable Stored lockStored(Connection connection, IdempotencyKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select fingerprint, outcome, claimed_at from idempotency_keys where scope = ? and idem_key = ? for update")) {
            select.setString(1, key.scope());
            select.setString(2, key.key());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Stored(row.getString(1), row.getString(2), row.getObject(3, OffsetDateTime.class).toInstant());
            }
        }
    }

    private static void reclaim(Connection connection, IdempotencyKey key, String fingerprint, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update idempotency_keys set fingerprint = ?, outcome = null, claimed_at = ? where scope = ? and idem_key = ?")) {
            update.setString(1, fingerprint);
            update.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setString(3, key.scope());
            update.setString(4, key.key());
            update.executeUpdate();
        }
    }

    private record Stored(String fingerprint, @Nullable String outcome, Instant claimedAt) {}
}
