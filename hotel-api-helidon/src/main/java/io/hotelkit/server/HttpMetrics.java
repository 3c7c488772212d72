package io.hotelkit.server;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;

/** Times every request, errors included, by method, route template and status. */
final class HttpMetrics implements Filter {

    private final Meters meters;

    HttpMetrics(Meters meters) {
        this.meters = meters;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        res.whenSent(() -> meters.request(req.prologue().method().text(),
                Routes.template(req).orElse("unmatched"),
                res.status().code(),
                Duration.ofNanos(System.nanoTime() - start)));
        chain.proceed();
    }
}
