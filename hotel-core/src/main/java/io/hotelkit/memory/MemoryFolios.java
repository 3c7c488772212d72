package io.hotelkit.memory;

import io.hotelkit.billing.CompanyId;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.Folios;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PropertyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Window 1 of each booking by booking id, as before windows; the other windows by booking id and number. */
final class MemoryFolios implements Folios {

    private final MemoryTable<Folio> table;
    private final MemoryTable<Folio> windows;

    MemoryFolios(MemoryTransactions transactions) {
        this.table = MemoryTable.keyed(transactions);
        this.windows = MemoryTable.ordered(transactions);
    }

    @Override
    public Optional<Folio> findBy(BookingId bookingId) {
        return table.get(bookingId.value());
    }

    @Override
    public Optional<Folio> findBy(PropertyId propertyId, BookingId bookingId, int window) {
        Optional<Folio> found = window == Folio.GUEST_WINDOW ? table.get(bookingId.value()) : windows.get(windowKey(bookingId, window));
        return found.filter(folio -> folio.propertyId().equals(propertyId));
    }

    @Override
    public List<Folio> windows(PropertyId propertyId, BookingId bookingId) {
        Optional<Folio> guest = findBy(propertyId, bookingId);
        if (guest.isEmpty()) {
            return List.of();
        }
        List<Folio> all = new ArrayList<>();
        all.add(guest.get());
        all.addAll(windows.scan(bookingId.value() + "/", folio -> folio.propertyId().equals(propertyId)));
        return List.copyOf(all);
    }

    @Override
    public List<Folio> billing(PropertyId propertyId, CompanyId companyId) {
        return windows.scan("", folio -> folio.propertyId().equals(propertyId) && companyId.equals(folio.payer().companyId()));
    }

    @Override
    public Folio save(Folio folio) {
        if (folio.window() == Folio.GUEST_WINDOW) {
            return table.putVersioned(folio.bookingId().value(), folio, "folio");
        }
        return windows.putVersioned(windowKey(folio.bookingId(), folio.window()), folio, "folio window");
    }

    private static String windowKey(BookingId bookingId, int window) {
        return bookingId.value() + "/" + window;
    }
}
