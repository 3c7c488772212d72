package io.hotelkit.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import java.util.Optional;

/**
 * Every {@code /v1} request carries {@code Authorization: Bearer <key>} of a stored, unrevoked key, or is
 * refused with 401; the key becomes the request's {@link Caller}, and the actor of every change it makes.
 * Keys are found by their hash: the server never holds a plain key.
 */
final class Authentication implements Filter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;

    Authentication(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    static boolean isApi(RoutingRequest req) {
        String path = req.path().path();
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!isApi(req)) {
            chain.proceed();
            return;
        }
        Caller caller = new Caller(authenticate(req));
        req.context().register(caller);
        caller.serve(chain::proceed);
    }

    private ApiKey authenticate(RoutingRequest req) {
        String authorization = req.headers().first(HeaderNames.AUTHORIZATION)
                .orElseThrow(() -> ApiException.unauthorized("send an API key: Authorization: Bearer <key>"));
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("the Authorization header must be: Bearer <key>");
        }
        String hash = Secrets.hash(authorization.substring(BEARER.length()).strip());
        Optional<ApiKey> found = apiKeys.findByHash(hash).filter(key -> Secrets.sameHash(key.hash(), hash));
        if (found.isEmpty() || found.get().isRevoked()) {
            throw ApiException.unauthorized("unknown or revoked API key");
        }
        return found.get();
    }
}
