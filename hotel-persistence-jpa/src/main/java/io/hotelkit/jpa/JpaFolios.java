package io.hotelkit.jpa;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.CompanyId;
import io.hotelkit.billing.Folios;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Folios in table {@code folios}, their lines in {@code folio_lines}, read with the folio in one query; a booking's
 * other windows in {@code folio_windows} and {@code folio_window_lines}.
 */
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
    public Optional<Folio> findBy(PropertyId propertyId, BookingId bookingId, int window) {
        if (window == Folio.GUEST_WINDOW) {
            return findBy(propertyId, bookingId);
        }
        return transactions.call(em -> loadWindow(em, new FolioWindowEntity.Key(propertyId.value(), bookingId.value(), window))
                .map(BillingMapper::toDomain));
    }

    /** Window 1, then the others in one query, by number. */
    @Override
    public List<Folio> windows(PropertyId propertyId, BookingId bookingId) {
        Optional<Folio> guest = findBy(propertyId, bookingId);
        if (guest.isEmpty()) {
            return List.of();
        }
        List<Folio> all = new ArrayList<>();
        all.add(guest.get());
        all.addAll(transactions.call(em -> em.createQuery("select distinct w from FolioWindowEntity w left join fetch w.lines "
                        + "where w.propertyId = :property and w.bookingId = :id order by w.windowNo", FolioWindowEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("id", bookingId.value())
                .getResultList().stream().map(BillingMapper::toDomain).toList()));
        return List.copyOf(all);
    }

    @Override
    public List<Folio> billing(PropertyId propertyId, CompanyId companyId) {
        return transactions.call(em -> em.createQuery("select distinct w from FolioWindowEntity w left join fetch w.lines "
                        + "where w.propertyId = :property and w.companyId = :company order by w.bookingId, w.windowNo", FolioWindowEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("company", companyId.value())
                .getResultList().stream().map(BillingMapper::toDomain).toList());
    }

    @Override
    public Folio save(Folio folio) {
        Objects.requireNonNull(folio, "folio");
        if (folio.window() != Folio.GUEST_WINDOW) {
            return saveWindow(folio);
        }
        String id = folio.bookingId().value();
        FolioEntity.Key key = new FolioEntity.Key(folio.propertyId().value(), id);
        return transactions.call(em -> BillingMapper.toDomain(VersionedEntity.save(em, folio.version() == 0
                        ? VersionedEntity.storedBeforeInsert(em, transactions.vendor(), FolioEntity.class, key, () -> load(em, key))
                        : load(em, key).orElse(null), folio.version(),
                new VersionedEntity.Spec<>("folio", id, id, () -> new NotFoundException("property", folio.propertyId()),
                        FolioEntity::new, to -> BillingMapper.copy(folio, to)))));
    }

    private Folio saveWindow(Folio folio) {
        String id = folio.bookingId().value() + "/" + folio.window();
        FolioWindowEntity.Key key = new FolioWindowEntity.Key(folio.propertyId().value(), folio.bookingId().value(), folio.window());
        return transactions.call(em -> BillingMapper.toDomain(VersionedEntity.save(em, folio.version() == 0
                        ? loadWindow(em, key).orElse(null)
                        : loadWindow(em, key).orElse(null), folio.version(),
                new VersionedEntity.Spec<>("folio window", id, id, () -> new NotFoundException("folio of booking", folio.bookingId()),
                        FolioWindowEntity::new, to -> BillingMapper.copy(folio, to)))));
    }

    private static Optional<FolioWindowEntity> loadWindow(EntityManager em, FolioWindowEntity.Key key) {
        return em.createQuery("from FolioWindowEntity w left join fetch w.lines where w.propertyId = :property and w.bookingId = :id "
                        + "and w.windowNo = :window", FolioWindowEntity.class)
                .setParameter("property", key.propertyId())
                .setParameter("id", key.bookingId())
                .setParameter("window", key.windowNo())
                .getResultList().stream()
                .findFirst();
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
