package io.hotelkit.jpa;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.Optional;

/** Folios in table {@code folios}, their lines in {@code folio_lines}, read with the folio in one query. */
final class JpaFolios implements Folios {

    private final JpaUnitOfWork transactions;

    JpaFolios(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    /** By booking id alone: a read of every property (on a sharded database, of every shard). */
    @Override
    public Optional<Folio> findBy(BookingId bookingId) {
        return transactions.call(em -> em.createQuery("from FolioEntity f left join fetch f.lines where f.bookingId = :id", FolioEntity.class)
                .setParameter("id", bookingId.value())
                .getResultList().stream()
                .findFirst()
                .map(BillingMapper::toDomain));
    }

    @Override
    public Optional<Folio> findBy(PropertyId propertyId, BookingId bookingId) {
        return transactions.call(em -> load(em, new FolioEntity.Key(propertyId.value(), bookingId.value())).map(BillingMapper::toDomain));
    }

    @Override
    public Folio save(Folio folio) {
        Objects.requireNonNull(folio, "folio");
        String id = folio.bookingId().value();
        FolioEntity.Key key = new FolioEntity.Key(folio.propertyId().value(), id);
        return transactions.call(em -> BillingMapper.toDomain(VersionedEntity.save(em, folio.version() == 0
                        ? VersionedEntity.storedBeforeInsert(em, transactions.vendor(), FolioEntity.class, key, () -> load(em, key))
                        : load(em, key).orElse(null), folio.version(),
                new VersionedEntity.Spec<>("folio", id, id, () -> new NotFoundException("property", folio.propertyId()),
                        FolioEntity::new, to -> BillingMapper.copy(folio, to)))));
    }

    private static Optional<FolioEntity> load(EntityManager em, FolioEntity.Key key) {
        return em.createQuery("from FolioEntity f left join fetch f.lines where f.propertyId = :property and f.bookingId = :id",
                        FolioEntity.class)
                .setParameter("property", key.propertyId())
                .setParameter("id", key.bookingId())
                .getResultList().stream()
                .findFirst();
    }
}
