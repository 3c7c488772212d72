package io.hotelkit.memory;

import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.Invoices;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

final class MemoryInvoices implements Invoices {

    private final MemoryTable<Invoice> table;

    MemoryInvoices(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    @Override
    public Optional<Invoice> findBy(InvoiceId id) {
        return table.get(id.value());
    }

    @Override
    public List<Invoice> list(PropertyId propertyId, @Nullable InvoiceId afterId, int limit) {
        return table.scan("", afterId == null ? null : afterId.value(), invoice -> invoice.propertyId().equals(propertyId), limit);
    }

    @Override
    public List<Invoice> ofBooking(BookingId bookingId) {
        return table.scan("", invoice -> invoice.bookingId().equals(bookingId));
    }

    @Override
    public void add(Invoice invoice) {
        if (table.get(invoice.id().value()).isPresent()) {
            throw new IllegalStateException("invoice " + invoice.number() + " is issued; an issued invoice never changes");
        }
        table.put(invoice.id().value(), invoice);
    }
}
