package io.hotelkit.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Runs creating requests at most once per idempotency key. */
public final class Idempotency {

    private final IdempotencyStore store;
    private final UnitOfWork transactions;

    public Idempotency(IdempotencyStore store, UnitOfWork transactions) {
        this.store = Objects.requireNonNull(store, "idempotency store");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
    }

    /**
     * Creates with {@code create} unless {@code key} was used before for the same request, in which case
     * the earlier outcome is rebuilt with {@code replay}; one transaction either way.
     *
     * @param key the client's key, or {@code null} to always create
     * @param request what the client asked for; requests are the same when their canonical texts are
     * @param outcome what to remember of a result (its id, a rendered response)
     * @throws IdempotencyKeyReusedException if the key was used for a different request
     */
    public <T> T once(
            @Nullable IdempotencyKey key,
            String request,
            Supplier<T> create,
            Function<T, String> outcome,
            Function<String, T> replay) {
        if (key == null) {
            return transactions.inTransaction(create);
        }
        String fingerprint = fingerprint(request);
        return transactions.inTransaction(() -> switch (store.claim(key, fingerprint)) {
            case IdempotencyStore.Claim.Completed done -> replay.apply(done.outcome());
            case IdempotencyStore.Claim.Mismatch mismatch -> throw new IdempotencyKeyReusedException(key);
            case IdempotencyStore.Claim.Fresh fresh -> {
                T result = create.get();
                store.complete(key, outcome.apply(result));
                yield result;
            }
        });
    }

    /** The SHA-256 of a request's canonical text, in hex. */
    public static String fingerprint(String request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
