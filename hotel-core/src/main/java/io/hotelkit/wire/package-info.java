/**
 * The wire format of domain events, for adapters: each typed event record as the map of JSON values
 * (snake_case keys, dates as ISO strings, amounts as plain decimal strings) that the JPA outbox stores and the
 * server's {@code /events} and audit trail show, and back. The domain never sees these maps.
 */
@NullMarked
package io.hotelkit.wire;

import org.jspecify.annotations.NullMarked;
