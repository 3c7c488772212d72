package io.hotelkit.jpa;

import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

final class JpaProperties implements Properties {

    private final JpaUnitOfWork transactions;

    JpaProperties(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Property> findBy(PropertyId id) {
        return transactions.call(em -> load(em, id.value()).map(InventoryMapper::toDomain));
    }

    @Override
    public Optional<Property> findByCode(String code) {
        return transactions.call(em -> em.createQuery("from PropertyEntity where code = :code", PropertyEntity.class)
                .setParameter("code", code)
                .getResultList().stream()
                .findFirst()
                .map(InventoryMapper::toDomain));
    }

    @Override
    public List<Property> list(@Nullable PropertyId afterId, int limit) {
        Limits.require(limit);
        return transactions.call(em -> em.createQuery(
                        "from PropertyEntity where id > :after order by id", PropertyEntity.class)
                .setParameter("after", afterId == null ? "" : afterId.value())
                .setMaxResults(limit)
                .getResultList().stream()
                .map(InventoryMapper::toDomain)
                .toList());
    }

    @Override
    public Property save(Property property) {
        Objects.requireNonNull(property, "property");
        String id = property.id().value();
        return transactions.call(em -> {
            // The code is checked first so that a taken code is refused without failing the transaction.
            em.createQuery("select id from PropertyEntity where code = :code and id <> :id", String.class)
                    .setParameter("code", property.code())
                    .setParameter("id", id)
                    .getResultList().stream()
                    .findFirst()
                    .ifPresent(existing -> {
                        throw new DuplicateException("property", property.code(), existing);
                    });
            PropertyEntity row = VersionedEntity.save(em, load(em, id).orElse(null), property.version(),
                    new VersionedEntity.Spec<>("property", id, property.code(),
                            null,
                            PropertyEntity::new, to -> InventoryMapper.copy(property, to)));
            return InventoryMapper.toDomain(row);
        });
    }

    private static Optional<PropertyEntity> load(EntityManager em, String id) {
        return em.createQuery("from PropertyEntity where id = :id", PropertyEntity.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }
}
