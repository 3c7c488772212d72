package io.hotelkit.inventory;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.util.List;
import java.util.Objects;

/**
 * A kind of room that is sold as one product. Its rate-plan prices cover {@code baseOccupancy} persons;
 * {@code overbookingLimit} is how many bookings a night past its rooms the hotel deliberately takes.
 *
 * @param ageBands how children pay by age (an infant free, a child at the child price), without overlaps;
 *     empty: every child pays the child price
 */
public record RoomType(
        PropertyId propertyId,
        String code,
        String name,
        int maxAdults,
        int maxChildren,
        int maxOccupancy,
        int baseOccupancy,
        int overbookingLimit,
        long version,
        List<AgeBand> ageBands) implements Versioned<RoomType> {

    public static final int DEFAULT_BASE_OCCUPANCY = 2;

    public RoomType {
        Objects.requireNonNull(propertyId, "property id");
        code = Codes.require(code, "room type code");
        name = Codes.requireName(name, "room type name");
        if (maxAdults < 1) {
            throw new IllegalArgumentException("max adults must be at least 1, not " + maxAdults);
        }
        if (maxChildren < 0) {
            throw new IllegalArgumentException("max children must not be negative, not " + maxChildren);
        }
        if (maxOccupancy < 1 || maxOccupancy > maxAdults + maxChildren) {
            throw new IllegalArgumentException("max occupancy must be between 1 and max adults + max children ("
                    + (maxAdults + maxChildren) + "), not " + maxOccupancy);
        }
        if (baseOccupancy < 1 || baseOccupancy > maxOccupancy) {
            throw new IllegalArgumentException(
                    "base occupancy must be between 1 and max occupancy (" + maxOccupancy + "), not " + baseOccupancy);
        }
        if (overbookingLimit < 0) {
            throw new IllegalArgumentException("overbooking limit must not be negative, not " + overbookingLimit);
        }
        ageBands = List.copyOf(Objects.requireNonNull(ageBands, "age bands"));
        for (int i = 0; i < ageBands.size(); i++) {
            for (int j = 0; j < i; j++) {
                AgeBand a = ageBands.get(i);
                AgeBand b = ageBands.get(j);
                if (a.minAge() <= b.maxAge() && b.minAge() <= a.maxAge()) {
                    throw new IllegalArgumentException("age bands " + b.code() + " and " + a.code() + " overlap");
                }
                if (a.code().equals(b.code())) {
                    throw new IllegalArgumentException("age bands have different codes, not " + a.code() + " twice");
                }
            }
        }
    }

    /** A room type whose children all pay the child price. */
    public RoomType(PropertyId propertyId, String code, String name, int maxAdults, int maxChildren, int maxOccupancy,
            int baseOccupancy, int overbookingLimit, long version) {
        this(propertyId, code, name, maxAdults, maxChildren, maxOccupancy, baseOccupancy, overbookingLimit, version, List.of());
    }

    /**
     * What these guests pay for in a room of this type: adults past the base occupancy, at the extra adult price
     * (children older than every age band count as adults), and children at the child price (not those of a free band).
     */
    public PricedGuests priced(Occupancy occupancy) {
        int adults = occupancy.adults();
        int children = occupancy.children();
        if (!ageBands.isEmpty() && !occupancy.childrenAges().isEmpty()) {
            children = 0;
            for (int age : occupancy.childrenAges()) {
                AgeBand band = band(age);
                if (band == null) {
                    adults++;
                } else if (band.price() == AgeBand.Price.CHILD) {
                    children++;
                }
            }
        }
        return new PricedGuests(Math.max(0, adults - baseOccupancy), children);
    }

    private AgeBand band(int age) {
        for (AgeBand band : ageBands) {
            if (band.covers(age)) {
                return band;
            }
        }
        return null;
    }

    /** Guests as a room type prices them: how many pay the extra adult price, how many the child price. */
    public record PricedGuests(int extraAdults, int children) {}

    /** Whether guests of this occupancy may stay in a room of this type. */
    public boolean fits(Occupancy occupancy) {
        return occupancy.adults() <= maxAdults
                && occupancy.children() <= maxChildren
                && occupancy.persons() <= maxOccupancy;
    }

    @Override
    public RoomType withVersion(long version) {
        return new RoomType(propertyId, code, name, maxAdults, maxChildren, maxOccupancy, baseOccupancy, overbookingLimit, version, ageBands);
    }
}
