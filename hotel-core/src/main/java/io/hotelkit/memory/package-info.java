/** In-memory adapters of every port: thread-safe and transactional, for embedding, tests and benchmarks. */
@NullMarked
package io.hotelkit.memory;

import org.jspecify.annotations.NullMarked;
