package io.hotelkit.jpa;

import io.hotelkit.billing.Authorisation;
import io.hotelkit.billing.Authorisations;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Card pre-authorisations in table {@code authorisations}. */
final class JpaAuthorisations implements Authorisations {

    private final JpaUnitOfWork transactions;

    JpaAuthorisations(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Authorisation> findBy(PropertyId propertyId, PaymentId id) {
        return transactions.call(em -> load(em, new AuthorisationEntity.Key(propertyId.value(), id.value()))
                .map(DepositsMapper::toDomain));
    }

    @Override
    public List<Authorisation> ofBooking(PropertyId propertyId, BookingId bookingId) {
        return transactions.call(em -> em.createQuery("""
                        from AuthorisationEntity a where a.propertyId = :property and a.bookingId = :booking
                        order by a.createdAt, a.id""", AuthorisationEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("booking", bookingId.value())
                .getResultList().stream()
                .map(DepositsMapper::toDomain)
                .toList());
    }

    @Override
    public Authorisation save(Authorisation authorisation) {
        Objects.requireNonNull(authorisation, "authorisation");
        String id = authorisation.id().value();
        AuthorisationEntity.Key key = new AuthorisationEntity.Key(authorisation.propertyId().value(), id);
        return transactions.call(em -> DepositsMapper.toDomain(VersionedEntity.save(em, load(em, key).orElse(null),
                authorisation.version(), new VersionedEntity.Spec<>("authorisation", id, id,
                        () -> new NotFoundException("property", authorisation.propertyId()),
                        AuthorisationEntity::new, to -> DepositsMapper.copy(authorisation, to)))));
    }

    private static Optional<AuthorisationEntity> load(EntityManager em, AuthorisationEntity.Key key) {
        return em.createQuery("from AuthorisationEntity a where a.propertyId = :property and a.id = :id", AuthorisationEntity.class)
                .setParameter("property", key.propertyId())
                .setParameter("id", key.id())
                .getResultList().stream()
                .findFirst();
    }
}
