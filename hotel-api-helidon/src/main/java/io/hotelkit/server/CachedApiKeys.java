package io.hotelkit.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.shared.UnitOfWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The stored API keys with the valid ones kept in memory for a short while, so that authenticating a
 * request needs no database transaction of its own. Only a found, unrevoked key is kept (an unknown key
 * is looked up every time, so a key made on another instance works there at once); a key saved through
 * this instance (revoked, say) is dropped from it at once and again when its transaction commits.
 *
 * <p>The trade-off: a key revoked on <em>another</em> instance on the same database still authenticates
 * here until its entry is {@code lifetime} old. A lifetime of zero keeps nothing and reads the database
 * on every request.
 */
final class CachedApiKeys implements ApiKeys {

    private static final long MAXIMUM_SIZE = 10_000;

    private final ApiKeys stored;
    private final UnitOfWork transactions;
    private final @Nullable Cache<String, ApiKey> valid;

    CachedApiKeys(ApiKeys stored, UnitOfWork transactions, Duration lifetime, Ticker ticker) {
        this.stored = Objects.requireNonNull(stored, "stored api keys");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("api key cache lifetime must not be negative: " + lifetime);
        }
        this.valid = lifetime.isZero() ? null : Caffeine.newBuilder()
                .maximumSize(MAXIMUM_SIZE)
                .expireAfterWrite(lifetime)
                .ticker(ticker)
                .build();
    }

    /**
     * The unrevoked key whose hash is {@code hash}, from memory if this instance found it less than the
     * lifetime ago. A revoked or unknown key is read from the store (and an unknown one never kept).
     */
    @Override
    public Optional<ApiKey> findByHash(String hash) {
        // Loaded under Caffeine's per-key lock: an invalidation of this hash waits for a load in flight
        // and then removes what it loaded, so a revocation committed here is never undone by a slow read.
        if (valid == null) {
            return stored.findByHash(hash);
        }
        List<Optional<ApiKey>> read = new ArrayList<>(1);
        ApiKey key = valid.get(hash, h -> {
            Optional<ApiKey> found = stored.findByHash(h);
            read.add(found);
            return found.filter(k -> !k.isRevoked()).orElse(null);
        });
        if (key != null) {
            return Optional.of(key);
        }
        return read.isEmpty() ? stored.findByHash(hash) : read.getFirst();
    }

    @Override
    public Optional<ApiKey> findBy(String id) {
        return stored.findBy(id);
    }

    @Override
    public List<ApiKey> list() {
        return stored.list();
    }

    @Override
    public boolean any() {
        return stored.any();
    }

    /** Saves {@code apiKey} and forgets what this instance kept of it, now and once the change has committed. */
    @Override
    public void save(ApiKey apiKey) {
        stored.save(apiKey);
        Cache<String, ApiKey> cache = valid;
        if (cache == null) {
            return;
        }
        cache.invalidate(apiKey.hash());
        if (transactions.inTransaction()) {
            transactions.afterCommit(() -> cache.invalidate(apiKey.hash()));
        }
    }
}
