package io.hotelkit.access;

import io.hotelkit.shared.PropertyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stored API key: never the key itself, only its SHA-256 hash, with one role and a property scope.
 *
 * @param propertyIds the properties the key may see; empty for all of them
 * @param revokedAt when the key was revoked; a revoked key authenticates no one
 */
public record ApiKey(
        String id,
        String name,
        Role role,
        Set<PropertyId> propertyIds,
        String hash,
        Instant createdAt,
        @Nullable Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "api key id");
        Objects.requireNonNull(name, "api key name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("api key name must have 1 to 200 characters");
        }
        Objects.requireNonNull(role, "role");
        propertyIds = Set.copyOf(propertyIds);
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "created at");
    }

    public boolean allProperties() {
        return propertyIds.isEmpty();
    }

    public boolean mayAccess(PropertyId propertyId) {
        return propertyIds.isEmpty() || propertyIds.contains(propertyId);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public ApiKey revoked(Instant at) {
        return new ApiKey(id, name, role, propertyIds, hash, createdAt, at);
    }
}
