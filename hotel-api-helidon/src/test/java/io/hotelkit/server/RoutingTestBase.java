package io.hotelkit.server;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpServer;

/**
 * What every {@code @RoutingTest} of the server shares: the server's set-up, and an {@link Api} over the
 * direct client. A test class adds its own {@link Fixture} (each class has a hotel of its own) and routes
 * to it in one line:
 *
 * <pre>{@code
 * @RoutingTest
 * class PingResourceTest extends RoutingTestBase {
 *     private static final Fixture fixture = new Fixture();
 *
 *     PingResourceTest(DirectClient client) {
 *         super(client);
 *     }
 *
 *     @SetUpRoute
 *     static void routing(HttpRouting.Builder routing) {
 *         fixture.routing(routing);
 *     }
 * }
 * }</pre>
 *
 * <p>Helidon's test extension looks for the static {@code @SetUpServer} and {@code @SetUpRoute} methods on
 * the test class and its superclasses (superclass first), and {@code @RoutingTest} is inherited; the route
 * stays in each class because it is where the class's fixture is.
 */
@RoutingTest
abstract class RoutingTestBase {

    /** The API as the test class's client calls it, without sockets. */
    protected final Api api;

    protected RoutingTestBase(DirectClient client) {
        this.api = new Api(client);
    }

    /**
     * No features found on the class path. Helidon's test support would add its observe feature otherwise,
     * with metrics whose removal at the end can deadlock a request still recording its own.
     */
    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.featuresDiscoverServices(false);
    }
}
