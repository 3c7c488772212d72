package io.hotelkit.server;

import io.hotelkit.Hotel;
import io.hotelkit.availability.AvailabilityQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.params.SetParams;

/**
 * Rendered availability answers that instances share through Redis, keyed by the search and by the outbox
 * position of the property's newest change ({@link Hotel#positionAt}): a number every instance gives the
 * same state of the property, and that an instance answers only while its engine holds exactly that state.
 * So an instance that has not caught up with a change asks under the position before it, and finds the
 * answer of the state it holds, never a newer one; and it keeps what it renders only if its engine was at
 * that position before and after rendering (a change in between would have moved the engine's version).
 * While the property has no such position on this instance (a change of its own in flight or not yet seen
 * in the outbox, one of another instance not yet caught up with), the answer is rendered here and not
 * shared. While Redis is down, answers are rendered here ({@link SharedRedis} warns once and counts it).
 *
 * <p>Bounded: each answer expires {@link #TIME_TO_LIVE} after it was kept (answers of older positions are
 * never asked for again, and go then), an answer over {@link #MAX_BYTES} is not kept, and Redis's own
 * {@code maxmemory} with an LRU policy bounds the whole (deploy/ sets it).
 */
final class SharedOffers {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);
    static final int MAX_BYTES = 256 * 1024;
    /**
     * Part of every key: changed whenever an answer's JSON changes, so that instances of two releases running
     * side by side during an upgrade never share an answer.
     */
    static final String FORMAT = "1";
    private static final String KEYS = SharedRedis.PREFIX + "offers:" + FORMAT + ":";

    /** What became of a search, for the metrics. */
    enum Outcome { HIT, MISS, UNSETTLED, UNAVAILABLE }

    private final SharedRedis redis;
    private final Hotel hotel;
    private final Consumer<Outcome> counted;
    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);

    SharedOffers(SharedRedis redis, Hotel hotel, Consumer<Outcome> counted) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.hotel = Objects.requireNonNull(hotel, "hotel");
        Objects.requireNonNull(counted, "counted");
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new LongAdder());
        }
        this.counted = outcome -> {
            counts.get(outcome).increment();
            counted.accept(outcome);
        };
    }

    /** How many searches had {@code outcome} since this started. */
    long count(Outcome outcome) {
        return counts.get(outcome).sum();
    }

    /** The answer to {@code query} with the engine at {@code engineVersion}: shared, or rendered by {@code render}. */
    byte[] get(AvailabilityQuery query, long engineVersion, Supplier<byte[]> render) {
        return get(query, false, engineVersion, render);
    }

    /** As {@link #get(AvailabilityQuery, long, Supplier)}, the offers with their splits ({@code breakdown=true}) kept apart. */
    byte[] get(AvailabilityQuery query, boolean breakdown, long engineVersion, Supplier<byte[]> render) {
        OptionalLong position = hotel.positionAt(query.propertyId(), engineVersion);
        if (position.isEmpty() || !redis.up()) {
            counted.accept(position.isEmpty() ? Outcome.UNSETTLED : Outcome.UNAVAILABLE);
            return render.get();
        }
        byte[] key = key(query, breakdown, position.getAsLong());
        Optional<byte[]> kept = redis.call(jedis -> jedis.get(key));
        if (kept.isPresent()) {
            counted.accept(Outcome.HIT);
            return kept.get();
        }
        byte[] rendered = render.get();
        if (!redis.up()) {
            counted.accept(Outcome.UNAVAILABLE);
            return rendered;
        }
        counted.accept(Outcome.MISS);
        if (rendered.length <= MAX_BYTES && hotel.positionAt(query.propertyId(), engineVersion).equals(position)) {
            redis.call(jedis -> jedis.set(key, rendered, SetParams.setParams().px(TIME_TO_LIVE.toMillis())));
        }
        return rendered;
    }

    /**
     * {@code hotelkit:offers:<format>:<property>:<position>:<checkin>:<checkout>:<adults>:<children>:<type>:<plan>},
     * then {@code :ages=4,11} when the children's ages are given and {@code :breakdown} when the offers' splits are asked for.
     */
    static byte[] key(AvailabilityQuery query, long position) {
        return key(query, false, position);
    }

    static byte[] key(AvailabilityQuery query, boolean breakdown, long position) {
        String key = KEYS + part(query.propertyId().value()) + ":" + position + ":" + query.stay().checkin() + ":"
                + query.stay().checkout() + ":" + query.occupancy().adults() + ":" + query.occupancy().children() + ":"
                + part(query.roomType()) + ":" + part(query.ratePlan())
                + (query.occupancy().childrenAges().isEmpty() ? "" : ":ages=" + ages(query.occupancy().childrenAges()))
                + (breakdown ? ":breakdown" : "");
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static String ages(java.util.List<Integer> ages) {
        StringBuilder text = new StringBuilder();
        for (int age : ages) {
            text.append(text.isEmpty() ? "" : ",").append(age);
        }
        return text.toString();
    }

    /** Nothing for none, else {@code =} and the code encoded (so with no {@code :} nor {@code =} of its own). */
    private static String part(@Nullable String code) {
        return code == null ? "" : "=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}
