package io.hotelkit.server;

import static io.hotelkit.access.Role.AUDITOR;
import static io.hotelkit.access.Role.CHANNEL;
import static io.hotelkit.access.Role.FRONT_DESK;
import static io.hotelkit.access.Role.HOUSEKEEPING;
import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.access.Role;
import org.junit.jupiter.api.Test;

@RoutingTest
class AuthenticationTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();

    AuthenticationTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @Test
    void a_request_without_a_key_is_401() {
        var response = api.get("/v1/properties/P1/widgets", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.problem()).isEqualTo("unauthorized");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void a_key_not_sent_as_bearer_is_401() {
        var response = api.call(Method.GET, "/v1/properties/P1/widgets", null, null, null,
                "Authorization", "Basic " + fixture.key(FRONT_DESK));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void an_unknown_key_is_401() {
        var response = api.get("/v1/properties/P1/widgets", Secrets.newKey());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problem()).isEqualTo("unauthorized");
    }

    @Test
    void a_revoked_key_is_401() {
        var response = api.get("/v1/properties/P1/widgets", fixture.revokedKey(FRONT_DESK));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void an_unknown_path_under_v1_without_a_key_is_401_not_404() {
        assertThat(api.get("/v1/no-such-thing", null).status()).isEqualTo(401);
    }

    @Test
    void a_role_the_route_does_not_admit_is_403() {
        var response = api.post("/v1/properties/P1/widgets", fixture.key(AUDITOR), "{}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.problem()).isEqualTo("forbidden");
        assertThat(response.json().path("detail").asText()).contains("auditor").contains("front_desk");
    }

    @Test
    void a_role_is_refused_before_its_body_is_read() {
        var response = api.post("/v1/properties/P1/widgets", fixture.key(CHANNEL), "{not json");

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void each_route_admits_the_roles_it_names_and_admin() {
        assertThat(api.get("/v1/properties/P1/widgets", fixture.key(HOUSEKEEPING)).status()).isEqualTo(200);
        assertThat(api.get("/v1/properties/P1/widgets", fixture.key(AUDITOR)).status()).isEqualTo(200);
        assertThat(api.get("/v1/properties/P1/widgets", fixture.key(Role.ADMIN)).status()).isEqualTo(200);
        assertThat(api.get("/v1/properties/P1/widgets", fixture.key(CHANNEL)).status()).isEqualTo(403);
        assertThat(api.get("/v1/properties/P1/widgets", fixture.key(Role.MANAGER)).status()).isEqualTo(403);
    }

    @Test
    void a_property_outside_the_keys_scope_is_404_as_if_it_did_not_exist() {
        String key = fixture.key(FRONT_DESK, "P1", "P2");

        var elsewhere = api.get("/v1/properties/P3/widgets", key);
        var missing = api.get("/v1/properties/P1/widgets/no-such-widget", key);

        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.problem()).isEqualTo("not-found");
        assertThat(missing.problem()).isEqualTo(elsewhere.problem());
        assertThat(api.get("/v1/properties/P2/widgets", key).status()).isEqualTo(200);
    }

    @Test
    void a_scoped_key_is_404_outside_its_scope_even_where_its_role_may_not_go() {
        var response = api.post("/v1/properties/P9/widgets", fixture.key(AUDITOR, "P1"), "{}");

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void a_key_with_no_property_ids_sees_every_property() {
        String key = fixture.key(FRONT_DESK);

        assertThat(api.get("/v1/properties/ANY/widgets", key).status()).isEqualTo(200);
    }

    @Test
    void paths_outside_v1_need_no_key() {
        var response = api.get("/not-an-api-path", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }
}
