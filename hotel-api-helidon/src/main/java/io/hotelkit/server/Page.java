package io.hotelkit.server;

import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: {@code {"items": [...], "next_cursor": "..."|null}}. A client asks for a page with
 * {@code ?limit=} (default 50, at most 500) and {@code ?cursor=} (the {@code next_cursor} of the page before).
 */
record Page<T>(List<T> items, @Nullable String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The cursor that resumes a list after the item whose key (an id, a code, a position) is {@code key}.
     * Opaque to clients, and checked when it comes back: a cursor no list gave is 400, never a page that
     * quietly starts somewhere.
     */
    public static String cursorOf(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + checksum(bytes);
    }

    /** The key {@code cursor} was made of; 400 naming {@code cursor} if no list gave it. */
    static String keyOf(String cursor) {
        int dot = cursor.lastIndexOf('.');
        if (dot > 0) {
            try {
                byte[] bytes = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
                String key = new String(bytes, StandardCharsets.UTF_8);
                // A checksum is no secret: a client can make one for a key with NUL in it, which no list gave.
                if (checksum(bytes).equals(cursor.substring(dot + 1)) && PlainText.isPlain(key)) {
                    return key;
                }
            } catch (IllegalArgumentException notBase64) {
                // reported below
            }
        }
        throw ApiException.invalid(List.of(new Problem.FieldError("cursor", "is not a cursor this list gave")));
    }

    private static String checksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** This page with each item as {@code view} shows it. */
    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), nextCursor);
    }

    /** Up to {@code limit} items after the one whose key is {@code cursor} (from the first when null). */
    @FunctionalInterface
    public interface Fetch<T> {
        List<T> after(@Nullable String cursor, int limit);
    }

    /**
     * What a request asks for.
     *
     * @param cursor the key of the item the page follows (the {@code cursor} parameter, decoded), or null for the first page
     */
    public record Request(int limit, @Nullable String cursor) {

        public static Request of(ServerRequest req) {
            String limit = req.query().first("limit").orElse(null);
            String cursor = req.query().first("cursor").filter(c -> !c.isEmpty()).orElse(null);
            return new Request(limit == null ? DEFAULT_LIMIT : parseLimit(limit), cursor == null ? null : keyOf(cursor));
        }

        /**
         * The requested page of {@code sorted}, which is in ascending order of {@code key}, the value that
         * cursors carry (an id).
         */
        public <T> Page<T> slice(List<T> sorted, Function<T, String> key) {
            List<T> after = cursor == null ? sorted
                    : sorted.stream().filter(item -> key.apply(item).compareTo(cursor) > 0).toList();
            if (after.size() <= limit) {
                return new Page<>(after, null);
            }
            List<T> items = after.subList(0, limit);
            return new Page<>(items, cursorOf(key.apply(items.getLast())));
        }

        /**
         * The requested page from a store that lists in ascending order of {@code key} after a key:
         * {@code fetch} is asked for one more item than the page holds, to know whether another page follows.
         */
        public <T> Page<T> fetch(Fetch<T> fetch, Function<T, String> key) {
            List<T> found = fetch.after(cursor, limit + 1);
            if (found.size() <= limit) {
                return new Page<>(found, null);
            }
            List<T> items = found.subList(0, limit);
            return new Page<>(items, cursorOf(key.apply(items.getLast())));
        }

        /**
         * The requested page of the items {@code fetch} lists that {@code keep} keeps, for a filter no store
         * query can answer: it looks at {@code maxScan} items at most, so a page may be short (even empty)
         * while its {@code next_cursor} goes on from the last item it looked at.
         */
        public <T> Page<T> filtered(Fetch<T> fetch, Function<T, String> key, Predicate<T> keep, int maxScan) {
            List<T> scanned = fetch.after(cursor, maxScan + 1); // one more than it looks at, to know whether more follow
            List<T> found = new ArrayList<>();
            for (int i = 0; i < Math.min(maxScan, scanned.size()); i++) {
                T item = scanned.get(i);
                if (keep.test(item)) {
                    found.add(item);
                    if (found.size() == limit) {
                        return new Page<>(found, i + 1 < scanned.size() ? cursorOf(key.apply(item)) : null);
                    }
                }
            }
            return new Page<>(found, scanned.size() > maxScan ? cursorOf(key.apply(scanned.get(maxScan - 1))) : null);
        }

        private static int parseLimit(String limit) {
            try {
                int value = Integer.parseInt(limit);
                if (value >= 1 && value <= MAX_LIMIT) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw ApiException.invalid(List.of(new Problem.FieldError("limit",
                    "must be a whole number from 1 to " + MAX_LIMIT)));
        }
    }
}
