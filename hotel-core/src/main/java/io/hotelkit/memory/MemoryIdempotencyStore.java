package io.hotelkit.memory;

import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.IdempotencyStore;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Idempotency keys in memory. Writing transactions run one at a time here, so a claim never has to wait. */
final class MemoryIdempotencyStore implements IdempotencyStore {

    private final MemoryTable<Entry> entries;
    private final Clock clock;

    MemoryIdempotencyStore(MemoryTransactions transactions, Clock clock) {
        this.entries = MemoryTable.keyed(transactions);
        this.clock = clock;
    }

    @Override
    public Claim claim(IdempotencyKey key, String fingerprint) {
        Instant now = clock.instant();
        Entry entry = entries.get(id(key)).filter(e -> e.createdAt().plus(RETENTION).isAfter(now)).orElse(null);
        if (entry == null) {
            entries.put(id(key), new Entry(fingerprint, null, now));
            return new Claim.Fresh();
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        if (entry.outcome() == null) {
            throw new IllegalStateException("idempotency key claimed twice in one transaction");
        }
        return new Claim.Completed(entry.outcome());
    }

    @Override
    public void complete(IdempotencyKey key, String outcome) {
        Entry entry = entries.get(id(key)).orElseThrow(() -> new IllegalStateException("idempotency key was not claimed"));
        entries.put(id(key), new Entry(entry.fingerprint(), outcome, entry.createdAt()));
    }

    private static String id(IdempotencyKey key) {
        return key.scope() + '\u0000' + key.key();
    }

    private record Entry(String fingerprint, @Nullable String outcome, Instant createdAt) {}
}
