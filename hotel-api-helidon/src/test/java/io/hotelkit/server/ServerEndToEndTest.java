package io.hotelkit.server;

import static io.hotelkit.access.Role.ADMIN;
import static io.hotelkit.access.Role.FRONT_DESK;
import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole server over the loopback: the operational endpoints, and a key's life. */
@ServerTest
class ServerEndToEndTest {

    private static final Fixture fixture = new Fixture();
    private final Api api;

    ServerEndToEndTest(Http1Client client) {
        this.api = new Api(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        fixture.server(server);
    }

    @AfterEach
    void database_back_up() {
        fixture.databaseUp.set(true);
    }

    @Test
    void health_is_200_json_with_the_database_check_and_needs_no_key() {
        var health = api.get("/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("checks").findValuesAsText("name")).contains("database");
    }

    @Test
    void health_is_503_while_the_database_is_down() {
        fixture.databaseUp.set(false);

        var health = api.get("/health", null);

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void metrics_are_prometheus_text_with_requests_by_route_template() {
        String key = fixture.key(ADMIN);
        api.get("/v1/api-keys", key);
        api.delete("/v1/api-keys/some-id", key);

        var metrics = api.call(Method.GET, "/metrics", null, null, null, "Accept", "text/plain");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("hotel_http_requests_seconds_count{")
                .contains("route=\"/v1/api-keys\"")
                .contains("route=\"/v1/api-keys/{keyId}\"")
                .doesNotContain("some-id");
    }

    @Test
    void the_openapi_document_needs_no_key() {
        var document = api.get("/openapi", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("openapi: 3").contains("/v1/api-keys").contains("Problem");
    }

    @Test
    void a_new_key_made_by_an_admin_works_until_it_is_revoked() {
        String admin = fixture.key(ADMIN);

        var created = api.post("/v1/api-keys", admin,
                "{\"name\": \"auditor\", \"role\": \"auditor\", \"property_ids\": []}").json();
        String plain = created.path("key").asText();
        var before = api.get("/v1/properties/P1/widgets", plain);
        api.delete("/v1/api-keys/" + created.path("id").asText(), admin);
        var after = api.get("/v1/properties/P1/widgets", plain);

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.header("RateLimit-Limit")).isPresent();
        assertThat(after.status()).isEqualTo(401);
    }

    @Test
    void a_chunked_body_over_one_mebibyte_is_413() {
        byte[] body = ("{\"name\": \"" + "x".repeat(Bodies.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);

        var response = api.postChunked("/v1/properties/P1/widgets", fixture.key(FRONT_DESK), body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.problem()).isEqualTo("payload-too-large");
    }
}
