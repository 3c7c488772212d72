package io.hotelkit.jpa;

import io.hotelkit.access.ApiKey;
import io.hotelkit.access.Role;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.ReservationEvent;
import io.hotelkit.shared.DomainEvent;
import io.hotelkit.shared.EventPayload;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Rounding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** New aggregates with unique ids and codes, so that the tests of a class can share its database. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private Fixtures() {}

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static Property property() {
        String code = unique("H");
        return new Property(PropertyId.of(unique("P")), code, "Hotel " + code, ZoneId.of("Europe/Vienna"),
                Money.currency("EUR"), LocalTime.of(15, 0), LocalTime.of(11, 0), Property.DEFAULT_MAX_STAY_NIGHTS,
                new TaxPolicy(new BigDecimal("10"), true, Money.of("2.50", "EUR")), Rounding.HALF_UP, TODAY, 0);
    }

    static RoomType roomType(PropertyId propertyId, String code) {
        return new RoomType(propertyId, code, "Double " + code, 2, 1, 3, 2, 1, 0);
    }

    static Room room(PropertyId propertyId, String number, String roomType) {
        return new Room(propertyId, number, roomType, "1", HousekeepingStatus.CLEAN, List.of(), 0);
    }

    static RatePlan ratePlan(PropertyId propertyId, String code) {
        return new RatePlan(propertyId, code, "Flexible " + code, MealPlan.BREAKFAST,
                CancellationPolicy.freeCancellation(), null, 0);
    }

    static DailyRate rate(String roomType, LocalDate night, String amount) {
        return new DailyRate(roomType, night, Money.of(amount, "EUR"), Money.of("20.00", "EUR"),
                Money.of("10.00", "EUR"), null, null, false, false, false);
    }

    static ApiKey apiKey(Set<PropertyId> properties) {
        return new ApiKey(unique("K"), "front desk", Role.FRONT_DESK, properties, unique("hash-"),
                Instant.parse("2026-03-01T10:15:30.123456Z"), null);
    }

    /** A booking as events describe it: a room, a three-night stay, an amount with cents. */
    static final ReservationEvent.Summary BOOKING = new ReservationEvent.Summary("HK-7F3Q", BookingStatus.CONFIRMED,
            "DBL", "101", "BAR", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-04"), Money.of("412.50", "EUR"), null);

    static DomainEvent event(PropertyId propertyId, String entityId, EventPayload payload) {
        return new DomainEvent(unique("E"), propertyId, entityId, "tester",
                Instant.parse("2026-03-01T10:15:30.123456Z"), payload);
    }

    /** A property, saved with one room type {@code DBL} and one rate plan {@code FLEX}. */
    static Property saveHotel(JpaStore store) {
        Property property = store.properties().save(property());
        store.roomTypes().save(roomType(property.id(), "DBL"));
        store.ratePlans().save(ratePlan(property.id(), "FLEX"));
        return property;
    }
}
