/** Folios, taxes on them, payments through the gateway port, invoices and credit notes. */
@NullMarked
package io.hotelkit.billing;

import org.jspecify.annotations.NullMarked;
