/** API keys: hashed, with one role and a property scope each. */
@NullMarked
package io.hotelkit.access;

import org.jspecify.annotations.NullMarked;
