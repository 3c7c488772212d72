package io.hotelkit.reporting;

import io.hotelkit.billing.ChargeSplit;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.FolioLineKind;
import io.hotelkit.inventory.Property;

/** A charge line's {@link ChargeSplit}, with the account its net is credited to in the journal. */
record LineSplit(ChargeSplit split, String account) {

    /** @param kind the kind the line is split as: a correction's is the kind of the line it corrects */
    static LineSplit of(FolioLine line, FolioLineKind kind, Property property) {
        ChargeSplit split = ChargeSplit.of(kind, line.amount(), property);
        return new LineSplit(split, split.isRevenue() ? Journal.revenue(split.category()) : Journal.CITY_TAX);
    }
}
