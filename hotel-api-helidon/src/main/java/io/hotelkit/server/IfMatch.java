package io.hotelkit.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.jspecify.annotations.Nullable;

/**
 * Optimistic concurrency over HTTP: a response carries its resource's version as {@code ETag: "3"}, and
 * a change names the version it was made from in {@code If-Match} ({@code 3}, {@code "3"} or
 * {@code W/"3"}). A change without one is 428; one made from an old version is 409.
 */
final class IfMatch {

    private IfMatch() {}

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version the request's {@code If-Match} names. */
    static long version(ServerRequest req) {
        return parse(req.headers().first(HeaderNames.IF_MATCH)
                .orElseThrow(() -> ApiException.preconditionRequired(
                        "send the version you read, If-Match: <version> (the booking's version, or its ETag)")));
    }

    /** The version {@code If-Match} names, or null without one (a channel sends the stay it wants, not a version). */
    static @Nullable Long optionalVersion(ServerRequest req) {
        return req.headers().first(HeaderNames.IF_MATCH).map(IfMatch::parse).orElse(null);
    }

    private static long parse(String sent) {
        String header = sent.strip();
        String value = header.startsWith("W/") ? header.substring(2) : header;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("If-Match must be a version such as 3 or \"3\", not '" + header + "'");
    }
}
