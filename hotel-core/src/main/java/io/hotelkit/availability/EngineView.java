package io.hotelkit.availability;

import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The availability engine's questions, and none of its changes: what {@link io.hotelkit.Hotel#engine()}
 * hands out, so that an embedder can ask what is free without being able to put the engine out of step
 * with storage (sales, out-of-order periods and reloads go through the services).
 */
public interface EngineView {

    /** Every offer of a search, computed (no cache): {@link AvailabilitySearch} is the cached way. */
    Availability search(AvailabilityQuery query);

    /**
     * The offer for one room type and rate plan.
     *
     * @throws io.hotelkit.shared.NotAvailableException if the type does not take the occupancy or the plan's
     *     restrictions refuse the stay
     */
    Offer quote(PropertyId propertyId, String roomType, String ratePlan, Stay stay, Occupancy occupancy);

    /**
     * The prices of the nights of {@code nights} for a guest already in the house who stays longer:
     * closed nights and nights without a price refuse it, arrival and length restrictions do not apply.
     */
    Offer quoteExtension(PropertyId propertyId, String roomType, String ratePlan, Stay nights, Occupancy occupancy);

    /**
     * An offer's total split by charge (room, each package, city tax) and by VAT rate, for these guests: the
     * lines its folio holds once the night audit has posted every night, summed.
     */
    TaxPolicy.Split split(PropertyId propertyId, Offer offer, Occupancy occupancy);

    /** What a rate plan includes besides the room, as the night audit posts it. */
    List<RatePackage> packages(PropertyId propertyId, String ratePlan);

    /** How many more bookings of the room type every one of the nights would take now. */
    int available(PropertyId propertyId, String roomType, DateRange nights);

    /** How many more bookings of each room type every one of the nights would take now, in room type code order. */
    List<TypeAvailability> available(PropertyId propertyId, DateRange nights);

    /** The numbers of the rooms free every one of the nights, of one room type or all, in order. */
    List<String> freeRooms(PropertyId propertyId, DateRange nights, @Nullable String roomType);

    boolean isRoomFree(PropertyId propertyId, String room, DateRange nights);

    /** How many of a block's rooms bookings have picked up on a night. */
    int pickedUp(PropertyId propertyId, String block, LocalDate night);

    /** The stored grid of a rate plan as the engine prices it (a derived plan's adjusted). */
    List<DailyRate> rates(PropertyId propertyId, String ratePlan, String roomType, DateRange nights);

    /**
     * A number that changes whenever anything a search answers from changes, so that cached offers can be
     * keyed by it and need no invalidation.
     */
    long version(PropertyId propertyId);

    /** The bytes the room bitsets of a property take. */
    long memoryBytes(PropertyId propertyId);

    /**
     * Per night of {@code nights}, how many bookings past their rooms the property's room types may take,
     * summed: each type's own allowance for the night where one is set, else its limit.
     */
    int[] overbooking(PropertyId propertyId, DateRange nights);

    /** Whether the engine holds the property. */
    boolean has(PropertyId propertyId);
}
