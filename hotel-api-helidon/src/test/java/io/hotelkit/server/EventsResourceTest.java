package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.hotelkit.access.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event stream over a real connection. */
@ServerTest
class EventsResourceTest {

    private static final Fixture fixture = new Fixture();
    private final Http1Client client;
    private final Api api;

    EventsResourceTest(Http1Client client) {
        this.client = client;
        this.api = new Api(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        fixture.server(server);
    }

    /** The stream's lines until {@code count} events have come (ids, names and data alike). */
    private List<String> read(String path, String key, String lastEventId, int count) throws Exception {
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor();
             Http1ClientResponse response = client.get(path)
                     .header(HeaderNames.AUTHORIZATION, "Bearer " + key)
                     .header(HeaderNames.create("Last-Event-ID"), lastEventId)
                     .request()) {
            assertThat(response.status().code()).isEqualTo(200);
            return reader.submit(() -> {
                List<String> lines = new ArrayList<>();
                BufferedReader in = new BufferedReader(new InputStreamReader(response.inputStream(), StandardCharsets.UTF_8));
                int events = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    if (line.startsWith("data:") && ++events == count) {
                        break;
                    }
                }
                return lines;
            }).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_stream_resumed_after_an_event_sends_only_this_propertys_later_events() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        Lisbon porto = Lisbon.setUp(api, fixture);
        List<String> all = read(lisbon.path("/events"), lisbon.auditor, "0", 3);
        String second = all.stream().filter(line -> line.startsWith("id:")).skip(1).findFirst().orElseThrow()
                .substring(3).strip();
        porto.book("2026-12-01", "2026-12-02", "porto@example.com");
        lisbon.book("2026-12-01", "2026-12-02", "lisbon@example.com");

        List<String> resumed = read(lisbon.path("/events"), lisbon.manager, second, 1);
        List<String> fromTheStart = read(lisbon.path("/events"), lisbon.manager, "0", 1);

        assertThat(all).contains("event:property.created");
        assertThat(resumed).noneMatch(line -> line.equals("id:" + second));
        assertThat(fromTheStart).anyMatch(line -> line.startsWith("data:") && line.contains(lisbon.id));
        assertThat(resumed.stream().filter(line -> line.startsWith("data:")))
                .allMatch(line -> line.contains("\"property_id\":\"" + lisbon.id + "\""));
    }

    @Test
    void a_key_of_another_property_or_role_gets_no_stream() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);

        assertThat(api.get(lisbon.path("/events"), fixture.key(Role.MANAGER, "SOMEWHERE-ELSE")).status()).isEqualTo(404);
        assertThat(api.get(lisbon.path("/events"), lisbon.channel).status()).isEqualTo(403);
        assertThat(api.call(Method.GET, lisbon.path("/events"), lisbon.manager, null, null,
                "Last-Event-ID", "yesterday").status()).isEqualTo(400);
    }
}
