package io.hotelkit.jpa;

import io.hotelkit.billing.Companies;
import io.hotelkit.billing.Company;
import io.hotelkit.billing.CompanyId;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Companies in table {@code companies}, their accounts' entries in {@code company_entries}, read with the company in one query. */
final class JpaCompanies implements Companies {

    private static final String WITH_ENTRIES = "select distinct c from CompanyEntity c left join fetch c.entries ";

    private final JpaUnitOfWork transactions;

    JpaCompanies(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Company> findBy(PropertyId propertyId, CompanyId id) {
        return transactions.call(em -> load(em, new CompanyEntity.Key(propertyId.value(), id.value())).map(BillingMapper::toDomain));
    }

    @Override
    public List<Company> list(PropertyId propertyId, @Nullable CompanyId afterId, int limit) {
        Limits.require(limit);
        return transactions.call(em -> {
            // The page's ids first: a limit on a query that fetches the entries would apply to entries, not companies.
            List<String> ids = em.createQuery(
                            "select c.id from CompanyEntity c where c.propertyId = :property and c.id > :after order by c.id", String.class)
                    .setParameter("property", propertyId.value())
                    .setParameter("after", afterId == null ? "" : afterId.value())
                    .setMaxResults(limit)
                    .getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            return em.createQuery(WITH_ENTRIES + "where c.propertyId = :property and c.id in :ids order by c.id", CompanyEntity.class)
                    .setParameter("property", propertyId.value())
                    .setParameter("ids", ids)
                    .getResultList().stream()
                    .map(BillingMapper::toDomain)
                    .toList();
        });
    }

    @Override
    public Company save(Company company) {
        Objects.requireNonNull(company, "company");
        String id = company.id().value();
        CompanyEntity.Key key = new CompanyEntity.Key(company.propertyId().value(), id);
        return transactions.call(em -> BillingMapper.toDomain(VersionedEntity.save(em, company.version() == 0
                        ? VersionedEntity.storedBeforeInsert(em, transactions.vendor(), CompanyEntity.class, key, () -> load(em, key))
                        : load(em, key).orElse(null), company.version(),
                new VersionedEntity.Spec<>("company", id, id, () -> new NotFoundException("property", company.propertyId()),
                        CompanyEntity::new, to -> BillingMapper.copy(company, to)))));
    }

    @Override
    public void delete(Company company) {
        transactions.call(em -> {
            load(em, new CompanyEntity.Key(company.propertyId().value(), company.id().value())).ifPresent(row -> {
                if (!row.entries.isEmpty()) {
                    throw new IllegalStateException("company " + company.id() + " has account entries; it is never removed");
                }
                em.remove(row);
                em.flush();
            });
            return null;
        });
    }

    private static Optional<CompanyEntity> load(EntityManager em, CompanyEntity.Key key) {
        return em.createQuery(WITH_ENTRIES + "where c.propertyId = :property and c.id = :id", CompanyEntity.class)
                .setParameter("property", key.propertyId())
                .setParameter("id", key.id())
                .getResultList().stream()
                .findFirst();
    }
}
