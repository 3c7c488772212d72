package io.hotelkit.memory;

import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.RatePlans;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;

final class MemoryRatePlans implements RatePlans {

    private final CodedRows<RatePlan> rows;

    MemoryRatePlans(MemoryTransactions transactions) {
        this.rows = new CodedRows<>(transactions, "rate plan");
    }

    @Override
    public Optional<RatePlan> findBy(PropertyId propertyId, String code) {
        return rows.findBy(propertyId, code);
    }

    @Override
    public List<RatePlan> list(PropertyId propertyId) {
        return rows.list(propertyId);
    }

    @Override
    public RatePlan save(RatePlan ratePlan) {
        return rows.save(ratePlan.propertyId(), ratePlan.code(), ratePlan);
    }
}
