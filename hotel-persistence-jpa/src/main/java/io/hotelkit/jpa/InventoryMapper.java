package io.hotelkit.jpa;

import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.OutOfOrder;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Rounding;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * Maps the inventory aggregates to their rows and back. {@code copy} writes every field but the version,
 * which the repositories own.
 */
final class InventoryMapper {

    private InventoryMapper() {}

    static void copy(Property from, PropertyEntity to) {
        to.id = from.id().value();
        to.code = from.code();
        to.name = from.name();
        to.timezone = from.timezone().getId();
        to.currency = from.currency().getCurrencyCode();
        to.checkInTime = from.checkInTime();
        to.checkOutTime = from.checkOutTime();
        to.maxStayNights = from.maxStayNights();
        to.vatPercent = from.taxes().vatPercent();
        to.vatIncluded = from.taxes().vatIncluded();
        to.cityTaxPerPersonNight = from.taxes().cityTaxPerPersonNight().amount();
        to.vatRates = TaxRows.write(from.taxes().rates());
        to.cityTaxRule = TaxRows.write(from.taxes().cityTax());
        to.rounding = from.rounding().mode().name();
        to.businessDate = from.businessDate();
        to.language = from.language();
        to.address = from.address();
        to.vatId = from.vatId();
    }

    static Property toDomain(PropertyEntity row) {
        Currency currency = Money.currency(row.currency);
        return new Property(
                PropertyId.of(row.id),
                row.code,
                row.name,
                ZoneId.of(row.timezone),
                currency,
                row.checkInTime,
                row.checkOutTime,
                row.maxStayNights,
                new TaxPolicy(
                        row.vatPercent,
                        row.vatIncluded,
                        Money.of(row.cityTaxPerPersonNight, currency),
                        TaxRows.readRates(row.vatRates),
                        TaxRows.readRule(row.cityTaxRule, Money.of(row.cityTaxPerPersonNight, currency))),
                new Rounding(RoundingMode.valueOf(row.rounding)),
                row.businessDate,
                row.language,
                row.address,
                row.vatId,
                row.version);
    }

    static void copy(RoomType from, RoomTypeEntity to) {
        to.propertyId = from.propertyId().value();
        to.code = from.code();
        to.name = from.name();
        to.maxAdults = from.maxAdults();
        to.maxChildren = from.maxChildren();
        to.maxOccupancy = from.maxOccupancy();
        to.baseOccupancy = from.baseOccupancy();
        to.ageBands = TaxRows.writeBands(from.ageBands());
        to.overbookingLimit = from.overbookingLimit();
    }

    static RoomType toDomain(RoomTypeEntity row) {
        return new RoomType(
                PropertyId.of(row.propertyId),
                row.code,
                row.name,
                row.maxAdults,
                row.maxChildren,
                row.maxOccupancy,
                row.baseOccupancy,
                row.overbookingLimit,
                row.version,
                TaxRows.readBands(row.ageBands));
    }

    static void copy(Room from, RoomEntity to) {
        to.propertyId = from.propertyId().value();
        to.number = from.number();
        to.roomType = from.roomType();
        to.floor = from.floor();
        to.housekeeping = from.housekeeping().name();
        // Replaced only when changed, so that saving a room does not rewrite its periods every time.
        if (!outOfOrder(to).equals(from.outOfOrder())) {
            to.outOfOrder.clear();
            for (OutOfOrder period : from.outOfOrder()) {
                RoomEntity.OutOfOrderRow row = new RoomEntity.OutOfOrderRow();
                row.startDate = period.period().start();
                row.endDate = period.period().end();
                row.reason = period.reason();
                to.outOfOrder.add(row);
            }
        }
    }

    static Room toDomain(RoomEntity row) {
        return new Room(
                PropertyId.of(row.propertyId),
                row.number,
                row.roomType,
                row.floor,
                HousekeepingStatus.valueOf(row.housekeeping),
                outOfOrder(row),
                row.version);
    }

    private static List<OutOfOrder> outOfOrder(RoomEntity row) {
        return row.outOfOrder.stream()
                .map(period -> new OutOfOrder(DateRange.of(period.startDate, period.endDate), period.reason))
                .sorted(Comparator.comparing(period -> period.period().start()))
                .toList();
    }
}
