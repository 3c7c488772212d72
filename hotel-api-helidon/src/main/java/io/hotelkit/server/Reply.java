package io.hotelkit.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an endpoint answers: a status, a JSON body (or none) and headers. Endpoints return replies rather
 * than write responses, so that an idempotent creation can store its reply and send it again.
 */
record Reply(int status, @Nullable Object body, Map<String, String> headers) {

    public Reply {
        Objects.requireNonNull(headers, "headers");
        headers = Map.copyOf(headers);
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    /** 201 with the new resource and its address. */
    public static Reply created(String location, Object body) {
        return new Reply(201, body, Map.of("Location", location));
    }

    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, more);
    }

    /** A body already rendered as JSON, sent as it is (an availability answer kept with its offers). */
    public record Rendered(byte[] bytes) {}

    /** A body that is not JSON, sent as it is with its content type: an invoice's PDF, a journal's CSV. */
    public record Document(byte[] bytes, String contentType) {}

    void send(ServerResponse res) {
        res.status(Status.create(status));
        headers.forEach(res::header);
        if (body == null) {
            res.send();
        } else if (body instanceof Document document) {
            res.header(HeaderNames.CONTENT_TYPE, document.contentType());
            res.send(document.bytes());
        } else {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(body instanceof Rendered rendered ? rendered.bytes() : Json.bytes(body));
        }
    }
}
