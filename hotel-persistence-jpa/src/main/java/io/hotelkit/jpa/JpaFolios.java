package io.hotelkit.jpa;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.Optional;

/** Folios in table {@code folios}, their lines in {@code folio_lines}, read with the folio in one query. */
final class JpaFolios implements Folios {

    private final JpaUnitOfWork transactions;

    JpaFolios(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Folio> findBy(BookingId bookingId) {
        return transactions.call(em -> load(em, bookingId.value()).map(BillingMapper::toDomain));
    }

    @Override
    public Folio save(Folio folio) {
        Objects.requireNonNull(folio, "folio");
        String id = folio.bookingId().value();
        return transactions.call(em -> BillingMapper.toDomain(VersionedEntity.save(em, folio.version() == 0
                        ? VersionedEntity.storedBeforeInsert(em, transactions.vendor(), FolioEntity.class, id, () -> load(em, id))
                        : load(em, id).orElse(null), folio.version(),
                new VersionedEntity.Spec<>("folio", id, id, () -> new NotFoundException("property", folio.propertyId()),
                        FolioEntity::new, to -> BillingMapper.copy(folio, to)))));
    }

    private static Optional<FolioEntity> load(EntityManager em, String bookingId) {
        return em.createQuery("from FolioEntity f left join fetch f.lines where f.bookingId = :id", FolioEntity.class)
                .setParameter("id", bookingId)
                .getResultList().stream()
                .findFirst();
    }
}
