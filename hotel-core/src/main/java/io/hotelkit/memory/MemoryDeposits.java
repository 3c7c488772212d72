package io.hotelkit.memory;

import io.hotelkit.billing.Deposit;
import io.hotelkit.billing.Deposits;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryDeposits implements Deposits {

    private final MemoryTable<Deposit> table;

    MemoryDeposits(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    @Override
    public Optional<Deposit> findBy(PropertyId propertyId, BookingId bookingId) {
        return table.get(key(propertyId, bookingId));
    }

    @Override
    public List<Deposit> heldOn(PropertyId propertyId, LocalDate date) {
        return table.scan(propertyId.value() + "/", deposit -> deposit.isHeldOn(date));
    }

    @Override
    public List<Deposit> dueBy(PropertyId propertyId, LocalDate date) {
        return table.scan(propertyId.value() + "/", deposit -> deposit.isHeld() && !deposit.dueOn().isAfter(date)).stream()
                .sorted(Comparator.comparing(Deposit::dueOn).thenComparing(deposit -> deposit.bookingId().value()))
                .toList();
    }

    @Override
    public Deposit save(Deposit deposit) {
        return table.putVersioned(key(deposit.propertyId(), deposit.bookingId()), deposit, "deposit");
    }

    private static String key(PropertyId propertyId, BookingId bookingId) {
        return propertyId.value() + "/" + bookingId.value();
    }
}
