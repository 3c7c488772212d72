/**
 * The server's side of the payment gateway port: an HTTP adapter to a gateway in another process, and the
 * resilience4j guards (time limit, retries with the same idempotency key, circuit breaker, bulkhead) that
 * wrap whichever gateway is configured.
 */
@NullMarked
package io.hotelkit.server.payments;

import org.jspecify.annotations.NullMarked;
