package io.hotelkit.availability;

import io.hotelkit.inventory.Properties;
import io.hotelkit.inventory.Property;
import io.hotelkit.shared.Cache;
import io.hotelkit.shared.NotFoundException;
import java.util.Objects;

/**
 * Offer search as guests and channels use it: the stay checked against the property's business date and
 * longest stay, the answer cached. Cached answers are keyed by the engine's version of the property, so
 * any write that could change an answer makes the old one unreachable at once.
 */
public final class AvailabilitySearch {

    private final Properties properties;
    private final AvailabilityEngine engine;
    private final Cache<CacheKey, Availability> cache;

    public AvailabilitySearch(Properties properties, AvailabilityEngine engine, Cache<CacheKey, Availability> cache) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * Every offer that takes the stay now.
     *
     * @throws io.hotelkit.shared.InvalidRequestException for a stay before the business date or longer than
     *     the property sells
     */
    public Availability search(AvailabilityQuery query) {
        Objects.requireNonNull(query, "query");
        Property property = properties.findBy(query.propertyId())
                .orElseThrow(() -> new NotFoundException("property", query.propertyId()));
        property.requireSellable(query.stay());
        return cache.get(new CacheKey(query, engine.version(query.propertyId())), key -> engine.search(key.query()));
    }

    public Cache.Stats cacheStats() {
        return cache.stats();
    }

    /** A search at one version of its property's inventory and rates. */
    public record CacheKey(AvailabilityQuery query, long version) {}
}
