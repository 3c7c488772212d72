/**
 * The reference server: hotelkit's v1 HTTP API, the staff console and the webhooks, on Helidon SE 4.
 *
 * <p>Its API: {@link io.hotelkit.server.HotelServer} and {@link io.hotelkit.server.ServerConfig} start it inside
 * another program, {@link io.hotelkit.server.Main} from a command line; {@code io.hotelkit.server.payments} calls a
 * payment gateway over HTTP through a circuit breaker, retries and a time limit, which another
 * {@link io.hotelkit.billing.PaymentGateway} can use too.
 *
 * <p>It runs on the class path, as Helidon lays an application out ({@code target/libs}), and so do its tests;
 * this descriptor is checked when it compiles. Jackson and Hibernate Validator read request bodies by
 * reflection, hence the opened package.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // jedis, resilience4j, pdfbox: named by their manifests
module io.hotelkit.server {
    requires transitive io.hotelkit;
    requires io.hotelkit.jpa;
    requires io.hotelkit.forecast;
    requires static org.jspecify;

    requires io.helidon.common.media.type;
    requires transitive io.helidon.config;
    requires io.helidon.health;
    requires io.helidon.http;
    requires io.helidon.http.sse;
    requires io.helidon.logging.common;
    requires io.helidon.metrics.api;
    requires io.helidon.openapi;
    requires io.helidon.webserver;
    requires io.helidon.webserver.observe;
    requires io.helidon.webserver.observe.health;
    requires io.helidon.webserver.observe.metrics;
    requires io.helidon.webserver.sse;
    requires io.helidon.webserver.staticcontent;

    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires jakarta.validation;
    requires com.github.benmanes.caffeine;
    requires redis.clients.jedis;
    requires io.github.resilience4j.bulkhead;
    requires transitive io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.timelimiter;
    requires org.apache.pdfbox;

    requires java.net.http;
    requires java.sql;
    requires java.xml;

    exports io.hotelkit.server;
    exports io.hotelkit.server.payments;

    opens io.hotelkit.server;
}
