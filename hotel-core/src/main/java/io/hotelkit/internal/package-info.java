/**
 * Implementation parts several packages of hotel-core share (the rules for codes, decimal parsing, a compact
 * list of money, card-token checks). Not API: the module does not export this package, and it may change
 * in any release.
 */
@NullMarked
package io.hotelkit.internal;

import org.jspecify.annotations.NullMarked;
