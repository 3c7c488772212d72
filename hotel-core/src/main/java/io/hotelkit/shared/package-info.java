/** The shared kernel: money, ids, stays, events, transactions and the ports every context uses. */
@NullMarked
package io.hotelkit.shared;

import org.jspecify.annotations.NullMarked;
