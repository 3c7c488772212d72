package io.hotelkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.shared.Idempotency;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.UnitOfWork;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Makes creating POSTs idempotent under the {@code Idempotency-Key} header: wrap the endpoint with
 * {@link #creating}. The first request with a key runs the endpoint and stores its reply in the same
 * transaction as what it creates; the same key with the same body replays that reply with
 * {@code Idempotent-Replayed: true}; with another body it is 422; while the first still runs, 409.
 * Keys are scoped to the calling API key.
 *
 * <p>It is the hotel's own idempotency layer ({@link io.hotelkit.Hotel#idempotency()}) with the HTTP request
 * (method, path, canonical body) as the request and the reply as the outcome. An endpoint passes
 * {@link #key} on to the core service it calls, which then records nothing of its own (one record per key)
 * and derives the payment gateway's key from it.
 */
final class Idempotent {

    public static final HeaderName KEY = HeaderNames.create("Idempotency-Key");
    public static final HeaderName REPLAYED = HeaderNames.create("Idempotent-Replayed");

    private final Idempotency idempotency;
    private final UnitOfWork transactions;
    // Within one instance a second request with a running key is refused here at once; across
    // instances the store's claim serialises them.
    private final Set<IdempotencyKey> running = ConcurrentHashMap.newKeySet();

    public Idempotent(Idempotency idempotency, UnitOfWork transactions) {
        this.idempotency = idempotency;
        this.transactions = transactions;
    }

    /** The request's idempotency key, scoped to the calling API key; {@code null} without the header. */
    static @Nullable IdempotencyKey key(ServerRequest req) {
        return req.headers().first(KEY).map(header -> new IdempotencyKey(Caller.of(req).id(), header)).orElse(null);
    }

    /** {@code create}, run at most once per idempotency key, in one transaction with the key's record. */
    public <T> Routes.BodyEndpoint<T> creating(Routes.BodyEndpoint<T> create) {
        return (req, body) -> {
            IdempotencyKey key = key(req);
            if (key == null) {
                return transactions.inTransaction(() -> create.handle(req, body));
            }
            if (!running.add(key)) {
                throw inProgress(key);
            }
            try {
                return idempotency.once(key, request(req, body),
                        () -> create.handle(req, body), Idempotent::remember, Idempotent::replay);
            } finally {
                running.remove(key);
            }
        };
    }

    /** {@code create} without a body (an invoice issued from a folio), run at most once per idempotency key. */
    public Routes.Endpoint creating(Routes.Endpoint create) {
        Routes.BodyEndpoint<NoBody> withoutBody = creating((req, none) -> create.handle(req));
        return req -> withoutBody.handle(req, NoBody.INSTANCE);
    }

    /** What a request without a body is fingerprinted as: its method and path alone. */
    private enum NoBody {
        INSTANCE
    }

    static ApiException inProgress(IdempotencyKey key) {
        return ApiException.conflict("idempotency-key-in-use",
                "a request with idempotency key '" + key.key() + "' is still running; retry when it has finished");
    }

    /** The same key on another path is another request, as is another body. */
    private static Idempotency.Request request(ServerRequest req, Object body) {
        return Idempotency.Request.of(req.prologue().method().text() + " " + req.prologue().uriPath().path())
                .with("body", body == NoBody.INSTANCE ? null : Json.canonical(body));
    }

    private static String remember(Reply reply) {
        return Json.text(new Stored(reply.status(), reply.headers(),
                reply.body() == null ? null : Json.mapper().valueToTree(reply.body())));
    }

    private static Reply replay(String outcome) {
        Stored stored = Json.read(outcome, Stored.class);
        JsonNode body = stored.body() == null || stored.body().isNull() ? null : stored.body();
        return new Reply(stored.status(), body, stored.headers()).withHeader(REPLAYED.defaultCase(), "true");
    }

    private record Stored(int status, Map<String, String> headers, @Nullable JsonNode body) {}
}
