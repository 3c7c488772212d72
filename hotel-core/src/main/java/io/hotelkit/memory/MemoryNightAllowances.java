package io.hotelkit.memory;

import io.hotelkit.inventory.NightAllowance;
import io.hotelkit.inventory.NightAllowances;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import java.util.List;

final class MemoryNightAllowances implements NightAllowances {

    private final MemoryTable<NightAllowance> table;

    MemoryNightAllowances(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    @Override
    public List<NightAllowance> list(PropertyId propertyId) {
        return table.scan(PropertyKeys.prefix(propertyId), allowance -> true);
    }

    @Override
    public void set(NightAllowance allowance) {
        table.put(PropertyKeys.key(allowance.propertyId(), allowance.roomType() + '/' + allowance.night()), allowance);
    }

    @Override
    public void clear(PropertyId propertyId, String roomType, LocalDate night) {
        table.put(PropertyKeys.key(propertyId, roomType + '/' + night), null);
    }
}
