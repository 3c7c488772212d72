package io.hotelkit.memory;

import io.hotelkit.billing.InvoiceNumbers;
import io.hotelkit.shared.PropertyId;

final class MemoryInvoiceNumbers implements InvoiceNumbers {

    private final MemoryTable<Long> table;

    MemoryInvoiceNumbers(MemoryTransactions transactions) {
        this.table = MemoryTable.keyed(transactions);
    }

    @Override
    public long next(PropertyId propertyId, int year) {
        String series = PropertyKeys.key(propertyId, String.valueOf(year));
        long next = table.get(series).orElse(0L) + 1;
        table.put(series, next);
        return next;
    }
}
