package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server on a PostgreSQL of this test's own, stopped for three seconds under a load of
 * bookings and started again on the same data and port: while it is down, every request is answered
 * within a second with 503, {@code Retry-After} and a problem document, and readiness turns down within
 * a second; requests of one key whose cached entry has expired do not queue behind each other; bookings
 * succeed again within two seconds of the database's return, without a restart; and nothing was half
 * written: after retrying every refused booking with its key, the database holds one booking for each key
 * that was ever answered 201 and no other. The figures go to the test's output (and the server's README).
 */
class DatabaseOutageIT {

    private static final String ADMIN_KEY = "hk_outage-admin-key-abcdefghij";
    private static final int WRITERS = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path directory;

    /** One request of the load: when it was sent and answered (System.nanoTime), and the answer. */
    private record Sample(long sent, long answered, int status, @Nullable String retryAfter, String contentType,
                          String idempotencyKey, String body, @Nullable String bookingId) {
        long millis() {
            return (answered - sent) / 1_000_000;
        }
    }

    /** A PostgreSQL of the test's own on {@code port}, on the data in {@code data} (kept across a stop and start). */
    static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void while_the_database_is_down_requests_get_503_at_once_and_service_returns_without_a_restart() throws Exception {
        Path data = directory.resolve("postgres");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        EmbeddedPostgres postgres = postgres(data, port);
        ExecutorService threads = Executors.newCachedThreadPool();
        try (ServerProcess server = ServerProcess.start(Map.of(
                "HOTEL_HTTP_HOST", "127.0.0.1",
                "HOTEL_HTTP_PORT", "0",
                "HOTEL_DB_URL", url,
                "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DEMO", "true",
                // a key's cached entry expires during the outage, so that its requests need the database
                "HOTEL_CACHE_API_KEYS_LIFETIME_MS", "300",
                "HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "1000000",
                "HOTEL_RATE_LIMIT_FRONT_DESK_CAPACITY", "1000000"), directory, Duration.ofSeconds(90))) {
            String property = "/v1/properties/" + server.get("/v1/properties", ADMIN_KEY).json().path("items").get(0).path("id").asText();
            String desk = server.call("POST", "/v1/api-keys", ADMIN_KEY,
                    "{\"name\": \"desk\", \"role\": \"front_desk\", \"property_ids\": []}").json().path("key").asText();
            LocalDate businessDate = LocalDate.parse(server.get(property, ADMIN_KEY).json().path("business_date").asText());

            List<Sample> samples = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<?>> load = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                load.add(threads.submit(() -> {
                    while (!stop.get()) {
                        Sample sample = book(server, property, desk, businessDate, "load-" + letters(), null);
                        synchronized (samples) {
                            samples.add(sample);
                        }
                        Thread.sleep(20);
                    }
                    return null;
                }));
            }
            AtomicLong readyDown = new AtomicLong();
            AtomicLong readyUp = new AtomicLong();
            AtomicLong stopped = new AtomicLong(Long.MAX_VALUE);
            AtomicLong restarted = new AtomicLong(Long.MAX_VALUE);
            Future<?> readiness = threads.submit(() -> {
                while (!stop.get()) {
                    long now = System.nanoTime();
                    int status = server.call("GET", "/health", null, null).status();
                    if (status != 200 && readyDown.get() == 0 && now > stopped.get()) {
                        readyDown.set(System.nanoTime());
                    }
                    if (status == 200 && readyUp.get() == 0 && now > restarted.get()) {
                        readyUp.set(System.nanoTime());
                    }
                    Thread.sleep(10);
                }
                return null;
            });

            Thread.sleep(2000);
            long stopping = System.nanoTime();
            postgres.close();
            stopped.set(System.nanoTime());
            Thread.sleep(400); // past the key's cached lifetime
            List<Callable<Sample>> sameKey = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sameKey.add(() -> {
                    long sent = System.nanoTime();
                    ServerProcess.Response response = server.get(property + "/bookings?limit=1", desk);
                    return new Sample(sent, System.nanoTime(), response.status(), null, "", "", "", null);
                });
            }
            List<Sample> burst = new ArrayList<>();
            for (Future<Sample> answer : threads.invokeAll(sameKey)) {
                burst.add(answer.get());
            }
            Thread.sleep(OUTAGE.toMillis() - 400);
            long starting = System.nanoTime();
            postgres = postgres(data, port);
            restarted.set(System.nanoTime());
            long deadline = System.nanoTime() + 10 * SECOND;
            while ((readyUp.get() == 0 || firstBookedAfter(samples, restarted.get()) == 0) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(1000);
            stop.set(true);
            for (Future<?> done : load) {
                done.get(30, TimeUnit.SECONDS);
            }
            readiness.get(30, TimeUnit.SECONDS);

            List<Sample> all;
            synchronized (samples) {
                all = List.copyOf(samples);
            }
            List<Sample> duringOutage = all.stream().filter(s -> s.answered() > stopping && s.sent() < starting).toList();
            List<Sample> refusedWhileDown = all.stream().filter(s -> s.sent() > stopped.get() && s.answered() < starting).toList();
            long slowest = duringOutage.stream().mapToLong(Sample::millis).max().orElse(0);
            long firstBooked = firstBookedAfter(all, restarted.get());
            System.out.printf("""
                    database outage under load (%d writers, PostgreSQL stopped for %s):
                      PostgreSQL stop took %d ms, start %d ms
                      requests answered while it was stopping or down: %d, slowest %d ms; %d sent while down, statuses %s
                      8 requests of one key whose cached entry had expired: slowest %d ms, statuses %s
                      readiness down %d ms after the stop returned
                      first booking 201 %d ms, readiness up %d ms, after the start returned
                      requests in all: %d, statuses %s
                    """, WRITERS, OUTAGE, (stopped.get() - stopping) / 1_000_000, (restarted.get() - starting) / 1_000_000,
                    duringOutage.size(), slowest, refusedWhileDown.size(), statuses(refusedWhileDown),
                    burst.stream().mapToLong(Sample::millis).max().orElse(0), statuses(burst),
                    (readyDown.get() - stopped.get()) / 1_000_000,
                    (firstBooked - restarted.get()) / 1_000_000, (readyUp.get() - restarted.get()) / 1_000_000,
                    all.size(), statuses(all));

            assertThat(all).as("no request answered 5xx but 503").noneMatch(s -> s.status() >= 500 && s.status() != 503);
            assertThat(duringOutage).as("answered within a second while the database was going or gone")
                    .allMatch(s -> s.millis() < 1000);
            assertThat(refusedWhileDown).as("bookings sent while it was down").isNotEmpty().allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(503);
                assertThat(s.retryAfter()).isNotNull();
                assertThat(s.contentType()).startsWith("application/problem+json");
            });
            assertThat(burst).as("one key's requests, at once").allMatch(s -> s.millis() < 1000 && s.status() == 503);
            assertThat(readyDown.get()).as("readiness turned down").isPositive();
            assertThat(readyDown.get() - stopped.get()).as("readiness down, ns after the stop").isLessThan(SECOND);
            assertThat(firstBooked).as("a booking succeeded after the database came back").isPositive();
            assertThat(firstBooked - restarted.get()).as("first booking, ns after the start").isLessThan(2 * SECOND);
            assertThat(readyUp.get() - restarted.get()).as("readiness up, ns after the start").isLessThan(2 * SECOND);

            nothingHalfWritten(server, property, desk, businessDate, all, url);
        } finally {
            threads.shutdownNow();
            postgres.close();
        }
    }

    /**
     * Retries every booking that was not answered 201 (or 409) with its key: each is booked or replayed
     * once. Then the database holds exactly the bookings answered 201.
     */
    private static void nothingHalfWritten(ServerProcess server, String property, String desk, LocalDate businessDate,
                                           List<Sample> samples, String url) throws Exception {
        Set<String> booked = new HashSet<>();
        try (ExecutorService retries = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<Sample>> answers = new ArrayList<>();
            for (Sample sample : samples) {
                answers.add(sample.status() == 201 || sample.status() == 409
                        ? CompletableFuture.completedFuture(sample)
                        : retries.submit(() -> book(server, property, desk, businessDate, sample.idempotencyKey(), sample.body())));
            }
            for (Future<Sample> answered : answers) {
                Sample answer = answered.get(1, TimeUnit.MINUTES);
                assertThat(answer.status()).as("retried %s: %s", answer.idempotencyKey(), answer).isIn(201, 409);
                if (answer.status() == 201) {
                    assertThat(booked.add(answer.bookingId())).as("booked once: " + answer.bookingId()).isTrue();
                }
            }
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from bookings")) {
            Set<String> stored = new HashSet<>();
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
            assertThat(stored).as("the bookings in the database are those answered 201").isEqualTo(booked);
        }
    }

    private static Sample book(ServerProcess server, String property, String desk, LocalDate businessDate, String idempotencyKey,
                               @Nullable String json) {
        String body = json != null ? json : bookingBody(businessDate);
        long sent = System.nanoTime();
        ServerProcess.Response response = server.call("POST", property + "/bookings", desk, body, "Idempotency-Key", idempotencyKey);
        long answered = System.nanoTime();
        return new Sample(sent, answered, response.status(), response.raw().headers().firstValue("Retry-After").orElse(null),
                response.raw().headers().firstValue("Content-Type").orElse(""), idempotencyKey, body,
                response.status() == 201 ? response.json().path("id").asText() : null);
    }

    private static String bookingBody(LocalDate businessDate) {
        String tag = letters();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate checkin = businessDate.plusDays(1 + random.nextInt(300));
        return """
                {"guest": {"name": "Guest %s", "email": "%s@example.com"}, "room_type": "%s", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 1}"""
                .formatted(tag, tag, List.of("STD", "DLX", "FAM", "STE").get(random.nextInt(4)), checkin, checkin.plusDays(1));
    }

    private static long firstBookedAfter(List<Sample> samples, long instant) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.sent() > instant && s.status() == 201)
                    .mapToLong(Sample::answered).min().orElse(0);
        }
    }

    private static Map<Integer, Long> statuses(List<Sample> samples) {
        return samples.stream().collect(Collectors.groupingBy(Sample::status, TreeMap::new, Collectors.counting()));
    }

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
