package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotelkit.jpa.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill 6 of issue 11: the payment gateway failing. The simulated gateway runs as its own process on
 * loopback, failing half of its calls (503) and answering a tenth of them only after the server's time limit
 * (having captured). The packaged server calls it over HTTP through resilience4j's time limit, retries and
 * circuit breaker, on PostgreSQL. Clients pay from several threads, each payment with its own
 * Idempotency-Key, and retry on it until they get 201; mid-storm the server is killed ({@code kill -9}) and
 * started again, and the clients retry what it never answered. Then the gateway's ledger of captures must
 * equal the payments stored: one capture per payment, with its amount; none for a payment that does not
 * exist; none twice. The breaker must have opened and closed again (the server logs every change). Then (issue
 * 15) bookings are guaranteed by card pre-authorisations and paid card deposits on a gateway failing a quarter of
 * its calls, and cancelled: late ones capture the first night from their authorisation (a partial capture, the rest
 * released), free ones void theirs and refund the deposit; the gateway's refunds and authorisations (status and
 * captured amount) must equal ours as its captures do.
 *
 * <p>Run alone: {@code ./mvnw -B -ntp verify -pl hotel-api-helidon -am -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PaymentGatewayDrillIT}.
 */
class PaymentGatewayDrillIT {

    private static final String ADMIN_KEY = "hk_gateway-drill-admin-abcdefghij";
    private static final int PAYMENTS = 120;
    private static final int CLIENTS = 6;
    private static final int KILL_AFTER = 40;
    private static final int RECOVER_AFTER = 90;
    private static final int GUARANTEES = 6;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STORM = Duration.ofMinutes(4);
    private static final Pattern LISTENING = Pattern.compile("gateway simulator: listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern TRANSITION = Pattern.compile("payment gateway circuit breaker: (\\w+) -> (\\w+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** A payment a client makes, and what happened to it. */
    private record Pay(int number, String key, String bookingId, BigDecimal amount) {}

    @Test
    void the_ledger_of_a_gateway_failing_half_the_time_and_timing_out_equals_our_payments_across_a_killed_server()
            throws Exception {
        Process gatewayProcess = startGateway();
        List<ServerProcess> instances = new ArrayList<>();
        try (TestDatabase database = TestDatabase.postgres()) {
            String gateway = gatewayUrl(gatewayProcess);
            Map<String, String> environment = new HashMap<>(Map.of(
                    "HOTEL_DB_URL", database.url(),
                    "HOTEL_HTTP_HOST", "127.0.0.1",
                    "HOTEL_HTTP_PORT", "0",
                    "HOTEL_ADMIN_KEY", ADMIN_KEY,
                    "HOTEL_DEMO", "true",
                    "HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "1000000",
                    "HOTEL_PAYMENT_GATEWAY_URL", gateway,
                    "HOTEL_PAYMENT_GATEWAY_TIMEOUT_MS", "400",
                    "HOTEL_PAYMENT_GATEWAY_ATTEMPTS", "2",
                    "HOTEL_PAYMENT_GATEWAY_RETRY_WAIT_MS", "50"));
            environment.put("HOTEL_PAYMENT_GATEWAY_BREAKER_OPEN_SECONDS", "1");
            if (database.user() != null) {
                environment.put("HOTEL_DB_USER", database.user());
                environment.put("HOTEL_DB_PASSWORD", database.password() == null ? "" : database.password());
            }
            AtomicReference<ServerProcess> server = new AtomicReference<>(ServerProcess.start(environment, directory, START));
            instances.add(server.get());
            String property = "/v1/properties/" + server.get().get("/v1/properties", ADMIN_KEY).json().path("items").get(0)
                    .path("id").asText();
            List<String> bookings = book(server.get(), property, 4);

            ConcurrentLinkedQueue<Pay> queue = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < PAYMENTS; i++) {
                queue.add(new Pay(i, "drill6-pay-" + i, bookings.get(i % bookings.size()),
                        new BigDecimal("1.00").add(BigDecimal.valueOf(i, 2))));
            }
            Map<String, String> answered = new ConcurrentHashMap<>(); // client key -> payment id
            AtomicInteger toldFailed = new AtomicInteger();
            AtomicInteger unanswered = new AtomicInteger();
            AtomicInteger inUse = new AtomicInteger();
            List<String> unexpected = new ArrayList<>();
            Set<String> failedThenCompleted = ConcurrentHashMap.newKeySet();
            Set<String> cutOff = ConcurrentHashMap.newKeySet(); // payments whose request an instance died under
            long deadline = System.nanoTime() + STORM.toNanos();

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(CompletableFuture.runAsync(() -> {
                    for (Pay pay = queue.poll(); pay != null; pay = queue.poll()) {
                        boolean failedOnce = false;
                        while (System.nanoTime() < deadline) {
                            ServerProcess.Response response;
                            try {
                                response = server.get().call("POST", property + "/payments", ADMIN_KEY, """
                                        {"booking_id": "%s", "amount": {"amount": "%s", "currency": "EUR"}, "method": "card",
                                         "card_token": "tok_visa"}""".formatted(pay.bookingId(), pay.amount()),
                                        "Idempotency-Key", pay.key());
                            } catch (RuntimeException killed) {
                                unanswered.incrementAndGet(); // the instance died under it: retry on the next
                                cutOff.add(pay.key());
                                failedOnce = true;
                                pause(200);
                                continue;
                            }
                            if (response.status() == 201) {
                                answered.put(pay.key(), response.json().path("id").asText());
                                if (failedOnce) {
                                    failedThenCompleted.add(pay.key());
                                }
                                break;
                            }
                            if (response.status() == 502) {
                                toldFailed.incrementAndGet();
                                failedOnce = true;
                                pause(100);
                            } else if (response.status() == 409) {
                                inUse.incrementAndGet(); // its first try still runs on the instance
                                pause(100);
                            } else {
                                synchronized (unexpected) {
                                    unexpected.add(pay.key() + ": " + response.status() + " " + response.body());
                                }
                                break;
                            }
                        }
                    }
                }, clients));
            }

            await(() -> answered.size() >= KILL_AFTER, deadline);
            server.get().kill(); // kill -9, payments in flight
            ServerProcess restarted = ServerProcess.start(environment, directory, START);
            instances.add(restarted);
            server.set(restarted);
            await(() -> answered.size() >= RECOVER_AFTER, deadline);
            Map<String, Object> stormStats = stats(gateway);
            put(gateway + "/admin/mode", "failure_rate=0&timeout_rate=0"); // the gateway recovers: the breaker must close
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(STORM.toSeconds() + 30, TimeUnit.SECONDS);
            clients.shutdown();

            // Issue 15: card guarantees and deposits on a gateway failing a quarter of its calls. Late cancellations
            // capture the first night from a 500.00 authorisation (a partial capture, the rest released); free ones
            // void theirs and refund a card deposit.
            put(gateway + "/admin/mode", "failure_rate=0.25&timeout_rate=0");
            LocalDate today = LocalDate.parse(server.get().get(property, ADMIN_KEY).json().path("business_date").asText());
            int late = 0;
            int deposits = 0;
            for (int i = 0; i < GUARANTEES; i++) {
                boolean free = i % 2 == 1;
                String booking = bookOn(server.get(), property, free ? today.plusDays(120 + i) : today.plusDays(1));
                retrying(server.get(), property + "/bookings/" + booking + "/authorisations",
                        "{\"card_token\": \"tok_visa\", \"amount\": {\"amount\": \"500.00\", \"currency\": \"EUR\"}}",
                        "drill6-auth-" + i);
                if (free) {
                    retrying(server.get(), property + "/bookings/" + booking + "/deposit/payments",
                            "{\"amount\": {\"amount\": \"30.00\", \"currency\": \"EUR\"}, \"method\": \"card\","
                            + " \"card_token\": \"tok_visa\"}", "drill6-deposit-" + i);
                    deposits++;
                } else {
                    late++;
                }
                retrying(server.get(), property + "/bookings/" + booking + "/cancel", "{\"reason\": \"drill\"}", null);
                JsonNode deposit = server.get().get(property + "/bookings/" + booking + "/deposit", ADMIN_KEY).json();
                assertThat(deposit.path("authorisations").get(0).path("status").asText()).isEqualTo(free ? "voided" : "captured");
                assertThat(deposit.path("paid").path("amount").asText()).isEqualTo("0.00");
            }
            put(gateway + "/admin/mode", "failure_rate=0&timeout_rate=0");
            for (int i = 0; i < 20 && !endsClosed(server.get()); i++) { // successes close a breaker the failures opened
                pause(1100);
                String booking = bookOn(server.get(), property, today.plusDays(200 + i));
                retrying(server.get(), property + "/bookings/" + booking + "/authorisations", "{\"card_token\": \"tok_visa\"}",
                        "drill6-close-" + i);
                retrying(server.get(), property + "/bookings/" + booking + "/cancel", "{\"reason\": \"drill\"}", null);
            }

            // What the gateway captured against what we stored
            JsonNode ledger = JSON.readTree(get(gateway + "/v1/captures")).path("captures");
            Map<String, BigDecimal> captured = new HashMap<>();
            for (JsonNode capture : ledger) {
                assertThat(captured.put(capture.path("id").asText(), new BigDecimal(capture.path("amount").asText()).stripTrailingZeros()))
                        .as("capture %s twice in the ledger", capture.path("id").asText()).isNull();
            }
            Map<String, BigDecimal> stored = new HashMap<>();
            Map<String, String> referenceOfPayment = new HashMap<>();
            try (Connection sql = database.user() == null ? DriverManager.getConnection(database.url())
                    : DriverManager.getConnection(database.url(), database.user(), database.password());
                 Statement statement = sql.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "select id, gateway_reference, amount, status from payments where method = 'CARD'")) {
                while (rows.next()) {
                    assertThat(rows.getString("status")).isEqualTo("CAPTURED");
                    assertThat(stored.put(rows.getString("gateway_reference"), rows.getBigDecimal("amount").stripTrailingZeros()))
                            .as("two payments of one capture").isNull();
                    referenceOfPayment.put(rows.getString("id"), rows.getString("gateway_reference"));
                }
            }
            // Refunds and authorisations: the gateway's ledger against ours, amounts to the cent and how each ended
            Map<String, BigDecimal> refunded = new HashMap<>();
            for (JsonNode refund : JSON.readTree(get(gateway + "/v1/refunds")).path("refunds")) {
                refunded.put(refund.path("id").asText(), new BigDecimal(refund.path("amount").asText()).stripTrailingZeros());
            }
            Map<String, String> held = new HashMap<>();
            for (JsonNode hold : JSON.readTree(get(gateway + "/v1/authorisations")).path("authorisations")) {
                held.put(hold.path("id").asText(), hold.path("status").asText().toUpperCase(java.util.Locale.ROOT) + " "
                        + new BigDecimal(hold.path("captured").asText()).stripTrailingZeros().toPlainString());
            }
            Map<String, BigDecimal> ourRefunds = new HashMap<>();
            Map<String, String> ourHolds = new HashMap<>();
            try (Connection sql = database.user() == null ? DriverManager.getConnection(database.url())
                    : DriverManager.getConnection(database.url(), database.user(), database.password());
                 Statement statement = sql.createStatement()) {
                try (ResultSet rows = statement.executeQuery("select r.gateway_reference, r.amount from payment_refunds r"
                        + " join payments p on p.property_id = r.property_id and p.id = r.payment_id where p.method = 'CARD'")) {
                    while (rows.next()) {
                        ourRefunds.put(rows.getString(1), rows.getBigDecimal(2).stripTrailingZeros());
                    }
                }
                try (ResultSet rows = statement.executeQuery(
                        "select gateway_reference, status, captured from authorisations where status <> 'DECLINED'")) {
                    while (rows.next()) {
                        ourHolds.put(rows.getString(1), rows.getString(2) + " "
                                + rows.getBigDecimal(3).stripTrailingZeros().toPlainString());
                    }
                }
            }
            List<String> transitions = instances.stream().flatMap(instance -> TRANSITION.matcher(instance.output()).results())
                    .map(match -> match.group(1) + "->" + match.group(2)).toList();
            long opened = transitions.stream().filter(t -> t.endsWith("->OPEN")).count();
            long closed = transitions.stream().filter(t -> t.endsWith("->CLOSED")).count();
            Map<String, Object> finalStats = stats(gateway);
            String figures = ("drill 6: %d payments by %d clients; told 502: %d, requests unanswered (killed instance): %d, of %d payments; 409 in use: %d;"
                    + " completed by a retry after a failure: %d; breaker opened %d and closed %d times over 2 instances;"
                    + " gateway during the storm: %s; at the end: %s; ledger: %d captures, stored card payments: %d")
                    .formatted(PAYMENTS, CLIENTS, toldFailed.get(), unanswered.get(), cutOff.size(), inUse.get(), failedThenCompleted.size(),
                            opened, closed, stormStats, finalStats, captured.size(), stored.size());
            System.out.println(figures);

            synchronized (unexpected) {
                assertThat(unexpected).as("answers other than 201, 502 and 409").isEmpty();
            }
            assertThat(answered).as("every payment answered 201 in the end; %s", figures).hasSize(PAYMENTS);
            assertThat(referenceOfPayment.keySet()).as("every answered payment is stored (none lost)")
                    .containsAll(answered.values());
            assertThat(stored).as("the gateway's ledger equals our payments: one capture each, same amounts; %s", figures)
                    .hasSize(PAYMENTS + late + deposits).isEqualTo(captured);
            assertThat(ourRefunds).as("the gateway's refunds equal ours").hasSize(deposits).isEqualTo(refunded);
            assertThat(ourHolds).as("the gateway's authorisations equal ours, captured in part or voided").isEqualTo(held)
                    .hasSizeGreaterThanOrEqualTo(GUARANTEES);
            assertThat(ourHolds.values()).filteredOn(hold -> hold.startsWith("CAPTURED")).hasSize(late)
                    .allSatisfy(hold -> assertThat(new BigDecimal(hold.substring(9))).isLessThan(new BigDecimal("500")));
            assertThat(toldFailed.get()).as("the gateway's failures reached clients").isPositive();
            assertThat(((Number) stormStats.get("timeouts")).longValue()).as("captures answered too late").isPositive();
            assertThat(((Number) finalStats.get("replays")).longValue()).as("retries found earlier captures").isPositive();
            assertThat(opened).as("the breaker opened; %s", transitions).isPositive();
            assertThat(closed).as("the breaker closed again; %s", transitions).isPositive();
            List<String> last = TRANSITION.matcher(restarted.output()).results()
                    .map(match -> match.group(1) + "->" + match.group(2)).toList();
            assertThat(last.isEmpty() || last.getLast().endsWith("->CLOSED")).as("the running instance's breaker ends closed: %s", last)
                    .isTrue();
        } finally {
            for (ServerProcess instance : instances) {
                instance.close();
            }
            gatewayProcess.destroyForcibly().waitFor();
        }
    }

    /** The simulated gateway as its own process, from this test's classpath, gone after 10 minutes at most. */
    private static Process startGateway() throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("hotel-gateway-simulator"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classpath).as("hotel-gateway-simulator on the test classpath").isNotEmpty();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", classpath, "io.hotelkit.gateway.simulator.GatewaySimulator",
                "--port=0", "--failure-rate=0.5", "--timeout-rate=0.1", "--timeout-ms=1500", "--seed=6",
                "--exit-after-seconds=600")
                .redirectErrorStream(true).start();
    }

    private static String gatewayUrl(Process gateway) throws Exception {
        CompletableFuture<String> url = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        url.complete(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                // gone
            }
            url.completeExceptionally(new AssertionError("the gateway ended before it listened:\n" + output));
        });
        return url.get(30, TimeUnit.SECONDS);
    }

    /** {@code count} bookings on the demo property, each on nights nobody else books. */
    private static List<String> book(ServerProcess server, String property, int count) {
        LocalDate businessDate = LocalDate.parse(server.get(property, ADMIN_KEY).json().path("business_date").asText());
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < count && i < 50; i++) {
            LocalDate checkin = businessDate.plusDays(200 + 3L * i);
            ServerProcess.Response booking = server.call("POST", property + "/bookings", ADMIN_KEY, """
                    {"guest": {"name": "Drill Six", "email": "drill6@example.com"}, "room_type": "STD", "rate_plan": "FLEX",
                     "checkin_date": "%s", "checkout_date": "%s", "adults": 1}""".formatted(checkin, checkin.plusDays(2)));
            if (booking.status() == 201) {
                ids.add(booking.json().path("id").asText());
            }
        }
        assertThat(ids).hasSize(count);
        return ids;
    }

    /** A one-night booking arriving on {@code checkin}. */
    private static String bookOn(ServerProcess server, String property, LocalDate checkin) {
        for (int attempt = 0; attempt < 20; attempt++) {
            ServerProcess.Response booking = server.call("POST", property + "/bookings", ADMIN_KEY,
                    "{\"guest\": {\"name\": \"Drill Six\", \"email\": \"drill6@example.com\"}, \"room_type\": \"STD\","
                    + " \"rate_plan\": \"FLEX\", \"checkin_date\": \"" + checkin + "\", \"checkout_date\": \""
                    + checkin.plusDays(1) + "\", \"adults\": 1}");
            if (booking.status() == 201) {
                return booking.json().path("id").asText();
            }
            pause(100);
        }
        throw new AssertionError("no room to book on " + checkin);
    }

    /** Posts until the server answers 2xx, again on 502 (the gateway failed, nothing recorded) with the same key. */
    private static JsonNode retrying(ServerProcess server, String path, String json, String key) {
        for (int attempt = 0; attempt < 100; attempt++) {
            ServerProcess.Response response = key == null ? server.call("POST", path, ADMIN_KEY, json)
                    : server.call("POST", path, ADMIN_KEY, json, "Idempotency-Key", key);
            if (response.status() / 100 == 2) {
                return response.json();
            }
            assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(502);
            pause(150);
        }
        throw new AssertionError(path + " never succeeded");
    }

    private static boolean endsClosed(ServerProcess server) {
        List<String> transitions = TRANSITION.matcher(server.output()).results()
                .map(match -> match.group(1) + "->" + match.group(2)).toList();
        return transitions.isEmpty() || transitions.getLast().endsWith("->CLOSED");
    }

    private interface Condition {
        boolean holds();
    }

    private static void await(Condition condition, long deadline) {
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("the storm got there in time").isLessThan(deadline);
            pause(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> stats(String gateway) throws IOException {
        return JSON.readValue(get(gateway + "/v1/stats"), Map.class);
    }

    private String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build());
    }

    private String put(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s", request.uri(), response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
