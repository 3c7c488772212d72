package io.hotelkit.memory;

import io.hotelkit.billing.Authorisation;
import io.hotelkit.billing.Authorisations;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PaymentId;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

final class MemoryAuthorisations implements Authorisations {

    private final MemoryTable<Authorisation> table;

    MemoryAuthorisations(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    @Override
    public Optional<Authorisation> findBy(PropertyId propertyId, PaymentId id) {
        return table.get(id.value()).filter(authorisation -> authorisation.propertyId().equals(propertyId));
    }

    @Override
    public List<Authorisation> ofBooking(PropertyId propertyId, BookingId bookingId) {
        return table.scan("", authorisation -> authorisation.propertyId().equals(propertyId)
                && authorisation.bookingId().equals(bookingId));
    }

    @Override
    public Authorisation save(Authorisation authorisation) {
        return table.putVersioned(authorisation.id().value(), authorisation, "authorisation");
    }
}
