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

    /** A property's invoices in id (issue) order, after {@code afterId} if given, at most {@code limit}. */
    List<Invoice> list(PropertyId propertyId, @Nullable InvoiceId afterId, int limit);

    /** A booking's invoices and credit notes, in issue order. */
    List<Invoice> ofBooking(BookingId bookingId);

    void add(Invoice invoice);
}
