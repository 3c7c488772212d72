/**
 * Cancellation and no-show forecasts learned from a property's own bookings, net demand per night and
 * room type, and an overbooking allowance recommended by a newsvendor rule.
 *
 * <p>Start with {@link io.hotelkit.forecast.BookingSnapshot} (what was known when a booking was made),
 * {@link io.hotelkit.forecast.CancellationTrainer} and {@link io.hotelkit.forecast.CancellationModel},
 * then {@link io.hotelkit.forecast.DemandForecaster} and {@link io.hotelkit.forecast.OverbookingRule}.
 */
@NullMarked
package io.hotelkit.forecast;

import org.jspecify.annotations.NullMarked;
