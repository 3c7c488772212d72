package io.hotelkit.server;

import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import java.time.Clock;

/** Starts the reference server: {@code java -jar hotel-api-helidon.jar}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        ServerConfig config;
        try {
            config = ServerConfig.load();
        } catch (RuntimeException e) {
            System.err.println("hotelkit: cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Infrastructure infrastructure = Infrastructure.inMemory(config, Clock.systemUTC());
        AdminKey.bootstrap(infrastructure.apiKeys(), config.adminKey(), infrastructure.ids(), infrastructure.clock())
                .ifPresent(key -> System.out.println("""
                        hotelkit: no API key existed, so this admin key was made. It is shown this once; keep it:

                            %s
                        """.formatted(key)));
        WebServer server = Server.create(infrastructure).start();
        System.out.println("hotelkit: listening on http://localhost:" + server.port());
    }
}
