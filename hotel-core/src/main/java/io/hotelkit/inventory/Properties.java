package io.hotelkit.inventory;

import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The properties. Like every repository, {@code save} stores a new aggregate at version 1 and a changed
 * one at the next version, refusing with {@link io.hotelkit.shared.VersionConflictException} a copy whose
 * version is not the stored one; it returns what it stored.
 */
public interface Properties {

    Optional<Property> findBy(PropertyId id);

    Optional<Property> findByCode(String code);

    /** The property, or {@link NotFoundException}. */
    default Property require(PropertyId id) {
        return findBy(Objects.requireNonNull(id, "property id")).orElseThrow(() -> new NotFoundException("property", id));
    }

    /** Properties in id order, after {@code afterId} if given, at most {@code limit}. */
    List<Property> list(@Nullable PropertyId afterId, int limit);

    Property save(Property property);
}
