package io.hotelkit.benchmarks;

import io.hotelkit.Hotel;
import io.hotelkit.memory.MemoryStorage;
import io.hotelkit.availability.AvailabilityEngine;
import io.hotelkit.availability.IndexMark;
import io.hotelkit.spi.Claim;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    /** The hotel's own engine, to load the synthetic bookings into. */
    final AvailabilityEngine engine;
    final Property property;
    final List<RoomType> roomTypes;
    final List<Room> rooms;
    final List<Claim> claims;

    SyntheticHotel(SyntheticInventory inventory) {
        Clock clock = Clock.fixed(FIRST_NIGHT.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        engine = new AvailabilityEngine();
        hotel = Hotel.builder().clock(clock).storage(new MemoryStorage(clock)).engine(engine).build();
        property = hotel.inventory().createProperty(new NewProperty("SYN", "Synthetic", ZoneId.of("Europe/Lisbon"),
                Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), 30,
                new TaxPolicy(new BigDecimal("6"), false, Money.of("2.00", "EUR")), FIRST_NIGHT));
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

    /** A new engine holding this hotel's rooms, bookings and rates. */
    AvailabilityEngine newEngine() {
        AvailabilityEngine engine = new AvailabilityEngine();
        loadInto(engine);
        return engine;
    }

    /**
     * Loads the rooms and bookings, and the rate plans the hotel's storage holds, into {@code engine}
     * (the hotel's own, to search through {@code hotel.availability()}), as {@link Hotel} does on start.
     */
    void loadInto(AvailabilityEngine engine) {
        List<RatePlan> plans = hotel.storage().ratePlans().list(property.id());
        Map<String, List<DailyRate>> grids = new LinkedHashMap<>();
        plans.stream().filter(plan -> !plan.isDerived())
                .forEach(plan -> grids.put(plan.code(), hotel.storage().nightlyRates().all(property.id(), plan.code())));
        engine.load(IndexMark.FORCE, property, roomTypes, rooms, plans, grids, List.of(), claims);
    }

    static DateRange nights(int fromNight, int toNight) {
        return DateRange.of(FIRST_NIGHT.plusDays(fromNight), FIRST_NIGHT.plusDays(toNight));
    }
}
