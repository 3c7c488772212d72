package io.hotelkit.inventory;

import io.hotelkit.internal.Codes;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Versioned;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A physical room of a type: its housekeeping status and the periods it is out of order, which never
 * overlap one another.
 */
public record Room(
        PropertyId propertyId,
        String number,
        String roomType,
        @Nullable String floor,
        HousekeepingStatus housekeeping,
        List<OutOfOrder> outOfOrder,
        long version) implements Versioned<Room> {

    public Room {
        Objects.requireNonNull(propertyId, "property id");
        number = Codes.require(number, "room number");
        roomType = Codes.require(roomType, "room type code");
        if (floor != null && (floor.isBlank() || floor.length() > 16)) {
            throw new IllegalArgumentException("floor must have 1 to 16 characters");
        }
        Objects.requireNonNull(housekeeping, "housekeeping status");
        outOfOrder = outOfOrder.stream().sorted(Comparator.comparing(o -> o.period().start())).toList();
        for (int i = 1; i < outOfOrder.size(); i++) {
            if (outOfOrder.get(i - 1).period().overlaps(outOfOrder.get(i).period())) {
                throw new IllegalArgumentException("room " + number + " has overlapping out-of-order periods "
                        + outOfOrder.get(i - 1).period() + " and " + outOfOrder.get(i).period());
            }
        }
    }

    public Room withHousekeeping(HousekeepingStatus status) {
        return new Room(propertyId, number, roomType, floor, status, outOfOrder, version);
    }

    /** This room also out of order for {@code period}, which must not overlap one it has. */
    public Room withOutOfOrder(OutOfOrder period) {
        List<OutOfOrder> periods = new ArrayList<>(outOfOrder);
        periods.add(period);
        return new Room(propertyId, number, roomType, floor, housekeeping, periods, version);
    }

    /**
     * Ends the out-of-order period that starts on {@code from}: it is removed if it has not begun by
     * {@code businessDate}, else cut short to end on {@code businessDate}, so that past nights keep their
     * history.
     */
    public Room endOutOfOrder(LocalDate from, LocalDate businessDate) {
        OutOfOrder ending = outOfOrder.stream()
                .filter(o -> o.period().start().equals(from))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        "out-of-order period of room " + number + " starting", from));
        List<OutOfOrder> periods = new ArrayList<>(outOfOrder);
        periods.remove(ending);
        boolean begun = businessDate.isAfter(from);
        boolean over = !businessDate.isBefore(ending.period().end());
        if (over) {
            periods.add(ending);
        } else if (begun) {
            periods.add(new OutOfOrder(DateRange.of(from, businessDate), ending.reason()));
        }
        return new Room(propertyId, number, roomType, floor, housekeeping, periods, version);
    }

    public boolean isOutOfOrderOn(LocalDate night) {
        return outOfOrderOn(night).isPresent();
    }

    public Optional<OutOfOrder> outOfOrderOn(LocalDate night) {
        return outOfOrder.stream().filter(o -> o.period().contains(night)).findFirst();
    }

    @Override
    public Room withVersion(long version) {
        return new Room(propertyId, number, roomType, floor, housekeeping, outOfOrder, version);
    }
}
