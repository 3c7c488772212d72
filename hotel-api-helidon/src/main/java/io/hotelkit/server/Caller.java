package io.hotelkit.server;

import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.Role;
import io.hotelkit.shared.PropertyId;
import java.util.Objects;

/** Who is calling: the API key that authenticated the request, put in the request's context by {@link Authentication}. */
record Caller(ApiKey apiKey) {

    public Caller {
        Objects.requireNonNull(apiKey, "api key");
    }

    private static final ThreadLocal<Caller> SERVING = new ThreadLocal<>();

    /**
     * Who acts on this thread: the id of the API key whose request it serves, or {@code system} outside a
     * request. The hotel asks this for every change it records.
     */
    public static String actor() {
        Caller caller = SERVING.get();
        return caller == null ? "system" : caller.id();
    }

    /** Runs {@code request} with this caller as the thread's {@link #actor()}. */
    void serve(Runnable request) {
        Caller before = SERVING.get();
        SERVING.set(this);
        try {
            request.run();
        } finally {
            if (before == null) {
                SERVING.remove();
            } else {
                SERVING.set(before);
            }
        }
    }

    /** The caller of a {@code /v1} request; every {@code /v1} request has one. */
    public static Caller of(ServerRequest req) {
        return req.context().get(Caller.class)
                .orElseThrow(() -> new IllegalStateException("no caller: is this route outside /v1?"));
    }

    /** The API key's id: the actor of every change, the scope of idempotency keys. */
    public String id() {
        return apiKey.id();
    }

    public Role role() {
        return apiKey.role();
    }

    public boolean mayAccess(PropertyId propertyId) {
        return apiKey.mayAccess(propertyId);
    }
}
