package io.hotelkit.jpa;

import io.hotelkit.billing.Payment;
import io.hotelkit.billing.Payments;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.PaymentId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Payments in table {@code payments}, their refunds in {@code payment_refunds}, read with the payment. */
final class JpaPayments implements Payments {

    private final JpaUnitOfWork transactions;

    JpaPayments(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    /** By id alone: a read of every property (on a sharded database, of every shard). */
    @Override
    public Optional<Payment> findBy(PaymentId id) {
        return transactions.call(em -> em.createQuery("from PaymentEntity p left join fetch p.refunds where p.id = :id", PaymentEntity.class)
                .setParameter("id", id.value())
                .getResultList().stream()
                .findFirst()
                .map(BillingMapper::toDomain));
    }

    @Override
    public Optional<Payment> findBy(PropertyId propertyId, PaymentId id) {
        return transactions.call(em -> load(em, new PaymentEntity.Key(propertyId.value(), id.value())).map(BillingMapper::toDomain));
    }

    /** By booking id alone: a read of every property (on a sharded database, of every shard). */
    @Override
    public List<Payment> ofBooking(BookingId bookingId) {
        return transactions.call(em -> em.createQuery("""
                        select distinct p from PaymentEntity p left join fetch p.refunds
                        where p.bookingId = :booking order by p.createdAt, p.id""", PaymentEntity.class)
                .setParameter("booking", bookingId.value())
                .getResultList().stream()
                .map(BillingMapper::toDomain)
                .toList());
    }

    @Override
    public List<Payment> ofBooking(PropertyId propertyId, BookingId bookingId) {
        return transactions.call(em -> em.createQuery("""
                        select distinct p from PaymentEntity p left join fetch p.refunds
                        where p.propertyId = :property and p.bookingId = :booking order by p.createdAt, p.id""", PaymentEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("booking", bookingId.value())
                .getResultList().stream()
                .map(BillingMapper::toDomain)
                .toList());
    }

    @Override
    public Payment save(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        String id = payment.id().value();
        PaymentEntity.Key key = new PaymentEntity.Key(payment.propertyId().value(), id);
        return transactions.call(em -> BillingMapper.toDomain(VersionedEntity.save(em, load(em, key).orElse(null), payment.version(),
                new VersionedEntity.Spec<>("payment", id, id, () -> new NotFoundException("property", payment.propertyId()),
                        PaymentEntity::new, to -> BillingMapper.copy(payment, to)))));
    }

    private static Optional<PaymentEntity> load(EntityManager em, PaymentEntity.Key key) {
        return em.createQuery("from PaymentEntity p left join fetch p.refunds where p.propertyId = :property and p.id = :id",
                        PaymentEntity.class)
                .setParameter("property", key.propertyId())
                .setParameter("id", key.id())
                .getResultList().stream()
                .findFirst();
    }
}
