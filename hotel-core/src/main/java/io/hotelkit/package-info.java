/** The entry point: {@link io.hotelkit.Hotel} wires the domain's services to a {@link io.hotelkit.Storage}. */
@NullMarked
package io.hotelkit;

import org.jspecify.annotations.NullMarked;
