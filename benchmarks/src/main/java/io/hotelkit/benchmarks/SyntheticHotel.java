package io.hotelkit.benchmarks;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.availability.Claim;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link SyntheticInventory} loaded into an {@link AvailabilityEngine} through its public API: the
 * property and room types made by a {@link Hotel}, the rooms and the bookings' claims handed to
 * {@link AvailabilityEngine#load}, as a hotel does when it starts on a store that holds them.
 */
final class SyntheticHotel {

    static final LocalDate FIRST_NIGHT = LocalDate.parse("2026-01-01");

    final Hotel hotel;
    final Property property;
    final List<RoomType> roomTypes;
    final List<Room> rooms;
    final List<Claim> claims;

    SyntheticHotel(SyntheticInventory inventory) {
        hotel = Hotel.inMemory(Clock.fixed(FIRST_NIGHT.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        property = hotel.inventory().createProperty(new NewProperty("SYN", "Synthetic", ZoneId.of("Europe/Lisbon"),
                Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), 30, null, FIRST_NIGHT));
        for (int t = 0; t < inventory.types(); t++) {
            hotel.inventory().addRoomType(property.id(), SyntheticInventory.typeCode(t), "Type " + t, 3, 2, 4, 2, 0);
        }
        roomTypes = hotel.inventory().roomTypes(property.id());
        rooms = new ArrayList<>(inventory.rooms);
        for (int r = 0; r < inventory.rooms; r++) {
            rooms.add(new Room(property.id(), SyntheticInventory.roomNumber(r),
                    SyntheticInventory.typeCode(inventory.typeOfRoom[r]), null, HousekeepingStatus.CLEAN, List.of(), 1));
        }
        claims = new ArrayList<>(inventory.stays.size());
        for (SyntheticInventory.BookedStay stay : inventory.stays) {
            claims.add(new Claim(property.id(), SyntheticInventory.typeCode(stay.type()), nights(stay.start(), stay.end()), null,
                    SyntheticInventory.roomNumber(stay.room())));
        }
    }

    /** A new engine holding this hotel's rooms and bookings, and no rates. */
    AvailabilityEngine newEngine() {
        AvailabilityEngine engine = new AvailabilityEngine();
        engine.load(property, roomTypes, rooms, List.of(), Map.of(), List.of(), claims);
        return engine;
    }

    static DateRange nights(int fromNight, int toNight) {
        return DateRange.of(FIRST_NIGHT.plusDays(fromNight), FIRST_NIGHT.plusDays(toNight));
    }
}
