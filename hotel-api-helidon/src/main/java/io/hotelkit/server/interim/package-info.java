/**
 * Temporary in-memory stand-ins for core ports that have no adapter yet (API keys, idempotency records,
 * transactions), so that the server runs and its tests pass before the JPA adapter lands. They keep
 * nothing across a restart; the JPA adapter replaces every one of them.
 */
@NullMarked
package io.hotelkit.server.interim;

import org.jspecify.annotations.NullMarked;
