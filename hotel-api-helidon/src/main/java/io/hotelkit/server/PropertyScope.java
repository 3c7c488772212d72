package io.hotelkit.server;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.hotelkit.shared.PropertyId;

/**
 * A key scoped to some properties sees nothing of the others: {@code /v1/properties/{propertyId}} and everything
 * under it is 404 for a property outside the caller's scope, exactly as for one that does not exist.
 */
final class PropertyScope implements Filter {

    private static final String PREFIX = "/v1/properties/";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (path.startsWith(PREFIX) && path.length() > PREFIX.length()) {
            int end = path.indexOf('/', PREFIX.length());
            String property = path.substring(PREFIX.length(), end < 0 ? path.length() : end);
            Caller caller = Caller.of(req);
            if (!caller.apiKey().allProperties() && !inScope(caller, property)) {
                throw ApiException.notFound("no property '" + property + "'");
            }
        }
        chain.proceed();
    }

    private static boolean inScope(Caller caller, String property) {
        try {
            return caller.mayAccess(PropertyId.of(property));
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
