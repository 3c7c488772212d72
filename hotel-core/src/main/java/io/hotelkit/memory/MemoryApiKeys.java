package io.hotelkit.memory;

import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import java.util.List;
import java.util.Optional;

final class MemoryApiKeys implements ApiKeys {

    private final MemoryTable<ApiKey> table;

    MemoryApiKeys(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return table.scan("", key -> key.hash().equals(hash)).stream().findFirst();
    }

    @Override
    public Optional<ApiKey> findBy(String id) {
        return table.get(id);
    }

    @Override
    public List<ApiKey> list() {
        return table.scan("", key -> true);
    }

    @Override
    public boolean any() {
        return !table.scan("", null, key -> true, 1).isEmpty();
    }

    @Override
    public void save(ApiKey apiKey) {
        table.put(apiKey.id(), apiKey);
    }
}
