package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.hotelkit.access.Role;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Event streams are bounded: in number, and by their key's life. */
@ServerTest
class EventStreamLimitsTest {

    private static final Fixture fixture = Fixture.withEventStreams(1);
    private final Http1Client client;
    private final Api api;

    EventStreamLimitsTest(Http1Client client) {
        this.client = client;
        this.api = new Api(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        fixture.server(server);
    }

    private Http1ClientResponse open(String path, String key) {
        return client.get(path).header(HeaderNames.AUTHORIZATION, "Bearer " + key).request();
    }

    @Test
    void one_stream_past_the_cap_is_503_and_a_revoked_keys_stream_ends() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        var created = api.post("/v1/api-keys", lisbon.admin,
                "{\"name\": \"dashboard\", \"role\": \"auditor\", \"property_ids\": [\"" + lisbon.id + "\"]}").json();

        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor();
             Http1ClientResponse first = open(lisbon.path("/events"), created.path("key").asText())) {
            assertThat(first.status().code()).isEqualTo(200);
            var second = api.get(lisbon.path("/events"), fixture.key(Role.MANAGER, lisbon.id));
            assertThat(second.status()).isEqualTo(503);
            assertThat(second.header("Retry-After")).isPresent();

            api.delete("/v1/api-keys/" + created.path("id").asText(), lisbon.admin);

            InputStream stream = first.inputStream();
            var ended = reader.submit(() -> {
                stream.readAllBytes();
                return true;
            });
            assertThat(ended.get(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
