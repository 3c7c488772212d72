package io.hotelkit.server.interim;

import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.IdempotencyStore;
import io.hotelkit.shared.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency records in a map. A claim is undone when its transaction rolls back. A claim of a key
 * whose first request is still running fails with {@link KeyInUseException}, where a database would
 * make it wait.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Map<IdempotencyKey, Entry> entries = new ConcurrentHashMap<>();
    private final UnitOfWork transactions;
    private final Clock clock;

    public InMemoryIdempotencyStore(UnitOfWork transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Claim claim(IdempotencyKey key, String fingerprint) {
        Instant now = clock.instant();
        Entry claimed = new Entry(fingerprint, null, now);
        Entry found = entries.compute(key, (k, existing) ->
                existing == null || existing.claimedAt().plus(RETENTION).isBefore(now) ? claimed : existing);
        if (found == claimed) {
            transactions.afterRollback(() -> entries.remove(key, claimed));
            return new Claim.Fresh();
        }
        if (!found.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        if (found.outcome() == null) {
            throw new KeyInUseException(key);
        }
        return new Claim.Completed(found.outcome());
    }

    @Override
    public void complete(IdempotencyKey key, String outcome) {
        entries.computeIfPresent(key, (k, entry) -> new Entry(entry.fingerprint(), outcome, entry.claimedAt()));
    }

    private record Entry(String fingerprint, @Nullable String outcome, Instant claimedAt) {}

    /** A claim met a key whose first request has not finished. */
    public static final class KeyInUseException extends IllegalStateException {
        public KeyInUseException(IdempotencyKey key) {
            super("idempotency key '" + key.key() + "' is in use by a running request");
        }
    }
}
