package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

/** {@code /v1/ping}: {@code {"pong": true}} for any valid key, the cost of a call before any work. */
final class PingResource implements HttpService {

    record Pong(boolean pong) {}

    private static final Reply PONG = Reply.ok(new Pong(true));

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes.handle(Route.PING, PingResource::ping));
    }

    private static Reply ping(ServerRequest req) {
        return PONG;
    }
}
