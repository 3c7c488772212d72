package io.hotelkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.hotelkit.jpa.testing.TestDatabase;
import io.hotelkit.server.HotelServer;
import io.hotelkit.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * How long a change made on one server instance takes to show on another on the same PostgreSQL: a
 * booking on A until availability on B counts it, and a key revoked on A until B refuses it. B runs twice:
 * with read-your-writes on (the default on PostgreSQL: B's next request catches up first, so the lag is one
 * request) and off (B hears of the change only by its LISTEN/NOTIFY listener: the notification's own lag).
 * Each lag is measured from A's answer to the first answer of B that shows the change, B being asked again
 * 0.5 ms after each answer that does not. Also what read-your-writes costs a search on B (sequential searches, p50 and p99). All three
 * instances run in this process, over loopback.
 *
 * <p>Run: {@code HOTEL_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' java -cp
 * benchmarks/target/benchmarks.jar io.hotelkit.benchmarks.InstancesLag [bookings, default 200] [revocations,
 * default 100]} (without the variable: an embedded PostgreSQL). Targets: availability ≤ 50 ms p99, revocation ≤ 100 ms p99.
 */
public final class InstancesLag {

    private static final String ADMIN = "hk_instances-lag-admin-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final long GIVE_UP_NANOS = 10_000_000_000L;
    /** Between two asks of B that did not show the change yet: B's catch-up needs the two cores too. */
    private static final long POLL_PAUSE_NANOS = 500_000;

    private InstancesLag() {}

    public static void main(String[] args) throws Exception {
        int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int revocations = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (TestDatabase database = TestDatabase.postgres();
             HotelServer a = start(database, "true");
             HotelServer bFresh = start(database, "true");
             HotelServer bNotified = start(database, "false")) {
            URI onA = URI.create("http://127.0.0.1:" + a.port());
            URI[] bs = {URI.create("http://127.0.0.1:" + bFresh.port()), URI.create("http://127.0.0.1:" + bNotified.port())};
            String[] names = {"B with read-your-writes", "B by notification only"};
            JsonNode property = send(onA, "POST", "/v1/properties", ADMIN, """
                    {"code": "LAG", "name": "Lag Inn", "timezone": "UTC", "currency": "EUR",
                     "check_in_time": "15:00", "check_out_time": "11:00"}""", 201);
            String p = "/v1/properties/" + property.path("id").asText();
            LocalDate today = LocalDate.parse(property.path("business_date").asText());
            send(onA, "POST", p + "/room-types", ADMIN,
                    "{\"code\": \"DBL\", \"name\": \"Double\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}", 201);
            for (int room = 1; room <= bookings + 1; room++) {
                send(onA, "POST", p + "/rooms", ADMIN, "{\"number\": \"" + room + "\", \"room_type\": \"DBL\"}", 201);
            }
            send(onA, "POST", p + "/rate-plans", ADMIN, """
                    {"code": "FLEX", "name": "Flexible", "cancellation_policy": {"free_until_days_before": 0, "penalty": "none"}}""", 201);
            send(onA, "PUT", p + "/rate-plans/FLEX/prices", ADMIN, """
                    [{"room_type": "DBL", "from": "%s", "to": "%s", "amount": {"amount": "90.00", "currency": "EUR"}}]"""
                    .formatted(today, today.plusDays(60)), 204);
            System.out.printf("JDK %s, nproc %d, %d bookings and %d revocations per B%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), bookings, revocations);
            for (int i = 0; i < bs.length; i++) {
                LocalDate night = today.plusDays(1 + i);
                String search = p + "/availability?checkin_date=" + night + "&checkout_date=" + night.plusDays(1) + "&adults=2";
                long[] searchNanos = searches(bs[i], search, 2_000);
                long[] lags = new long[bookings];
                for (int n = 0; n < bookings; n++) {
                    int before = available(bs[i], search);
                    send(onA, "POST", p + "/bookings", ADMIN, """
                            {"guest": {"name": "Ana Silva", "email": "ana@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                             "checkin_date": "%s", "checkout_date": "%s", "adults": 2}""".formatted(night, night.plusDays(1)), 201);
                    long booked = System.nanoTime();
                    while (available(bs[i], search) != before - 1) {
                        if (System.nanoTime() - booked > GIVE_UP_NANOS) {
                            throw new IllegalStateException(names[i] + " never counted booking " + n);
                        }
                        LockSupport.parkNanos(POLL_PAUSE_NANOS);
                    }
                    lags[n] = System.nanoTime() - booked;
                }
                long[] refused = new long[revocations];
                for (int n = 0; n < revocations; n++) {
                    JsonNode key = send(onA, "POST", "/v1/api-keys", ADMIN, """
                            {"name": "lag %d", "role": "front_desk", "property_ids": ["%s"]}"""
                            .formatted(n, property.path("id").asText()), 201);
                    String plain = key.path("key").asText();
                    for (int use = 0; use < 3; use++) {
                        status(bs[i], "GET", p, plain, null, 200); // B knows it, and keeps it
                    }
                    send(onA, "DELETE", "/v1/api-keys/" + key.path("id").asText(), ADMIN, null, 200);
                    long revoked = System.nanoTime();
                    while (exchange(bs[i], "GET", p, plain, null).statusCode() != 401) {
                        if (System.nanoTime() - revoked > GIVE_UP_NANOS) {
                            throw new IllegalStateException(names[i] + " never refused revoked key " + n);
                        }
                        LockSupport.parkNanos(POLL_PAUSE_NANOS);
                    }
                    refused[n] = System.nanoTime() - revoked;
                }
                System.out.printf("%-24s availability after a booking on A: p50 %s, p99 %s, max %s (target p99 <= 50 ms: %s)%n",
                        names[i], ms(lags, 50), ms(lags, 99), ms(lags, 100), percentile(lags, 99) <= 50_000_000 ? "met" : "NOT met");
                System.out.printf("%-24s revoked key refused:               p50 %s, p99 %s, max %s (target p99 <= 100 ms: %s)%n",
                        names[i], ms(refused, 50), ms(refused, 99), ms(refused, 100),
                        percentile(refused, 99) <= 100_000_000 ? "met" : "NOT met");
                System.out.printf("%-24s a search (2,000 in a row):          p50 %s, p99 %s%n", names[i], ms(searchNanos, 50),
                        ms(searchNanos, 99));
            }
        }
    }

    private static HotelServer start(TestDatabase database, String readYourWrites) {
        Map<String, String> environment = new HashMap<>(Map.of("HOTEL_HTTP_HOST", "127.0.0.1", "HOTEL_HTTP_PORT", "0",
                "HOTEL_ADMIN_KEY", ADMIN, "HOTEL_INSTANCES_READ_YOUR_WRITES", readYourWrites));
        for (String role : List.of("ADMIN", "FRONT_DESK")) {
            environment.put("HOTEL_RATE_LIMIT_" + role + "_CAPACITY", "1000000000");
            environment.put("HOTEL_RATE_LIMIT_" + role + "_REFILL_PER_SECOND", "1000000000");
        }
        environment.put("HOTEL_DB_URL", database.url());
        environment.put("HOTEL_DB_USER", database.user() == null ? "" : database.user());
        environment.put("HOTEL_DB_PASSWORD", database.password() == null ? "" : database.password());
        return HotelServer.start(ServerConfig.from(Config.just(ConfigSources.classpath("application.yaml")), environment),
                Clock.systemUTC());
    }

    private static long[] searches(URI base, String search, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            available(base, search);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static int available(URI base, String search) {
        JsonNode offers = send(base, "GET", search, ADMIN, null, 200).path("offers");
        return offers.isEmpty() ? 0 : offers.get(0).path("available").asInt();
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long[] values, int percent) {
        return String.format("%.2f ms", percentile(values, percent) / 1e6);
    }

    private static void status(URI base, String method, String path, String key, String body, int expected) {
        int status = exchange(base, method, path, key, body).statusCode();
        if (status != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + status + ", not " + expected);
        }
    }

    private static JsonNode send(URI base, String method, String path, String key, String body, int expected) {
        HttpResponse<String> response = exchange(base, method, path, key, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> exchange(URI base, String method, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
