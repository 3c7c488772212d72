/** A guest's rights of access and erasure. */
@NullMarked
package io.hotelkit.privacy;

import org.jspecify.annotations.NullMarked;
