package io.hotelkit.jpa;

import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.shared.DuplicateException;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JpaApiKeys implements ApiKeys {

    private final JpaUnitOfWork transactions;
    private final String self;

    /** @param self the store's id, sent in the notification that tells other processes a key changed */
    JpaApiKeys(JpaUnitOfWork transactions, String self) {
        this.transactions = transactions;
        this.self = self;
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return transactions.call(em -> em.createQuery(
                        "from ApiKeyEntity k left join fetch k.propertyIds where k.hash = :hash", ApiKeyEntity.class)
                .setParameter("hash", hash)
                .getResultList().stream()
                .findFirst()
                .map(AccessMapper::toDomain));
    }

    @Override
    public Optional<ApiKey> findBy(String id) {
        return transactions.call(em -> em.createQuery(
                        "from ApiKeyEntity k left join fetch k.propertyIds where k.id = :id", ApiKeyEntity.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst()
                .map(AccessMapper::toDomain));
    }

    @Override
    public List<ApiKey> list() {
        return transactions.call(em -> em.createQuery(
                        "from ApiKeyEntity k left join fetch k.propertyIds order by k.id", ApiKeyEntity.class)
                .getResultList().stream()
                .map(AccessMapper::toDomain)
                .toList());
    }

    @Override
    public boolean any() {
        return transactions.call(em -> !em.createQuery("select id from ApiKeyEntity", String.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
    }

    @Override
    public void save(ApiKey apiKey) {
        Objects.requireNonNull(apiKey, "api key");
        transactions.call(em -> {
            em.createQuery("select id from ApiKeyEntity where hash = :hash and id <> :id", String.class)
                    .setParameter("hash", apiKey.hash())
                    .setParameter("id", apiKey.id())
                    .getResultList().stream()
                    .findFirst()
                    .ifPresent(existing -> {
                        throw new DuplicateException("api key", apiKey.name(), existing);
                    });
            ApiKeyEntity row = em.createQuery(
                            "from ApiKeyEntity k left join fetch k.propertyIds where k.id = :id", ApiKeyEntity.class)
                    .setParameter("id", apiKey.id())
                    .getResultList().stream()
                    .findFirst()
                    .orElse(null);
            if (row == null) {
                row = new ApiKeyEntity();
                AccessMapper.copy(apiKey, row);
                em.persist(row);
            } else {
                AccessMapper.copy(apiKey, row);
            }
            try {
                em.flush();
            } catch (PersistenceException e) {
                if (StoreFailures.isUniqueViolation(e)) {
                    DuplicateException duplicate = new DuplicateException("api key", apiKey.name(), null);
                    duplicate.initCause(e);
                    throw duplicate;
                }
                throw e;
            }
            // Delivered when the key's transaction commits: other processes forget what they kept of keys.
            Notifications.send(transactions, Notifications.API_KEYS, self);
            return null;
        });
    }
}
