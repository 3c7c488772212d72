package io.hotelkit.memory;

import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.NightlyRates;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import java.util.List;

final class MemoryNightlyRates implements NightlyRates {

    private final MemoryTable<DailyRate> table;

    MemoryNightlyRates(MemoryTransactions transactions) {
        this.table = MemoryTable.ordered(transactions);
    }

    private static String gridPrefix(PropertyId propertyId, String ratePlan, String roomType) {
        return propertyId.value() + '/' + ratePlan + '/' + roomType + '/';
    }

    @Override
    public void put(PropertyId propertyId, String ratePlan, List<DailyRate> rates) {
        for (DailyRate rate : rates) {
            table.put(gridPrefix(propertyId, ratePlan, rate.roomType()) + rate.night(), rate);
        }
    }

    @Override
    public List<DailyRate> find(PropertyId propertyId, String ratePlan, String roomType, DateRange nights) {
        return table.scan(gridPrefix(propertyId, ratePlan, roomType), rate -> nights.contains(rate.night()));
    }

    @Override
    public List<DailyRate> all(PropertyId propertyId, String ratePlan) {
        return table.scan(propertyId.value() + '/' + ratePlan + '/', rate -> true);
    }
}
