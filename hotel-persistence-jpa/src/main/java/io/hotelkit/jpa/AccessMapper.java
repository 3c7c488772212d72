package io.hotelkit.jpa;

import io.hotelkit.access.ApiKey;
import io.hotelkit.access.Role;
import io.hotelkit.shared.PropertyId;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps API keys to their rows and back. */
final class AccessMapper {

    private AccessMapper() {}

    static void copy(ApiKey from, ApiKeyEntity to) {
        to.id = from.id();
        to.name = from.name();
        to.role = from.role().name();
        to.hash = from.hash();
        to.createdAt = from.createdAt();
        to.revokedAt = from.revokedAt();
        Set<String> propertyIds = from.propertyIds().stream().map(PropertyId::value).collect(Collectors.toSet());
        if (!to.propertyIds.equals(propertyIds)) {
            to.propertyIds.clear();
            to.propertyIds.addAll(propertyIds);
        }
    }

    static ApiKey toDomain(ApiKeyEntity row) {
        return new ApiKey(
                row.id,
                row.name,
                Role.valueOf(row.role),
                row.propertyIds.stream().map(PropertyId::of).collect(Collectors.toSet()),
                row.hash,
                row.createdAt,
                row.revokedAt);
    }
}
