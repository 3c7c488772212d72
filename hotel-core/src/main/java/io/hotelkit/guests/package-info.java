/** Guest profiles with free-form preferences, and loyalty. */
@NullMarked
package io.hotelkit.guests;

import org.jspecify.annotations.NullMarked;
