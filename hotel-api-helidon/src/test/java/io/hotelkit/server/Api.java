package io.hotelkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Calls the server as a client would, through a direct (no socket) or a real client. */
final class Api {

    private final Http1Client client;
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    Api(Http1Client client) {
        this.client = client;
    }

    /**
     * A request this client made and the response it got.
     *
     * @param path without the query
     * @param query the names of its query parameters
     */
    record Exchange(Method method, String path, List<String> query, @Nullable String contentType, @Nullable String body,
                    Response response) {}

    /** Every request made through this client so far, and its response. */
    List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    Response get(String path, @Nullable String key) {
        return call(Method.GET, path, key, null, null);
    }

    Response delete(String path, @Nullable String key) {
        return call(Method.DELETE, path, key, null, null);
    }

    Response post(String path, @Nullable String key, String json, String... headers) {
        return call(Method.POST, path, key, "application/json", json, headers);
    }

    Response patch(String path, @Nullable String key, String json, String... headers) {
        return call(Method.PATCH, path, key, "application/json", json, headers);
    }

    Response put(String path, @Nullable String key, String json) {
        return call(Method.PUT, path, key, "application/json", json);
    }

    /** A POST without a body, such as an action ({@code .../check-out}). */
    Response post(String path, @Nullable String key) {
        return call(Method.POST, path, key, null, null);
    }

    /** @param headers name, value, name, value... */
    Response call(Method method, String path, @Nullable String key, @Nullable String contentType,
                  @Nullable String body, String... headers) {
        int query = path.indexOf('?');
        Http1ClientRequest request = client.method(method).path(query < 0 ? path : path.substring(0, query));
        if (query >= 0) {
            for (String parameter : path.substring(query + 1).split("&")) {
                String[] pair = parameter.split("=", 2);
                request.queryParam(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        if (key != null) {
            request.header(HeaderNames.AUTHORIZATION, "Bearer " + key);
        }
        if (contentType != null) {
            request.header(HeaderNames.CONTENT_TYPE, contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(HeaderNames.create(headers[i]), headers[i + 1]);
        }
        try (Http1ClientResponse response = body == null ? request.request() : request.submit(body)) {
            Response received = Response.of(response);
            List<String> names = query < 0 ? List.of()
                    : Arrays.stream(path.substring(query + 1).split("&")).map(p -> p.split("=", 2)[0]).toList();
            exchanges.add(new Exchange(method, query < 0 ? path : path.substring(0, query), names, contentType, body,
                    received));
            return received;
        }
    }

    /** {@code requests} calls of {@code call} at once, released together; their responses, within 30 s. */
    static List<Response> inParallel(int requests, Callable<Response> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(30, TimeUnit.SECONDS));
            }
            return responses;
        }
    }

    /** A GET whose body is read as bytes (a PDF), with an {@code Accept} header. */
    Download download(String path, String key, String accept) {
        try (Http1ClientResponse response = client.get(path)
                .header(HeaderNames.AUTHORIZATION, "Bearer " + key)
                .header(HeaderNames.ACCEPT, accept)
                .request()) {
            return new Download(response.status().code(), response.headers().contentType().map(Object::toString).orElse(""),
                    response.headers().value(HeaderNames.CONTENT_DISPOSITION).orElse(""), response.as(byte[].class));
        }
    }

    record Download(int status, String contentType, String disposition, byte[] bytes) {}

    /** A POST whose body is streamed without a length (chunked). */
    Response postChunked(String path, String key, byte[] body) {
        try (Http1ClientResponse response = client.post(path)
                .header(HeaderNames.AUTHORIZATION, "Bearer " + key)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .outputStream(out -> {
                    out.write(body);
                    out.close();
                })) {
            return Response.of(response);
        }
    }

    record Response(int status, Map<String, String> headers, String body) {

        static Response of(Http1ClientResponse response) {
            Map<String, String> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().forEach(h -> received.put(h.name(), h.get()));
            String text = response.entity().hasEntity() ? response.as(String.class) : "";
            return new Response(response.status().code(), received, text);
        }

        JsonNode json() {
            return Json.read(body, JsonNode.class);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The code a problem document's type ends in. */
        String problem() {
            String type = json().path("type").asText();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
