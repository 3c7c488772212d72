package io.hotelkit.inventory;

import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import java.util.List;

/**
 * The nights whose overbooking allowance is set apart from their room type's. A night not here takes the
 * type's {@link RoomType#overbookingLimit()}.
 */
public interface NightAllowances {

    /** Every night of the property set apart, in room type and night order: one read, for a load. */
    List<NightAllowance> list(PropertyId propertyId);

    /** Sets the night's allowance, replacing any. */
    void set(NightAllowance allowance);

    /** Gives the night its room type's allowance again. */
    void clear(PropertyId propertyId, String roomType, LocalDate night);
}
