/** The night audit: closing a business date. */
@NullMarked
package io.hotelkit.operations;

import org.jspecify.annotations.NullMarked;
