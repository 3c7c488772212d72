package io.hotelkit.server;

import io.helidon.logging.common.LogConfig;
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
        HotelServer server;
        try {
            server = HotelServer.start(config, Clock.systemUTC());
        } catch (StartupException e) {
            System.err.println("hotelkit: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "hotel-shutdown"));
        server.generatedAdminKey().ifPresent(key -> System.out.println("""
                hotelkit: no API key existed, so this admin key was made. It is shown this once; keep it:

                    %s
                """.formatted(key)));
        System.out.println("hotelkit: listening on http://localhost:" + server.port());
    }
}
