package io.hotelkit.shared;

import java.time.Duration;

/**
 * Remembers the outcome of creating requests by key, in the same transaction as what they create, so
 * that a retried request creates nothing new. {@link Idempotency} is how services use it.
 */
public interface IdempotencyStore {

    /** How long a key is remembered. */
    Duration RETENTION = Duration.ofHours(24);

    /**
     * Claims {@code key} for a request with this fingerprint in the current transaction. A store must make
     * a concurrent claim of the same key wait for, or fail on, this transaction, so that only one of two
     * concurrent requests ever runs; a key older than {@link #RETENTION} is claimed afresh.
     */
    Claim claim(IdempotencyKey key, String fingerprint);

    /** Records the outcome of the request that claimed {@code key} in the current transaction. */
    void complete(IdempotencyKey key, String outcome);

    /** What a claim found. */
    sealed interface Claim {
        /** The key is new: run the request, then {@link #complete} it. */
        record Fresh() implements Claim {}

        /** The same request ran before: this is its outcome. */
        record Completed(String outcome) implements Claim {}

        /** The key was used before for a different request. */
        record Mismatch() implements Claim {}
    }
}
