package io.hotelkit.billing;

import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Issued invoices and credit notes. They are only ever added: {@code add} refuses an id it has. */
public interface Invoices {

    Optional<Invoice> findBy(InvoiceId id);

    /**
     * The property's invoice with this id.
     *
     * <p>By property and id: a store sharded by property (docs/SCALING.md) reads one shard. An invoice
     * of another property is not found.
     */
    default Optional<Invoice> findBy(PropertyId propertyId, InvoiceId id) {
        return findBy(id).filter(invoice -> invoice.propertyId().equals(propertyId));
    }

    /** A property's invoices in id (issue) order, after {@code afterId} if given, at most {@code limit}. */
    List<Invoice> list(PropertyId propertyId, @Nullable InvoiceId afterId, int limit);

    /** A booking's invoices and credit notes, in issue order. */
    List<Invoice> ofBooking(BookingId bookingId);

    /** The invoices of the property's booking, in issue order; by property, as {@link #findBy(PropertyId, InvoiceId)}. */
    default List<Invoice> ofBooking(PropertyId propertyId, BookingId bookingId) {
        return ofBooking(bookingId).stream().filter(invoice -> invoice.propertyId().equals(propertyId)).toList();
    }

    void add(Invoice invoice);
}
