package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.access.Role;
import org.junit.jupiter.api.Test;

@RoutingTest
class PingResourceTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();

    PingResourceTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @Test
    void every_role_gets_a_pong() {
        for (Role role : Role.values()) {
            var pong = api.get("/v1/ping", fixture.key(role));

            assertThat(pong.status()).as(role.name()).isEqualTo(200);
            assertThat(pong.json().path("pong").asBoolean()).isTrue();
        }
    }

    @Test
    void a_ping_without_a_key_is_401() {
        assertThat(api.get("/v1/ping", null).status()).isEqualTo(401);
    }
}
