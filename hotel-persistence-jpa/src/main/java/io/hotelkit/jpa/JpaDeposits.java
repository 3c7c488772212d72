package io.hotelkit.jpa;

import io.hotelkit.billing.Deposit;
import io.hotelkit.billing.Deposits;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Deposits in table {@code deposits}, one a booking. */
final class JpaDeposits implements Deposits {

    private final JpaUnitOfWork transactions;

    JpaDeposits(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Deposit> findBy(PropertyId propertyId, BookingId bookingId) {
        return transactions.call(em -> load(em, new DepositEntity.Key(propertyId.value(), bookingId.value()))
                .map(DepositsMapper::toDomain));
    }

    @Override
    public List<Deposit> heldOn(PropertyId propertyId, LocalDate date) {
        return transactions.call(em -> em.createQuery("""
                        from DepositEntity d where d.propertyId = :property and (d.settledOn is null or d.settledOn > :date)
                        order by d.bookingId""", DepositEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("date", date)
                .getResultList().stream()
                .map(DepositsMapper::toDomain)
                .toList());
    }

    @Override
    public List<Deposit> dueBy(PropertyId propertyId, LocalDate date) {
        return transactions.call(em -> em.createQuery("""
                        from DepositEntity d where d.propertyId = :property and d.settledOn is null and d.dueOn <= :date
                        order by d.dueOn, d.bookingId""", DepositEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("date", date)
                .getResultList().stream()
                .map(DepositsMapper::toDomain)
                .toList());
    }

    @Override
    public Deposit save(Deposit deposit) {
        Objects.requireNonNull(deposit, "deposit");
        String id = deposit.bookingId().value();
        DepositEntity.Key key = new DepositEntity.Key(deposit.propertyId().value(), id);
        return transactions.call(em -> DepositsMapper.toDomain(VersionedEntity.save(em, deposit.version() == 0
                        ? VersionedEntity.storedBeforeInsert(em, transactions.vendor(), DepositEntity.class, key, () -> load(em, key))
                        : load(em, key).orElse(null), deposit.version(),
                new VersionedEntity.Spec<>("deposit", id, id, () -> new NotFoundException("property", deposit.propertyId()),
                        DepositEntity::new, to -> DepositsMapper.copy(deposit, to)))));
    }

    private static Optional<DepositEntity> load(EntityManager em, DepositEntity.Key key) {
        return em.createQuery("from DepositEntity d where d.propertyId = :property and d.bookingId = :id", DepositEntity.class)
                .setParameter("property", key.propertyId())
                .setParameter("id", key.bookingId())
                .getResultList().stream()
                .findFirst();
    }
}
