package io.hotelkit.reservations;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A change of a booking: what is null stays as it is. */
public record BookingChanges(
        @Nullable LocalDate checkinDate,
        @Nullable LocalDate checkoutDate,
        @Nullable String roomType,
        @Nullable Integer adults,
        @Nullable Integer children,
        @Nullable String specialRequests) {}
