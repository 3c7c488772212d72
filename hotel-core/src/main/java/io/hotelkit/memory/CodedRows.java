package io.hotelkit.memory;

import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.util.List;
import java.util.Optional;

/**
 * Rows known by a code unique within their property (room types, rooms, rate plans, blocks): found by
 * property and code, listed by property in code order, and a new one whose code exists is a duplicate.
 */
final class CodedRows<T extends Versioned<T>> {

    private final MemoryTable<T> table;
    private final String kind;

    CodedRows(MemoryTransactions transactions, String kind) {
        this.table = MemoryTable.ordered(transactions);
        this.kind = kind;
    }

    Optional<T> findBy(PropertyId propertyId, String code) {
        return table.get(PropertyKeys.key(propertyId, code));
    }

    List<T> list(PropertyId propertyId) {
        return table.scan(PropertyKeys.prefix(propertyId), row -> true);
    }

    T save(PropertyId propertyId, String code, T row) {
        String key = PropertyKeys.key(propertyId, code);
        return table.insertUnlessCodeExists(key, row, kind, code, () -> table.get(key), existing -> null);
    }
}
