/** Properties, room types and rooms: what a hotel has to sell, and its taxes. */
@NullMarked
package io.hotelkit.inventory;

import org.jspecify.annotations.NullMarked;
