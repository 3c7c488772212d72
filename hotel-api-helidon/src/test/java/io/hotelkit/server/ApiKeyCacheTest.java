package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.helidon.webclient.http1.Http1Client;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Verified API keys are kept in memory for a short lifetime: a revocation is refused at once on the
 * instance that made it, on another instance by its next request with read-your-writes on, and without it
 * (and without the periodic catch-up, here an hour apart) once that lifetime has passed.
 */
class ApiKeyCacheTest {

    private static final String ADMIN_KEY = "hk_cache-admin-key-0123456789";
    private static final Duration LIFETIME = Duration.ofSeconds(3);

    private static HotelServer start(String database, Ticker ticker) {
        return start(database, ticker, "false");
    }

    private static HotelServer start(String database, Ticker ticker, String readYourWrites) {
        ServerConfig config = ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DB_URL", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "HOTEL_INSTANCES_READ_YOUR_WRITES", readYourWrites, "HOTEL_INSTANCES_CATCH_UP_PERIOD_MS", "3600000"))
                .withApiKeyCacheLifetime(LIFETIME);
        return HotelServer.start(config, Clock.systemUTC(), ticker);
    }

    @Test
    void with_read_your_writes_a_key_revoked_on_another_instance_is_refused_by_the_next_request_here() {
        String database = "keys-" + UUID.randomUUID();
        AtomicLong nanos = new AtomicLong(); // never moves: the key is never older than its lifetime here
        try (HotelServer here = start(database, nanos::get, "true"); HotelServer there = start(database, Ticker.systemTicker(), "true")) {
            var created = api(there).post("/v1/api-keys", ADMIN_KEY,
                    "{\"name\": \"desk\", \"role\": \"front_desk\", \"property_ids\": []}").json();
            String key = created.path("key").asText();
            assertThat(api(here).get("/v1/ping", key).status()).isEqualTo(200);
            assertThat(api(here).get("/v1/ping", key).status()).as("kept in memory here").isEqualTo(200);

            assertThat(api(there).delete("/v1/api-keys/" + created.path("id").asText(), ADMIN_KEY).status()).isEqualTo(200);

            assertThat(api(here).get("/v1/ping", key).status()).as("refused by the next request, well within the lifetime")
                    .isEqualTo(401);
        }
    }

    private static Api api(HotelServer server) {
        return new Api(Http1Client.builder().baseUri("http://localhost:" + server.port()).build());
    }

    @Test
    void a_key_revoked_on_another_instance_is_refused_here_within_the_lifetime() throws Exception {
        String database = "keys-" + UUID.randomUUID();
        AtomicLong nanos = new AtomicLong(); // how long this instance's keys have been kept: moved by the test only
        try (HotelServer here = start(database, nanos::get); HotelServer there = start(database, Ticker.systemTicker())) {
            Api onHere = api(here);
            Api onThere = api(there);
            var created = onThere.post("/v1/api-keys", ADMIN_KEY,
                    "{\"name\": \"desk\", \"role\": \"front_desk\", \"property_ids\": []}").json();
            String key = created.path("key").asText();
            assertThat(onHere.get("/v1/ping", key).status()).as("a key made on another instance works at once").isEqualTo(200);
            assertThat(onThere.get("/v1/ping", key).status()).isEqualTo(200);

            assertThat(onThere.delete("/v1/api-keys/" + created.path("id").asText(), ADMIN_KEY).status()).isEqualTo(200);

            assertThat(onThere.get("/v1/ping", key).status()).as("refused at once where it was revoked").isEqualTo(401);
            assertThat(onHere.get("/v1/ping", key).status()).as("still kept in memory on the other instance").isEqualTo(200);
            nanos.addAndGet(LIFETIME.toNanos() - 1);
            assertThat(onHere.get("/v1/ping", key).status()).as("kept until the lifetime has passed").isEqualTo(200);
            nanos.addAndGet(1);
            assertThat(onHere.get("/v1/ping", key).status()).as("refused on the other instance once the lifetime has passed")
                    .isEqualTo(401);
        }
    }

    @Test
    void a_lifetime_of_zero_reads_every_key_from_the_database() throws Exception {
        String database = "keys-" + UUID.randomUUID();
        ServerConfig config = ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "0", "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DB_URL", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "HOTEL_CACHE_API_KEYS_LIFETIME_MS", "0"));
        try (HotelServer here = HotelServer.start(config, Clock.systemUTC()); HotelServer there = start(database, Ticker.systemTicker())) {
            var created = api(there).post("/v1/api-keys", ADMIN_KEY,
                    "{\"name\": \"desk\", \"role\": \"front_desk\", \"property_ids\": []}").json();
            String key = created.path("key").asText();
            assertThat(api(here).get("/v1/ping", key).status()).isEqualTo(200);

            api(there).delete("/v1/api-keys/" + created.path("id").asText(), ADMIN_KEY);

            assertThat(api(here).get("/v1/ping", key).status()).isEqualTo(401);
        }
    }
}
