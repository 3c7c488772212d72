package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.access.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void the_bundled_settings_are_the_documented_defaults() {
        ServerConfig config = ServerConfig.load(Map.of());

        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dbUrl()).startsWith("jdbc:h2:file:./data/");
        assertThat(config.adminKey()).isNull();
        assertThat(config.demo()).isEqualTo(ServerConfig.Demo.NONE);
        assertThat(config.rateLimits()).containsOnlyKeys(Role.values());
        assertThat(config.apiKeyCacheLifetime()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void the_api_key_cache_lifetime_is_set_in_milliseconds_and_zero_turns_it_off() {
        assertThat(ServerConfig.load(Map.of("HOTEL_CACHE_API_KEYS_LIFETIME_MS", "250")).apiKeyCacheLifetime())
                .isEqualTo(Duration.ofMillis(250));
        assertThat(ServerConfig.load(Map.of("HOTEL_CACHE_API_KEYS_LIFETIME_MS", "0")).apiKeyCacheLifetime()).isZero();
        assertThatThrownBy(() -> ServerConfig.load(Map.of("HOTEL_CACHE_API_KEYS_LIFETIME_MS", "-1")))
                .hasMessageContaining("hotel.cache.api-keys-lifetime-ms");
    }

    @Test
    void every_setting_is_overridden_by_its_environment_variable() {
        ServerConfig config = ServerConfig.load(Map.of(
                "HOTEL_HTTP_HOST", "127.0.0.1",
                "HOTEL_HTTP_PORT", "9090",
                "HOTEL_DB_URL", "jdbc:postgresql://localhost/hotel",
                "HOTEL_DB_USER", "hotel",
                "HOTEL_DB_PASSWORD", "secret",
                "HOTEL_ADMIN_KEY", "0123456789abcdef",
                "HOTEL_DEMO", "true",
                "HOTEL_RATE_LIMIT_FRONT_DESK_CAPACITY", "7",
                "HOTEL_RATE_LIMIT_FRONT_DESK_REFILL_PER_SECOND", "0.5"));

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://localhost/hotel");
        assertThat(config.dbUser()).isEqualTo("hotel");
        assertThat(config.dbPassword()).isEqualTo("secret");
        assertThat(config.adminKey()).isEqualTo("0123456789abcdef");
        assertThat(config.demo()).isEqualTo(ServerConfig.Demo.SMALL);
        assertThat(config.rateLimits().get(Role.FRONT_DESK)).isEqualTo(new RateLimiter.Limit(7, 0.5));
    }

    @Test
    void the_payment_gateway_guards_the_cache_and_the_event_streams_are_configured_by_environment_too() {
        ServerConfig config = ServerConfig.load(Map.of("HOTEL_PAYMENT_GATEWAY_TIMEOUT_MS", "500",
                "HOTEL_PAYMENT_GATEWAY_ATTEMPTS", "5", "HOTEL_PAYMENT_GATEWAY_BREAKER_OPEN_SECONDS", "10",
                "HOTEL_CACHE_OFFERS_MAX_SIZE", "99", "HOTEL_EVENTS_MAX_STREAMS", "7", "HOTEL_EVENTS_HEARTBEAT_SECONDS", "3"));

        assertThat(config.paymentGateway().resilience().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.paymentGateway().resilience().attempts()).isEqualTo(5);
        assertThat(config.paymentGateway().resilience().breakerOpenFor()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.offerCacheSize()).isEqualTo(99);
        assertThat(config.maxEventStreams()).isEqualTo(7);
        assertThat(config.eventHeartbeat()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> ServerConfig.load(Map.of("HOTEL_PAYMENT_GATEWAY_ATTEMPTS", "0")))
                .hasMessageContaining("hotel.payment-gateway.attempts");
    }

    @Test
    void redis_is_off_unless_its_url_is_set_and_a_malformed_url_stops_the_start_naming_the_key() {
        assertThat(ServerConfig.load(Map.of()).redisUrl()).isNull();
        assertThat(ServerConfig.load(Map.of("HOTEL_REDIS_URL", "redis://127.0.0.1:6380/2")).redisUrl())
                .hasToString("redis://127.0.0.1:6380/2");
        for (String malformed : List.of("127.0.0.1:6379", "http://127.0.0.1:6379", "redis://", "redis://host/db", "redis ://x")) {
            assertThatThrownBy(() -> ServerConfig.load(Map.of("HOTEL_REDIS_URL", malformed)))
                    .as(malformed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hotel.redis-url")
                    .hasMessageContaining("HOTEL_REDIS_URL");
        }
    }

    @Test
    void the_payment_gateway_is_in_process_unless_an_http_address_is_set() {
        assertThat(ServerConfig.load(Map.of()).paymentGateway().url()).isNull();
        assertThat(ServerConfig.load(Map.of("HOTEL_PAYMENT_GATEWAY_URL", " http://127.0.0.1:8090 ")).paymentGateway().url())
                .hasToString("http://127.0.0.1:8090");
        for (String bad : List.of("127.0.0.1:8090", "ftp://127.0.0.1/", "http://", "http://a b")) {
            assertThatThrownBy(() -> ServerConfig.load(Map.of("HOTEL_PAYMENT_GATEWAY_URL", bad)))
                    .as(bad).hasMessageContaining("hotel.payment-gateway.url").hasMessageContaining("HOTEL_PAYMENT_GATEWAY_URL");
        }
    }

    @Test
    void a_redis_password_stays_out_of_its_text() {
        ServerConfig config = ServerConfig.load(Map.of("HOTEL_REDIS_URL", "redis://:hunter2secret@127.0.0.1:6379"));

        assertThat(config.toString()).doesNotContain("hunter2secret").contains("redis://***@127.0.0.1:6379");
    }

    @Test
    void secrets_stay_out_of_its_text() {
        ServerConfig config = ServerConfig.load(Map.of("HOTEL_DB_PASSWORD", "secret", "HOTEL_ADMIN_KEY", "0123456789abcdef"));

        assertThat(config.toString()).doesNotContain("secret").doesNotContain("0123456789abcdef");
    }

    @Test
    void a_malformed_setting_stops_the_start_naming_its_key_and_source() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hotel.http.port")
                .hasMessageContaining("HOTEL_HTTP_PORT");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("HOTEL_HTTP_PORT", "70000")))
                .hasMessageContaining("hotel.http.port");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("HOTEL_DEMO", "yes")))
                .hasMessageContaining("hotel.demo");
        assertThat(ServerConfig.load(Map.of("HOTEL_DEMO", "large")).demo()).isEqualTo(ServerConfig.Demo.LARGE);
        assertThatThrownBy(() -> ServerConfig.load(Map.of("HOTEL_RATE_LIMIT_CHANNEL_REFILL_PER_SECOND", "0")))
                .hasMessageContaining("hotel.rate-limit.channel.refill-per-second");
    }

    @Test
    void a_short_admin_key_is_refused_without_showing_it() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("HOTEL_ADMIN_KEY", "tooshort")))
                .hasMessageContaining("hotel.admin-key")
                .hasMessageNotContaining("tooshort");
    }

    @Test
    void an_empty_admin_key_means_none() {
        assertThat(ServerConfig.load(Map.of("HOTEL_ADMIN_KEY", "  ")).adminKey()).isNull();
    }
}
