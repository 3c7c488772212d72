/**
 * Billing's implementation parts that other packages of hotel-core use (the charges of a night in the
 * house, posted by the night audit and at check-out). Not API: the module does not export this package,
 * and it may change in any release. It is billing's own, apart from {@code io.hotelkit.internal}, which
 * billing uses: one package for both would make the two depend on each other.
 */
@NullMarked
package io.hotelkit.billing.internal;

import org.jspecify.annotations.NullMarked;
