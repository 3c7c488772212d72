/** Bookings and their life, room assignment, and blocks. */
@NullMarked
package io.hotelkit.reservations;

import org.jspecify.annotations.NullMarked;
