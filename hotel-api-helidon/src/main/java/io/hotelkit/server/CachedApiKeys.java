package io.hotelkit.server;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.shared.StoreUnavailableException;
import io.hotelkit.shared.UnitOfWork;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The stored API keys with the valid ones kept in memory for a short while, so that authenticating a
 * request needs no database transaction of its own. Only a found, unrevoked key is kept (an unknown key
 * is looked up every time, so a key made on another instance works there at once); a key saved through
 * this instance (revoked, say) is dropped from it at once and again when its transaction commits.
 *
 * <p>Requests that need the same key read while one read of it is in flight share that read's answer
 * rather than queueing behind it each with a read of its own: when the database is slow or gone, they all
 * get the one read's answer or failure together.
 *
 * <p>Another instance on the same database that makes or revokes a key tells this one (a PostgreSQL
 * notification: {@link #forgetAll()}), and with read-your-writes on, every request first compares the
 * number of keys ever revoked with the one this cache last saw ({@link #revocations(long)}), so that a key
 * revoked anywhere is refused here by the first request that follows the revocation. Without either (H2,
 * or read-your-writes off and a notification lost), an entry lives at most {@code lifetime}. A lifetime of
 * zero keeps nothing and reads the database on every request.
 */
final class CachedApiKeys implements ApiKeys {

    private static final long MAXIMUM_SIZE = 10_000;
    /** The longest a request waits for another's read of its key: past the pool's connection timeout. */
    private static final Duration SHARED_READ_TIMEOUT = Duration.ofSeconds(2);

    private final ApiKeys stored;
    private final UnitOfWork transactions;
    private final @Nullable AsyncCache<String, Optional<ApiKey>> valid;
    /** The number of keys ever revoked when this cache last compared it; -1 before the first time. */
    private long revocations = -1;

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
                .buildAsync();
    }

    /**
     * The key whose hash is {@code hash}, from memory if this instance found it valid less than the lifetime
     * ago. The read runs on the calling thread; requests for the same hash meanwhile wait for its answer.
     * An unknown or revoked key is not kept. An invalidation while a read is in flight drops that read's
     * entry, so a revocation committed here is never undone by a slow read.
     */
    @Override
    public Optional<ApiKey> findByHash(String hash) {
        AsyncCache<String, Optional<ApiKey>> cache = valid;
        if (cache == null) {
            return stored.findByHash(hash);
        }
        CompletableFuture<Optional<ApiKey>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ApiKey>> shared = cache.asMap().putIfAbsent(hash, mine);
        if (shared == null) {
            try {
                Optional<ApiKey> found = stored.findByHash(hash);
                mine.complete(found);
                if (found.isEmpty() || found.get().isRevoked()) {
                    cache.asMap().remove(hash, mine);
                }
                return found;
            } catch (RuntimeException | Error e) {
                cache.asMap().remove(hash, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return shared.get(SHARED_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("reading an API key failed", e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("reading an API key took longer than " + SHARED_READ_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while reading an API key", e);
        }
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

    /**
     * Forgets every key kept, and every read in flight (its answer goes to its own request only): a key
     * may have been revoked on another instance.
     */
    void forgetAll() {
        AsyncCache<String, Optional<ApiKey>> cache = valid;
        if (cache != null) {
            cache.asMap().clear();
        }
    }

    /**
     * Compares the number of keys ever revoked (read from the database after the request arrived) with the
     * number this cache last saw, and forgets every key kept if it has grown: a key was revoked somewhere.
     * Revoking is final, so the number never shrinks and a revocation always changes it.
     */
    synchronized void revocations(long revoked) {
        if (revoked != revocations) {
            forgetAll();
            revocations = revoked;
        }
    }

    /** Saves {@code apiKey} and forgets what this instance kept of it, now and once the change has committed. */
    @Override
    public void save(ApiKey apiKey) {
        stored.save(apiKey);
        AsyncCache<String, Optional<ApiKey>> cache = valid;
        if (cache == null) {
            return;
        }
        cache.synchronous().invalidate(apiKey.hash());
        if (transactions.inTransaction()) {
            transactions.afterCommit(() -> cache.synchronous().invalidate(apiKey.hash()));
        }
    }
}
