/**
 * Occupancy, ADR, RevPAR, arrivals, departures and in-house lists, counted from the bookings; the books of a
 * business date (finance report, double-entry journal), counted from the folios.
 */
@NullMarked
package io.hotelkit.reporting;

import org.jspecify.annotations.NullMarked;
