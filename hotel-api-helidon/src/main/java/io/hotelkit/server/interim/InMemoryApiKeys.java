package io.hotelkit.server.interim;

import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** API keys in a map, found by id or by hash. */
public final class InMemoryApiKeys implements ApiKeys {

    private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public Optional<ApiKey> findBy(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<ApiKey> list() {
        return byId.values().stream().sorted(Comparator.comparing(ApiKey::id)).toList();
    }

    @Override
    public boolean any() {
        return !byId.isEmpty();
    }

    @Override
    public synchronized void save(ApiKey apiKey) {
        ApiKey before = byId.get(apiKey.id());
        if (before != null && !before.hash().equals(apiKey.hash())) {
            throw new IllegalArgumentException("the hash of API key " + apiKey.id() + " never changes");
        }
        byId.put(apiKey.id(), apiKey);
        byHash.put(apiKey.hash(), apiKey);
    }
}
