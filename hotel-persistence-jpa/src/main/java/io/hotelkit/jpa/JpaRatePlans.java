package io.hotelkit.jpa;

import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JpaRatePlans implements RatePlans {

    private final JpaUnitOfWork transactions;

    JpaRatePlans(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<RatePlan> findBy(PropertyId propertyId, String code) {
        return transactions.call(em -> load(em, propertyId.value(), code).map(RatesMapper::toDomain));
    }

    @Override
    public List<RatePlan> list(PropertyId propertyId) {
        return transactions.call(em -> em.createQuery(
                        "from RatePlanEntity where propertyId = :property order by code", RatePlanEntity.class)
                .setParameter("property", propertyId.value())
                .getResultList().stream()
                .map(RatesMapper::toDomain)
                .toList());
    }

    @Override
    public RatePlan save(RatePlan ratePlan) {
        Objects.requireNonNull(ratePlan, "rate plan");
        return transactions.call(em -> RatesMapper.toDomain(VersionedEntity.save(em,
                load(em, ratePlan.propertyId().value(), ratePlan.code()).orElse(null), ratePlan.version(),
                new VersionedEntity.Spec<>("rate plan", ratePlan.code(), ratePlan.code(),
                        () -> new NotFoundException("property", ratePlan.propertyId()),
                        RatePlanEntity::new, to -> RatesMapper.copy(ratePlan, to)))));
    }

    static Optional<RatePlanEntity> load(EntityManager em, String propertyId, String code) {
        return em.createQuery("from RatePlanEntity where propertyId = :property and code = :code", RatePlanEntity.class)
                .setParameter("property", propertyId)
                .setParameter("code", code)
                .getResultList().stream()
                .findFirst();
    }
}
