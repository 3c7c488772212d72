package io.hotelkit.server;

import io.hotelkit.inventory.InventoryEvent;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.RateEvent;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.RateService;
import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.BlockService;
import io.hotelkit.reservations.ReservationEvent;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which part of a property's ARI (availability, rates and inventory) a domain event may have changed: the one
 * place that knows which events move the feed. A change of price, restriction, room, block, out-of-order period,
 * overbooking allowance or booking does; housekeeping, guests, folios and payments do not.
 *
 * <p>Room types and rate plans are named in full (a new rate plan changes every room type's rows), and a plan's
 * prices change the plans derived from it too. What an event does not carry (the room type of a room, the nights
 * of a block, the nights a price update covered) is looked up, or taken as every night: a change may be wider
 * than what moved, never narrower.
 */
final class AriChanges {

    /** Part of a property's ARI: these room types and rate plans, on {@code nights} ({@code null}: every night). */
    record Change(PropertyId property, Set<String> roomTypes, Set<String> ratePlans, @Nullable DateRange nights) {

        Change {
            roomTypes = Set.copyOf(new TreeSet<>(roomTypes));
            ratePlans = Set.copyOf(new TreeSet<>(ratePlans));
        }

        boolean covers(String roomType, String ratePlan) {
            return roomTypes.contains(roomType) && ratePlans.contains(ratePlan);
        }
    }

    private final InventoryService inventory;
    private final RateService rates;
    private final BlockService blocks;

    AriChanges(InventoryService inventory, RateService rates, BlockService blocks) {
        this.inventory = inventory;
        this.rates = rates;
        this.blocks = blocks;
    }

    /** What {@code event} may have changed of its property's ARI; empty if nothing. */
    Optional<Change> of(DomainEvent event) {
        PropertyId property = event.propertyId();
        if (property == null) {
            return Optional.empty();
        }
        String entity = event.entityId();
        return switch (event.payload()) {
            case InventoryEvent.PropertyCreated created -> everything(property);
            case InventoryEvent.RoomTypeCreated created -> types(property, Set.of(entity), null);
            case InventoryEvent.RoomTypeOverbookingSet set -> types(property, Set.of(entity), DateRange.of(set.from(), set.to()));
            case InventoryEvent.RoomCreated created -> types(property, Set.of(created.roomType()), null);
            case InventoryEvent.RoomOutOfOrder period -> types(property, typeOfRoom(property, entity),
                    DateRange.of(period.from(), period.to()));
            case InventoryEvent.RoomBackInOrder period -> types(property, typeOfRoom(property, entity),
                    DateRange.of(period.from(), period.to()));
            case InventoryEvent.RoomHousekeepingChanged changed -> Optional.empty();
            case RateEvent.RatePlanCreated created -> plans(property, withDerived(property, entity));
            case RateEvent.RatesChanged changed -> plans(property, withDerived(property, entity));
            case ReservationEvent.BlockCreated created -> types(property, Set.of(created.roomType()),
                    DateRange.of(created.from(), created.to()));
            case ReservationEvent.BlockReleased released -> block(property, entity);
            case ReservationEvent.BlockCancelled cancelled -> block(property, entity);
            case ReservationEvent.BookingCreated created -> booking(property, created.booking(), null);
            case ReservationEvent.BookingModified modified -> booking(property, modified.booking(), modified);
            case ReservationEvent.BookingCancelled cancelled -> booking(property, cancelled.booking(), null);
            case ReservationEvent.BookingNoShow noShow -> booking(property, noShow.booking(), null);
            // checking in keeps the nights; checking out early gives back those after the day of leaving
            case ReservationEvent.BookingCheckedIn checkedIn -> Optional.empty();
            case ReservationEvent.BookingCheckedOut checkedOut -> earlyDeparture(property, checkedOut.booking());
            case ReservationEvent.BookingRoomAssigned assigned -> Optional.empty(); // a type's count stays
            default -> Optional.empty();
        };
    }

    private Optional<Change> everything(PropertyId property) {
        return Optional.of(new Change(property, allTypes(property), allPlans(property), null));
    }

    private Optional<Change> types(PropertyId property, Set<String> types, @Nullable DateRange nights) {
        return Optional.of(new Change(property, types, allPlans(property), nights));
    }

    private Optional<Change> plans(PropertyId property, Set<String> plans) {
        return Optional.of(new Change(property, allTypes(property), plans, null));
    }

    private Optional<Change> block(PropertyId property, String code) {
        try {
            Block block = blocks.block(property, code);
            return types(property, Set.of(block.roomType()), block.nights());
        } catch (NotFoundException gone) {
            return types(property, allTypes(property), null);
        }
    }

    private Optional<Change> booking(PropertyId property, ReservationEvent.Summary booking,
                                     ReservationEvent.@Nullable BookingModified modified) {
        Set<String> types = new TreeSet<>(Set.of(booking.roomType()));
        LocalDate from = booking.checkin();
        LocalDate to = booking.checkout();
        if (modified != null) {
            types.add(modified.previousRoomType());
            from = min(from, modified.previousCheckin());
            to = max(to, modified.previousCheckout());
        }
        return types(property, types, to.isAfter(from) ? DateRange.of(from, to) : null);
    }

    /**
     * A check-out gives back the nights from the day the guest left to the checkout date booked, which the event
     * does not carry (its checkout is the day of leaving): every night a stay arriving on the same day could have
     * held.
     */
    private Optional<Change> earlyDeparture(PropertyId property, ReservationEvent.Summary booking) {
        LocalDate longest = booking.checkin().plusDays(Property.LONGEST_MAX_STAY_NIGHTS);
        return booking.checkout().isBefore(longest)
                ? types(property, Set.of(booking.roomType()), DateRange.of(booking.checkout(), longest))
                : Optional.empty();
    }

    private Set<String> typeOfRoom(PropertyId property, String number) {
        try {
            return Set.of(inventory.room(property, number).roomType());
        } catch (NotFoundException gone) {
            return allTypes(property);
        }
    }

    /** {@code plan} and the plans derived from it, and from those. */
    private Set<String> withDerived(PropertyId property, String plan) {
        List<RatePlan> all = rates.ratePlans(property);
        Set<String> plans = new TreeSet<>(Set.of(plan));
        List<String> added = new ArrayList<>(plans);
        while (!added.isEmpty()) {
            String parent = added.removeLast();
            for (RatePlan candidate : all) {
                if (candidate.derivation().map(DerivedRate::parentRatePlan).filter(parent::equals).isPresent()
                        && plans.add(candidate.code())) {
                    added.add(candidate.code());
                }
            }
        }
        return plans;
    }

    private Set<String> allTypes(PropertyId property) {
        return new TreeSet<>(inventory.roomTypes(property).stream().map(RoomType::code).toList());
    }

    private Set<String> allPlans(PropertyId property) {
        return new TreeSet<>(rates.ratePlans(property).stream().map(RatePlan::code).toList());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
