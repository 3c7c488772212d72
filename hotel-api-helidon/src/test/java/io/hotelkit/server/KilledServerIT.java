package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hotelkit.jpa.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the packaged server answered 2xx survives {@code kill -9} of the process right after the
 * answer, on H2 and on PostgreSQL: bookings, folio charges, payments, invoices (with the numbers a client
 * was given, never given to another invoice), idempotency records (a retry with the same key replays the
 * first answer) and API keys. Each round writes from several threads until enough writes are answered,
 * kills the server at once (SIGKILL: writes still in flight are killed with it, answered or not), starts
 * it again on the same data and looks for every answered write of every round so far.
 */
class KilledServerIT {

    private static final String ADMIN_KEY = "hk_killed-admin-key-abcdefghij";
    private static final int WRITERS = 4;
    private static final int WRITES_PER_ROUND = 60;
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    /** An answered write, and what it takes to find it and to retry it. */
    private record Write(String kind, String path, String apiKey, @Nullable String idempotencyKey, @Nullable String body,
                         int status, JsonNode answer) {
        String id() {
            return answer.path("id").asText();
        }
    }

    @Test
    void every_answered_write_survives_kill_9_on_h2() throws Exception {
        rounds("h2", Map.of("HOTEL_DB_URL", "jdbc:h2:file:" + directory.resolve("data").resolve("hotelkit")), 3);
    }

    @Test
    void every_answered_write_survives_kill_9_on_postgresql() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            rounds("postgresql", Map.of("HOTEL_DB_URL", database.url()), 2);
        }
    }

    private void rounds(String kind, Map<String, String> database, int rounds) throws Exception {
        Map<String, String> environment = new HashMap<>(database);
        environment.putAll(Map.of(
                "HOTEL_HTTP_HOST", "127.0.0.1",
                "HOTEL_HTTP_PORT", "0",
                "HOTEL_ADMIN_KEY", ADMIN_KEY,
                "HOTEL_DEMO", "true",
                "HOTEL_RATE_LIMIT_ADMIN_CAPACITY", "1000000",
                "HOTEL_RATE_LIMIT_FRONT_DESK_CAPACITY", "1000000"));
        List<Write> answered = new ArrayList<>();
        ServerProcess server = ServerProcess.start(environment, directory, START);
        try {
            String property = "/v1/properties/" + server.get("/v1/properties", ADMIN_KEY).json().path("items").get(0).path("id").asText();
            for (int round = 1; round <= rounds; round++) {
                answered.addAll(writeAndKill(server, property, round));
                server = ServerProcess.start(environment, directory, START);
                findAll(server, property, answered, kind + ", after round " + round);
            }
        } finally {
            server.close();
        }
    }

    /** Writes from {@link #WRITERS} threads until {@link #WRITES_PER_ROUND} are answered, then kills the server. */
    private static List<Write> writeAndKill(ServerProcess server, String property, int round) throws Exception {
        List<Write> answered = new ArrayList<>();
        AtomicInteger count = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(1);
        List<String> unexpected = new ArrayList<>();
        Writer writer = new Writer(server, answered, unexpected, count, killed, enough);
        String desk = writer.write("api-key", "/v1/api-keys", ADMIN_KEY, null,
                "{\"name\": \"desk round " + round + "\", \"role\": \"front_desk\", \"property_ids\": []}")
                .answer().path("key").asText();
        LocalDate businessDate = LocalDate.parse(server.get(property, ADMIN_KEY).json().path("business_date").asText());
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        for (int t = 0; t < WRITERS; t++) {
            threads.submit(() -> {
                while (!killed.get()) {
                    writer.stay(property, desk, businessDate);
                }
                return null;
            });
        }
        boolean reached = enough.await(3, TimeUnit.MINUTES);
        server.kill();
        killed.set(true);
        threads.shutdown();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        synchronized (unexpected) {
            assertThat(unexpected).as("answers other than 2xx and 409").isEmpty();
        }
        assertThat(reached).as("%d writes answered in round %d:\n%s", WRITES_PER_ROUND, round, server.output()).isTrue();
        synchronized (answered) {
            assertThat(answered).as("every kind of write was answered").extracting(Write::kind)
                    .contains("booking", "charge", "payment", "invoice", "api-key");
            return List.copyOf(answered);
        }
    }

    /** Makes writes and keeps the answered ones; a write the killed server never answered is not kept. */
    private record Writer(ServerProcess server, List<Write> answered, List<String> unexpected, AtomicInteger count,
                          AtomicBoolean killed, CountDownLatch enough) {

        /** A booking, a charge on its folio, a payment and an invoice, each with an idempotency key. */
        void stay(String property, String desk, LocalDate businessDate) {
            String tag = letters();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            LocalDate checkin = businessDate.plusDays(1 + random.nextInt(300));
            String roomType = List.of("STD", "DLX", "FAM", "STE").get(random.nextInt(4));
            Write booking = write("booking", property + "/bookings", desk, "book-" + tag, """
                    {"guest": {"name": "Guest %s", "email": "%s@example.com"}, "room_type": "%s", "rate_plan": "FLEX",
                     "checkin_date": "%s", "checkout_date": "%s", "adults": 1}"""
                    .formatted(tag, tag, roomType, checkin, checkin.plusDays(1)));
            if (booking == null) {
                return;
            }
            String id = booking.id();
            if (write("charge", property + "/bookings/" + id + "/charges", desk, "charge-" + tag,
                    "{\"description\": \"Minibar\", \"amount\": {\"amount\": \"8.50\", \"currency\": \"EUR\"}, \"category\": \"minibar\"}")
                    == null) {
                return;
            }
            if (write("payment", property + "/payments", desk, "pay-" + tag, """
                    {"booking_id": "%s", "amount": {"amount": "5.00", "currency": "EUR"}, "method": "card", "card_token": "tok_visa"}"""
                    .formatted(id)) == null) {
                return;
            }
            write("invoice", property + "/bookings/" + id + "/invoices", desk, "invoice-" + tag, null);
        }

        /** The write, kept if answered 2xx; {@code null} if it was not (the server killed, a night full). */
        @Nullable Write write(String kind, String path, String apiKey, @Nullable String idempotencyKey, @Nullable String body) {
            if (killed.get()) {
                return null;
            }
            ServerProcess.Response response;
            try {
                response = idempotencyKey == null
                        ? server.call("POST", path, apiKey, body)
                        : server.call("POST", path, apiKey, body, "Idempotency-Key", idempotencyKey);
            } catch (RuntimeException e) {
                return null; // killed before it answered
            }
            if (!response.ok()) {
                if (response.status() != 409) { // a night that is full: not a write
                    synchronized (unexpected) {
                        unexpected.add(kind + " " + path + ": " + response.status() + " " + response.body());
                    }
                    enough.countDown();
                }
                return null;
            }
            Write write = new Write(kind, path, apiKey, idempotencyKey, body, response.status(), response.json());
            synchronized (answered) {
                answered.add(write);
            }
            if (count.incrementAndGet() >= WRITES_PER_ROUND) {
                enough.countDown();
            }
            return write;
        }

        private static String letters() {
            StringBuilder letters = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
            }
            return letters.toString();
        }
    }

    private static void findAll(ServerProcess server, String property, List<Write> answered, String when) {
        Map<String, String> invoiceByNumber = new HashMap<>();
        for (Write write : answered) {
            String what = when + ": " + write.kind() + " " + write.id() + " answered " + write.status();
            switch (write.kind()) {
                case "booking" -> {
                    ServerProcess.Response found = server.get(write.path() + "/" + write.id(), ADMIN_KEY);
                    assertThat(found.status()).as(what).isEqualTo(200);
                    assertThat(found.json().path("confirmation_code").asText()).as(what)
                            .isEqualTo(write.answer().path("confirmation_code").asText());
                }
                case "charge" -> {
                    ServerProcess.Response folio = server.get(write.path().replace("/charges", "/folio"), ADMIN_KEY);
                    assertThat(folio.status()).as(what).isEqualTo(200);
                    assertThat(folio.json().path("lines").findValuesAsText("id")).as(what).contains(write.id());
                }
                case "payment" -> {
                    ServerProcess.Response found = server.get(write.path() + "/" + write.id(), ADMIN_KEY);
                    assertThat(found.status()).as(what).isEqualTo(200);
                    assertThat(found.json().path("status").asText()).as(what).isEqualTo(write.answer().path("status").asText());
                }
                case "invoice" -> {
                    ServerProcess.Response found = server.get(property + "/invoices/" + write.id(), ADMIN_KEY);
                    assertThat(found.status()).as(what).isEqualTo(200);
                    String number = write.answer().path("number").asText();
                    assertThat(found.json().path("number").asText()).as(what).isEqualTo(number);
                    assertThat(invoiceByNumber.put(number, write.id())).as(what + ": number " + number + " given twice").isNull();
                }
                case "api-key" -> assertThat(server.get("/v1/ping", write.answer().path("key").asText()).status())
                        .as(what).isEqualTo(200);
                default -> throw new IllegalStateException(write.kind());
            }
            if (write.idempotencyKey() != null) {
                ServerProcess.Response retried = server.call("POST", write.path(), write.apiKey(), write.body(),
                        "Idempotency-Key", write.idempotencyKey());
                assertThat(retried.status()).as(what + ": retried with its key").isEqualTo(write.status());
                assertThat(retried.json().path("id").asText()).as(what + ": retried with its key").isEqualTo(write.id());
                assertThat(retried.raw().headers().firstValue("Idempotent-Replayed")).as(what).contains("true");
            }
        }
        JsonNode invoices = server.get(property + "/invoices?limit=500", ADMIN_KEY).json().path("items");
        Map<String, String> numbers = new HashMap<>();
        for (JsonNode invoice : invoices) {
            String number = invoice.path("number").asText();
            assertThat(numbers.put(number, invoice.path("id").asText())).as(when + ": number " + number + " given twice").isNull();
            if (invoiceByNumber.containsKey(number)) {
                assertThat(invoice.path("id").asText()).as(when + ": the invoice numbered " + number)
                        .isEqualTo(invoiceByNumber.get(number));
            }
        }
    }
}
