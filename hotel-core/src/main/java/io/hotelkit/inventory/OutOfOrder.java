package io.hotelkit.inventory;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.DateRange;
import java.util.Objects;

/** A period {@code [from, to)} in which a room is out of inventory (repairs, renovation), and why. */
public record OutOfOrder(DateRange period, String reason) {

    public OutOfOrder {
        Objects.requireNonNull(period, "out-of-order period");
        reason = Codes.requireName(reason, "out-of-order reason");
    }
}
