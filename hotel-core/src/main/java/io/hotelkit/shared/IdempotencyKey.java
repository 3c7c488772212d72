package io.hotelkit.shared;

import java.util.Objects;

/**
 * A client's idempotency key, within a scope (the API key that sent it, say), so that two clients'
 * keys never collide.
 */
public record IdempotencyKey(String scope, String key) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(scope, "idempotency scope");
        Objects.requireNonNull(key, "idempotency key");
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_LENGTH + " characters");
        }
    }
}
