package io.hotelkit.reporting;

import io.hotelkit.billing.ChargeSplit;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.inventory.Property;

/** A charge line's {@link ChargeSplit}, with the account its net is credited to in the journal. */
record LineSplit(ChargeSplit split, String account) {

    static LineSplit of(FolioLine line, Property property) {
        ChargeSplit split = ChargeSplit.of(line.kind(), line.amount(), property);
        return new LineSplit(split, split.isRevenue() ? Journal.revenue(split.category()) : Journal.CITY_TAX);
    }
}
