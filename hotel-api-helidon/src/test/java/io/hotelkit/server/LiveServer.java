package io.hotelkit.server;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

/**
 * A fixture's server on a free port of the loopback, for the tests that run one suite on several
 * databases (an abstract class, a subclass a database): Helidon's {@code @ServerTest} wants its set-up in
 * the test class itself. Closing stops the server and closes the fixture.
 */
final class LiveServer implements AutoCloseable {

    private final Fixture fixture;
    private final WebServer server;
    private final Http1Client client;

    private LiveServer(Fixture fixture, WebServer server) {
        this.fixture = fixture;
        this.server = server;
        this.client = Http1Client.builder().baseUri("http://127.0.0.1:" + server.port()).build();
    }

    static LiveServer start(Fixture fixture) {
        WebServerConfig.Builder config = WebServer.builder().host("127.0.0.1").port(0);
        fixture.server(config);
        return new LiveServer(fixture, config.build().start());
    }

    Fixture fixture() {
        return fixture;
    }

    int port() {
        return server.port();
    }

    Http1Client client() {
        return client;
    }

    Api api() {
        return new Api(client);
    }

    @Override
    public void close() throws Exception {
        try (Fixture closed = fixture) {
            server.stop();
        }
    }
}
