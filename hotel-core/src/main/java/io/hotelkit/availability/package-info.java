/** The availability engine: offers in a few word operations per room type, and every sale decided once. */
@NullMarked
package io.hotelkit.availability;

import org.jspecify.annotations.NullMarked;
