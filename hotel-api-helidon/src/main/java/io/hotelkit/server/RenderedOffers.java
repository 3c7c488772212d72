package io.hotelkit.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hotelkit.availability.AvailabilityQuery;
import java.util.function.Supplier;

/**
 * Availability answers as the JSON bytes sent, kept by search and by the engine's version of the property
 * (the same key as core's offer cache): a write that could change an answer (a sale, a cancellation, a
 * rate, a room, the business date) moves the version on this instance, so the bytes of the old answer
 * become unreachable at once; so does a property reloaded with what other instances changed, whose new
 * index takes versions its old one never had. Unreachable answers age out by size.
 */
final class RenderedOffers {

    /** A search at one version of its property's inventory and rates. */
    private record Key(AvailabilityQuery query, boolean breakdown, long version) {}

    private final Cache<Key, byte[]> cache;

    RenderedOffers(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    /**
     * The answer to {@code query} at {@code version}, rendered by {@code render} and kept if it is not
     * kept yet. Only answers are kept: a search {@code render} refuses (by throwing) is searched again.
     */
    byte[] get(AvailabilityQuery query, long version, Supplier<byte[]> render) {
        return get(query, false, version, render);
    }

    /** As {@link #get(AvailabilityQuery, long, Supplier)}, the offers with their splits ({@code breakdown=true}) kept apart. */
    byte[] get(AvailabilityQuery query, boolean breakdown, long version, Supplier<byte[]> render) {
        return cache.get(new Key(query, breakdown, version), key -> render.get());
    }

    long hits() {
        return cache.stats().hitCount();
    }
}
