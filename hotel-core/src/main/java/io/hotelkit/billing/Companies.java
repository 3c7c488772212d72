package io.hotelkit.billing;

import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The companies and travel agents of each property, with their accounts. See
 * {@link io.hotelkit.inventory.Properties} for how {@code save} versions; account entries are only ever added.
 */
public interface Companies {

    Optional<Company> findBy(PropertyId propertyId, CompanyId id);

    /** A property's companies in id order, after {@code afterId} if given, at most {@code limit}. */
    List<Company> list(PropertyId propertyId, @Nullable CompanyId afterId, int limit);

    Company save(Company company);

    /** Removes a company whose account has no entries. */
    void delete(Company company);
}
