/** Occupancy, ADR, RevPAR, arrivals, departures and in-house lists, counted from the bookings. */
@NullMarked
package io.hotelkit.reporting;

import org.jspecify.annotations.NullMarked;
