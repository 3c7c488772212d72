package io.hotelkit.jpa;

import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.reservations.Block;
import io.hotelkit.reservations.BlockStatus;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingStatus;
import io.hotelkit.reservations.ChannelRef;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.GuestId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.ReservationId;
import io.hotelkit.shared.Stay;
import java.util.Currency;

/** Maps bookings and blocks to their rows and back; {@code copy} writes every field but the version. */
final class ReservationMapper {

    private ReservationMapper() {}

    static void copy(Booking from, BookingEntity to) {
        to.id = from.id().value();
        to.propertyId = from.propertyId().value();
        to.confirmationCode = from.confirmationCode();
        to.guestId = from.guestId().value();
        to.roomType = from.roomType();
        to.roomNumber = from.roomNumber();
        to.roomRequested = from.roomRequested();
        to.ratePlan = from.ratePlan();
        to.blockCode = from.block();
        to.checkin = from.stay().checkin();
        to.checkout = from.stay().checkout();
        to.adults = from.occupancy().adults();
        to.children = from.occupancy().children();
        to.childrenAges = TaxRows.writeAges(from.occupancy().childrenAges());
        to.currency = from.total().currency().getCurrencyCode();
        to.nightlyPrices = Json.write(from.nightly().stream().map(price -> price.amount().toPlainString()).toList());
        to.total = from.total().amount();
        to.freeUntilDaysBefore = from.cancellationPolicy().freeUntilDaysBefore();
        to.penalty = from.cancellationPolicy().penalty().name();
        to.penaltyPercent = from.cancellationPolicy().percent();
        to.status = from.status().name();
        to.specialRequests = from.specialRequests();
        to.cardToken = from.cardToken();
        to.createdBy = from.createdBy();
        to.createdAt = from.createdAt();
        to.updatedAt = from.updatedAt();
        to.cancellationReason = from.cancellationReason();
        to.reservationId = from.reservationId() == null ? null : from.reservationId().value();
        to.reservationRoom = from.reservationRoom();
        to.source = from.channel() == null ? null : from.channel().source();
        to.externalRef = from.channel() == null ? null : from.channel().externalRef();
        to.guestName = from.guestName();
    }

    static Booking toDomain(BookingEntity row) {
        Currency currency = Money.currency(row.currency);
        return new Booking(
                BookingId.of(row.id),
                PropertyId.of(row.propertyId),
                row.confirmationCode,
                GuestId.of(row.guestId),
                row.roomType,
                row.roomNumber,
                row.roomRequested,
                row.ratePlan,
                row.blockCode,
                Stay.of(row.checkin, row.checkout),
                row.childrenAges == null ? Occupancy.of(row.adults, row.children)
                        : new Occupancy(row.adults, row.children, TaxRows.readAges(row.childrenAges)),
                Json.readStrings(row.nightlyPrices).stream().map(price -> Money.of(price, currency)).toList(),
                Money.of(row.total, currency),
                new CancellationPolicy(row.freeUntilDaysBefore, CancellationPolicy.Penalty.valueOf(row.penalty),
                        row.penaltyPercent),
                BookingStatus.valueOf(row.status),
                row.specialRequests,
                row.cardToken,
                row.createdBy,
                row.createdAt,
                row.updatedAt,
                row.cancellationReason,
                row.version,
                row.reservationId == null ? null : ReservationId.of(row.reservationId),
                row.reservationRoom,
                row.source == null || row.externalRef == null ? null : ChannelRef.of(row.source, row.externalRef),
                row.guestName);
    }

    static void copy(Block from, BlockEntity to) {
        to.propertyId = from.propertyId().value();
        to.code = from.code();
        to.name = from.name();
        to.roomType = from.roomType();
        to.ratePlan = from.ratePlan();
        to.firstNight = from.nights().start();
        to.endDate = from.nights().end();
        to.rooms = from.rooms();
        to.releaseDate = from.releaseDate();
        to.status = from.status().name();
    }

    static Block toDomain(BlockEntity row) {
        return new Block(PropertyId.of(row.propertyId), row.code, row.name, row.roomType, row.ratePlan,
                DateRange.of(row.firstNight, row.endDate), row.rooms, row.releaseDate, BlockStatus.valueOf(row.status),
                row.version);
    }
}
