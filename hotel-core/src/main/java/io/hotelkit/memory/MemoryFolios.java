package io.hotelkit.memory;

import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.shared.BookingId;
import java.util.Optional;

final class MemoryFolios implements Folios {

    private final MemoryTable<Folio> table;

    MemoryFolios(MemoryTransactions transactions) {
        this.table = MemoryTable.keyed(transactions);
    }

    @Override
    public Optional<Folio> findBy(BookingId bookingId) {
        return table.get(bookingId.value());
    }

    @Override
    public Folio save(Folio folio) {
        return table.putVersioned(folio.bookingId().value(), folio, "folio");
    }
}
