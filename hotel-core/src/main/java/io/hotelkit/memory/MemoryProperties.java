package io.hotelkit.memory;

import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

final class MemoryProperties implements Properties {

    private final MemoryTable<Property> table;

    MemoryProperties(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    @Override
    public Optional<Property> findBy(PropertyId id) {
        return table.get(id.value());
    }

    @Override
    public Optional<Property> findByCode(String code) {
        return table.scan("", property -> property.code().equals(code)).stream().findFirst();
    }

    @Override
    public List<Property> list(@Nullable PropertyId afterId, int limit) {
        return table.scan("", afterId == null ? null : afterId.value(), property -> true, limit);
    }

    @Override
    public Property save(Property property) {
        // Kept by id; the code is unique across properties, and a duplicate names the property that has it.
        return table.insertUnlessCodeExists(property.id().value(), property, "property", property.code(),
                () -> findByCode(property.code()), existing -> existing.id().value());
    }
}
