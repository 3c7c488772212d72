package io.hotelkit.benchmarks.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.hotelkit.jpa.testing.TestDatabase;
import io.hotelkit.reporting.OccupancyReport;
import io.hotelkit.server.HotelServer;
import io.hotelkit.server.ServerConfig;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.PropertyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The reference server over HTTP: a {@link HotelServer} started in this process on an ephemeral port of
 * 127.0.0.1, on an H2 file in a temporary folder or on a PostgreSQL database made for the run (on
 * {@code HOTEL_TEST_POSTGRES_URL}'s server, else an embedded one), and every call a v1 request over
 * loopback with one {@link HttpClient} (HTTP/1.1, its connections kept alive and reused; made once per
 * target, never per request), with the admin key. Bookings and cancellations may come from several threads
 * at once (the replay's window): the client then opens up to that many connections, each kept alive.
 * Occupancy is read from the server's own hotel: the same data the v1 report answers from.
 */
public final class HttpTarget implements Target {

    private static final String ADMIN_KEY = "hk_replay-admin-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean postgres;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> guests = new ConcurrentHashMap<>();
    private TestDatabase database;
    private Path h2Folder;
    private HotelServer server;
    private URI base;

    /** @param postgres on PostgreSQL; else on an H2 file */
    public HttpTarget(boolean postgres) {
        this.postgres = postgres;
    }

    @Override
    public String name() {
        return postgres ? "http-postgresql" : "http-h2-file";
    }

    @Override
    public void open(HotelPlan plan) {
        if (server == null) {
            start(Clock.fixed(plan.businessDate().atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        }
        ObjectNode property = JSON.createObjectNode().put("code", plan.code()).put("name", plan.name())
                .put("timezone", "Europe/Lisbon").put("currency", "EUR").put("check_in_time", "14:00")
                .put("check_out_time", "12:00").put("max_stay_nights", plan.maxStayNights())
                .put("business_date", plan.businessDate().toString());
        String id = send("POST", "/v1/properties", property, 201).path("id").asText();
        properties.put(plan.name(), id);
        for (HotelPlan.RoomTypePlan type : plan.roomTypes()) {
            send("POST", "/v1/properties/" + id + "/room-types", JSON.createObjectNode().put("code", type.code())
                    .put("name", "Room type " + type.code()).put("max_adults", type.maxAdults())
                    .put("max_children", type.maxChildren()).put("max_occupancy", type.maxOccupancy())
                    .put("base_occupancy", Math.min(2, type.maxOccupancy())).put("overbooking_limit", type.overbooking()), 201);
            for (int r = 1; r <= type.rooms(); r++) {
                send("POST", "/v1/properties/" + id + "/rooms", JSON.createObjectNode()
                        .put("number", "%s-%03d".formatted(type.code(), r)).put("room_type", type.code()), 201);
            }
        }
        ObjectNode ratePlan = JSON.createObjectNode().put("code", "BAR").put("name", "Best available rate").put("meal_plan", "breakfast");
        ratePlan.putObject("cancellation_policy").put("free_until_days_before", 0).put("penalty", "none");
        send("POST", "/v1/properties/" + id + "/rate-plans", ratePlan, 201);
        ArrayNode rows = JSON.createArrayNode();
        plan.prices().forEach((type, byMonth) -> byMonth.forEach((month, cents) -> {
            LocalDate from = later(month.atDay(1), plan.businessDate());
            LocalDate to = earlier(month.atEndOfMonth().plusDays(1), plan.end());
            if (from.isBefore(to)) {
                ObjectNode row = rows.addObject().put("room_type", type).put("from", from.toString()).put("to", to.toString());
                row.putObject("amount").put("amount", "%d.%02d".formatted(cents / 100, cents % 100)).put("currency", "EUR");
            }
        }));
        send("PUT", "/v1/properties/" + id + "/rate-plans/BAR/prices", rows, 204);
    }

    @Override
    public boolean concurrentCalls() {
        return true;
    }

    @Override
    public Outcome book(RecordedBooking booking) {
        String property = properties.get(booking.hotel());
        ObjectNode body = JSON.createObjectNode().put("guest_id", guest(booking.country())).put("room_type", booking.roomType())
                .put("rate_plan", "BAR").put("checkin_date", booking.stay().checkin().toString())
                .put("checkout_date", booking.stay().checkout().toString()).put("adults", booking.occupancy().adults())
                .put("children", booking.occupancy().children());
        HttpResponse<String> response = exchange("POST", "/v1/properties/" + property + "/bookings", body);
        JsonNode json = read(response);
        if (response.statusCode() == 201) {
            return Outcome.booked(json.path("id").asText());
        }
        if (response.statusCode() == 409 || response.statusCode() == 400) {
            String type = json.path("type").asText();
            return Outcome.refused(type.substring(type.lastIndexOf('/') + 1));
        }
        throw new IllegalStateException("booking answered " + response.statusCode() + ": " + response.body());
    }

    @Override
    public void cancel(RecordedBooking booking, String reference) {
        send("POST", "/v1/properties/" + properties.get(booking.hotel()) + "/bookings/" + reference + "/cancel",
                JSON.createObjectNode().put("reason", "replayed cancellation"), 200);
    }

    @Override
    public OccupancyReport occupancy(String hotelName, DateRange nights) {
        return server.hotel().reports().occupancy(PropertyId.of(properties.get(hotelName)), nights);
    }

    @Override
    public void close() {
        if (retried.get() > 0) {
            System.out.println("requests answered 503 and sent again: " + retried.get());
        }
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            if (h2Folder != null) {
                deleteQuietly(h2Folder);
            }
        }
    }

    private void start(Clock clock) {
        Map<String, String> environment = new HashMap<>(Map.of("HOTEL_HTTP_HOST", "127.0.0.1", "HOTEL_HTTP_PORT", "0",
                "HOTEL_ADMIN_KEY", ADMIN_KEY, "HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "1000000000",
                "HOTEL_RATE_LIMIT_ADMIN_REFILL_PER_SECOND", "1000000000"));
        if (postgres) {
            database = TestDatabase.postgres();
            environment.put("HOTEL_DB_URL", database.url());
            environment.put("HOTEL_DB_USER", database.user() == null ? "" : database.user());
            environment.put("HOTEL_DB_PASSWORD", database.password() == null ? "" : database.password());
        } else {
            try {
                h2Folder = Files.createTempDirectory("hotelkit-replay-h2");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // -Dhotel.replay.h2-settings=;WRITE_DELAY=500 measures H2 as it was before commits were made durable
            environment.put("HOTEL_DB_URL", "jdbc:h2:file:" + h2Folder.resolve("hotel") + ";AUTO_SERVER=FALSE"
                    + System.getProperty("hotel.replay.h2-settings", ""));
        }
        ServerConfig config = ServerConfig.from(Config.just(ConfigSources.classpath("application.yaml")), environment);
        server = HotelServer.start(config, clock);
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    private String guest(String country) {
        String code = country.matches("[A-Z]{2,3}") ? country.toLowerCase(Locale.ROOT) : "unknown";
        return guests.computeIfAbsent(code, c -> send("POST", "/v1/guests", JSON.createObjectNode()
                .put("name", "Guests from " + c.toUpperCase(Locale.ROOT)).put("email", c + "@replay.example"), 201).path("id").asText());
    }

    private JsonNode send(String method, String path, JsonNode body, int expected) {
        HttpResponse<String> response = exchange(method, path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response);
    }

    /** Answers 503 (no pooled connection within the server's wait, under load) that were sent again. */
    private final java.util.concurrent.atomic.AtomicInteger retried = new java.util.concurrent.atomic.AtomicInteger();

    /** How many requests the server answered 503 and that were sent again, as its answer asks. */
    public int retried() {
        return retried.get();
    }

    /**
     * Sends the request; a 503 (the server had no database connection for it within its wait: nothing was
     * changed, "retry later") is sent again after a short pause, up to {@link #ATTEMPTS} times, as a client would.
     */
    private HttpResponse<String> exchange(String method, String path, JsonNode body) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = exchangeOnce(method, path, body);
            if (response.statusCode() != 503 || attempt == ATTEMPTS) {
                return response;
            }
            retried.incrementAndGet();
            try {
                Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 10L * attempt + 5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    private static final int ATTEMPTS = 20;

    private HttpResponse<String> exchangeOnce(String method, String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up
        }
    }
}
