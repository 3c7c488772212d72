package io.hotelkit.server;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;

/**
 * A {@code /v1} request with a body sends JSON (else 415) of at most 1 MiB (else 413), decided from the
 * headers before anything is read. {@link Bodies} enforces the size again while reading, for bodies sent
 * without a length.
 */
final class BodyRules implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (Authentication.isApi(req) && req.content().hasEntity()) {
            if (req.headers().contentLength().orElse(0) > Bodies.MAX_BYTES) {
                throw ApiException.payloadTooLarge(Bodies.MAX_BYTES);
            }
            Optional<HttpMediaType> type = req.headers().contentType();
            if (type.isEmpty() || !type.get().test(MediaTypes.APPLICATION_JSON)) {
                throw ApiException.unsupportedMediaType(type.map(HttpMediaType::text).orElse("none"));
            }
        }
        chain.proceed();
    }
}
