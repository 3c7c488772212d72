package io.hotelkit.jpa;

import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.Invoices;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Invoices in table {@code invoices}, their lines in {@code invoice_lines}. An invoice is inserted once and
 * never updated; on PostgreSQL a trigger refuses any change to either table (V5).
 */
final class JpaInvoices implements Invoices {

    private static final String WITH_LINES = "select distinct i from InvoiceEntity i left join fetch i.lines ";

    private final JpaUnitOfWork transactions;

    JpaInvoices(JpaUnitOfWork transactions) {
        this.transactions = transactions;
    }

    /** By id alone: a read of every property (on a sharded database, of every shard). */
    @Override
    public Optional<Invoice> findBy(InvoiceId id) {
        return transactions.call(em -> em.createQuery(WITH_LINES + "where i.id = :id", InvoiceEntity.class)
                .setParameter("id", id.value())
                .getResultList().stream()
                .findFirst()
                .map(BillingMapper::toDomain));
    }

    @Override
    public Optional<Invoice> findBy(PropertyId propertyId, InvoiceId id) {
        return transactions.call(em -> em.createQuery(WITH_LINES + "where i.propertyId = :property and i.id = :id", InvoiceEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("id", id.value())
                .getResultList().stream()
                .findFirst()
                .map(BillingMapper::toDomain));
    }

    @Override
    public List<Invoice> list(PropertyId propertyId, @Nullable InvoiceId afterId, int limit) {
        Limits.require(limit);
        return transactions.call(em -> {
            // The page's ids first: a limit on a query that fetches the lines would apply to lines, not invoices.
            List<String> ids = em.createQuery(
                            "select i.id from InvoiceEntity i where i.propertyId = :property and i.id > :after order by i.id",
                            String.class)
                    .setParameter("property", propertyId.value())
                    .setParameter("after", afterId == null ? "" : afterId.value())
                    .setMaxResults(limit)
                    .getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            return em.createQuery(WITH_LINES + "where i.propertyId = :property and i.id in :ids order by i.id", InvoiceEntity.class)
                    .setParameter("property", propertyId.value())
                    .setParameter("ids", ids)
                    .getResultList().stream()
                    .map(BillingMapper::toDomain)
                    .toList();
        });
    }

    /** By booking id alone: a read of every property (on a sharded database, of every shard). */
    @Override
    public List<Invoice> ofBooking(BookingId bookingId) {
        return transactions.call(em -> em.createQuery(WITH_LINES + "where i.bookingId = :booking order by i.id", InvoiceEntity.class)
                .setParameter("booking", bookingId.value())
                .getResultList().stream()
                .map(BillingMapper::toDomain)
                .toList());
    }

    @Override
    public List<Invoice> ofBooking(PropertyId propertyId, BookingId bookingId) {
        return transactions.call(em -> em.createQuery(WITH_LINES + "where i.propertyId = :property and i.bookingId = :booking order by i.id",
                        InvoiceEntity.class)
                .setParameter("property", propertyId.value())
                .setParameter("booking", bookingId.value())
                .getResultList().stream()
                .map(BillingMapper::toDomain)
                .toList());
    }

    /**
     * @throws IllegalStateException if an invoice with this id is issued already
     * @throws DuplicateException if the property has an invoice with this number
     */
    @Override
    public void add(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        transactions.call(em -> {
            boolean issued = !em.createQuery("select i.id from InvoiceEntity i where i.propertyId = :property and i.id = :id", String.class)
                    .setParameter("property", invoice.propertyId().value())
                    .setParameter("id", invoice.id().value())
                    .getResultList().isEmpty();
            if (issued) {
                throw new IllegalStateException("invoice " + invoice.number() + " is issued; an issued invoice never changes");
            }
            em.persist(BillingMapper.toEntity(invoice));
            try {
                em.flush();
            } catch (PersistenceException e) {
                if (StoreFailures.isUniqueViolation(e)) {
                    throw new DuplicateException("invoice", invoice.number(), null);
                }
                if (StoreFailures.isMissingParent(e)) {
                    throw new NotFoundException("property or credited invoice", invoice.propertyId());
                }
                throw e;
            }
            return null;
        });
    }
}
