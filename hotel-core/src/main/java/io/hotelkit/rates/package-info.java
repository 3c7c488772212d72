/** Rate plans, their nightly grids, restrictions and cancellation policies: the one place prices are decided. */
@NullMarked
package io.hotelkit.rates;

import org.jspecify.annotations.NullMarked;
