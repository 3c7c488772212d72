package io.hotelkit.gateway.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A card payment gateway simulated as its own HTTP server, on loopback only. Shaped like real gateways'
 * APIs: form-encoded POSTs, JSON answers, and an {@code Idempotency-Key} header on every call that moves
 * money. A call repeated with the same key returns the first call's answer (with {@code "replayed": true})
 * and moves no money twice, also while the first call is still answering; the same key with another
 * request is 409.
 *
 * <pre>
 * POST /v1/captures   Idempotency-Key; card_token, amount, currency  200 {id, status approved|declined, ...}
 * POST /v1/refunds    Idempotency-Key; capture, amount, currency     200 {id, status approved|declined, ...}
 * POST /v1/authorisations               Idempotency-Key; card_token, amount, currency   200 {id, status, ...}
 * POST /v1/authorisations/{id}/capture  Idempotency-Key; amount, currency: all or part, the rest released
 * POST /v1/authorisations/{id}/void     Idempotency-Key: releases it all
 * GET  /v1/captures   the ledger: every approved capture (of a card or of an authorisation), in order
 * GET  /v1/refunds    every approved refund, in order
 * GET  /v1/authorisations  every approved authorisation with its state: authorised, captured (captured,
 *                     released, capture) or voided</pre>
 *
 * <p>Like a real gateway it declines what would move money wrongly: a capture of more than an authorisation
 * holds, a second capture or a void of an ended one, a refund of more than a capture left.
 *
 * <pre>
 * GET  /v1/stats      calls, injected failures and timeouts, replays
 * GET  /admin/mode    the misbehaviour now; PUT /admin/mode with any of failure_rate, delay_ms,
 *                     timeout_rate, timeout_ms (form-encoded) changes it
 * </pre>
 *
 * <p>Misbehaviour ({@link Mode}): a failure answers 503 before anything is done; a timeout does the work
 * (records the capture) and answers only after the mode's timeout, which is the hard case for a caller: it
 * has given up on a capture that happened, and only a retry with the same key learns of it.
 */
public final class GatewaySimulator implements AutoCloseable {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern ENDING = Pattern.compile("/v1/authorisations/([^/]{1,200})/(capture|void)");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final SplittableRandom random;
    private volatile Mode mode;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Entry> captures = new ArrayList<>();
    private final List<Entry> refunds = new ArrayList<>();
    /** Approved authorisations by id, in order; guarded by {@code captures}, as every change to the ledger. */
    private final Map<String, Hold> holds = new LinkedHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();

    private GatewaySimulator(HttpServer server, Mode mode, long seed) {
        this.server = server;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.random = new SplittableRandom(seed);
    }

    /** Starts a gateway on {@code 127.0.0.1:port} (0: any free port). */
    public static GatewaySimulator start(int port, Mode mode, long seed) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        GatewaySimulator gateway = new GatewaySimulator(http, mode, seed);
        http.setExecutor(gateway.threads);
        http.createContext("/", gateway::handle);
        http.start();
        return gateway;
    }

    /**
     * Runs a gateway until it is stopped (or for {@code --exit-after-seconds}). Arguments, all optional:
     * {@code --port=0 --failure-rate=0 --delay-ms=0 --timeout-rate=0 --timeout-ms=5000 --seed=42
     * --exit-after-seconds=0} (0: never). Prints {@code gateway simulator: listening on http://127.0.0.1:PORT}.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                System.err.println("gateway simulator: arguments are --name=value, not " + arg);
                System.exit(2);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        long exitAfter = Long.parseLong(options.getOrDefault("exit-after-seconds", "0"));
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : List.of("failure-rate", "delay-ms", "timeout-rate", "timeout-ms")) {
            if (options.containsKey(name)) {
                settings.put(name.replace('-', '_'), options.get(name));
            }
        }
        Mode mode;
        try {
            mode = Mode.RELIABLE.with(settings);
        } catch (IllegalArgumentException e) {
            System.err.println("gateway simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        GatewaySimulator gateway = start(port, mode, seed);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        System.out.println("gateway simulator: listening on http://127.0.0.1:" + gateway.port() + " " + mode.json());
        System.out.flush();
        if (exitAfter > 0) {
            Thread.sleep(Duration.ofSeconds(exitAfter));
            System.out.println("gateway simulator: stopping after " + exitAfter + " s");
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Mode mode() {
        return mode;
    }

    public void mode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** Every approved capture, in the order they were made. */
    public List<Entry> captures() {
        synchronized (captures) {
            return List.copyOf(captures);
        }
    }

    public List<Entry> refunds() {
        synchronized (refunds) {
            return List.copyOf(refunds);
        }
    }

    /** Every approved authorisation with its state, in the order they were made. */
    public List<Hold> authorisations() {
        synchronized (captures) {
            return List.copyOf(holds.values());
        }
    }

    /** How many calls arrived, retries and failures included. */
    public long calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** An approved capture or refund. {@code capture} is the refunded capture's id, for a refund. */
    public record Entry(String id, String idempotencyKey, String cardToken, String capture, BigDecimal amount, String currency,
                        Instant at) {
        String json() {
            return "{\"id\":" + quote(id) + ",\"idempotency_key\":" + quote(idempotencyKey)
                    + (cardToken.isEmpty() ? "" : ",\"card_token\":" + quote(cardToken))
                    + (capture.isEmpty() ? "" : ",\"capture\":" + quote(capture))
                    + ",\"amount\":" + quote(amount.toPlainString()) + ",\"currency\":" + quote(currency)
                    + ",\"created_at\":" + quote(at.toString()) + "}";
        }
    }

    /**
     * An approved authorisation: {@code status} authorised, captured or voided; once captured, what was captured
     * ({@code captured}, by capture {@code capture}) and released.
     */
    public record Hold(String id, String idempotencyKey, String cardToken, BigDecimal amount, String currency, String status,
                       BigDecimal captured, String capture, Instant at) {
        BigDecimal released() {
            return status.equals("authorised") ? BigDecimal.ZERO : amount.subtract(captured);
        }

        Hold ended(String newStatus, BigDecimal capturedAmount, String captureId) {
            return new Hold(id, idempotencyKey, cardToken, amount, currency, newStatus, capturedAmount, captureId, at);
        }

        String json() {
            return "{\"id\":" + quote(id) + ",\"idempotency_key\":" + quote(idempotencyKey) + ",\"card_token\":" + quote(cardToken)
                    + ",\"amount\":" + quote(amount.toPlainString()) + ",\"currency\":" + quote(currency)
                    + ",\"status\":" + quote(status) + ",\"captured\":" + quote(captured.toPlainString())
                    + ",\"released\":" + quote(released().toPlainString())
                    + (capture.isEmpty() ? "" : ",\"capture\":" + quote(capture))
                    + ",\"created_at\":" + quote(at.toString()) + "}";
        }
    }

    /** The first answer to a key, and what was asked, to tell a retry from another request under the same key. */
    private record Answer(String request, String json) {}

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            try {
                switch (method + " " + path) {
                    case "POST /v1/captures" -> moveMoney(exchange, "capture", "");
                    case "POST /v1/refunds" -> moveMoney(exchange, "refund", "");
                    case "GET /v1/captures" -> send(exchange, 200, list("captures", captures()));
                    case "GET /v1/refunds" -> send(exchange, 200, list("refunds", refunds()));
                    case "POST /v1/authorisations" -> moveMoney(exchange, "authorise", "");
                    case "GET /v1/authorisations" -> send(exchange, 200, holds());
                    case "GET /v1/stats" -> send(exchange, 200, "{\"calls\":" + calls + ",\"failures\":" + failures
                            + ",\"timeouts\":" + timeouts + ",\"replays\":" + replays + ",\"captures\":" + captures().size()
                            + ",\"refunds\":" + refunds().size() + ",\"authorisations\":" + authorisations().size() + "}");
                    case "GET /admin/mode" -> send(exchange, 200, mode.json());
                    case "PUT /admin/mode", "POST /admin/mode" -> {
                        mode = mode.with(form(exchange));
                        send(exchange, 200, mode.json());
                    }
                    default -> {
                        java.util.regex.Matcher ending = ENDING.matcher(path);
                        if (method.equals("POST") && ending.matches()) {
                            moveMoney(exchange, ending.group(2), URLDecoder.decode(ending.group(1), StandardCharsets.UTF_8));
                        } else {
                            send(exchange, 404, error("not_found", method + " " + path + " is not a route of this gateway"));
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                send(exchange, 400, error("invalid_request", e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                send(exchange, 500, error("internal", String.valueOf(e)));
            }
        }
    }

    private void moveMoney(HttpExchange exchange, String kind, String authorisation) throws IOException, InterruptedException {
        calls.incrementAndGet();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("an Idempotency-Key header of 1 to 255 visible characters is required");
        }
        Map<String, String> form = form(exchange);
        BigDecimal amount;
        String currency;
        if (kind.equals("void")) {
            amount = BigDecimal.ZERO;
            currency = "";
        } else {
            amount = amount(form.get("amount"));
            currency = required(form, "currency");
            if (!CURRENCY.matcher(currency).matches()) {
                throw new IllegalArgumentException("currency is '" + currency + "', not an ISO 4217 code");
            }
        }
        String subject = switch (kind) {
            case "capture" -> authorisation.isEmpty() ? required(form, "card_token") : authorisation;
            case "authorise" -> required(form, "card_token");
            case "refund" -> required(form, "capture");
            default -> authorisation;
        };
        String request = kind + " " + subject + " " + amount.stripTrailingZeros().toPlainString() + " " + currency;

        Mode now = mode;
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        pause(now.delay());
        if (roll < now.failureRate()) {
            failures.incrementAndGet();
            send(exchange, 503, error("simulated_failure", "the gateway failed before doing anything; retry with the same key"));
            return;
        }
        boolean[] first = {false};
        String space = authorisation.isEmpty() ? kind : "authorisation " + kind;
        Answer answer = answers.computeIfAbsent(space + ":" + key, k -> {
            first[0] = true;
            return new Answer(request, switch (kind) {
                case "capture" -> authorisation.isEmpty() ? capture(key, subject, amount, currency)
                        : captureAuthorisation(key, subject, amount, currency);
                case "authorise" -> authorise(key, subject, amount, currency);
                case "void" -> voidAuthorisation(key, subject);
                default -> refund(key, subject, amount, currency);
            });
        });
        if (!answer.request().equals(request)) {
            send(exchange, 409, error("idempotency_key_reused", "idempotency key " + key + " was used for another request"));
            return;
        }
        if (!first[0]) {
            replays.incrementAndGet();
        }
        if (roll < now.failureRate() + now.timeoutRate()) {
            timeouts.incrementAndGet();
            pause(now.timeout()); // done, but answered too late: only a retry with the same key learns of it
        }
        String json = answer.json();
        send(exchange, 200, json.substring(0, json.length() - 1) + ",\"replayed\":" + !first[0] + "}");
    }

    private String capture(String key, String cardToken, BigDecimal amount, String currency) {
        String id = reference("ch");
        if (!cardToken.startsWith("tok_")) {
            return result(id, false, "unknown card token", amount, currency);
        }
        if (cardToken.equals("tok_declined")) {
            return result(id, false, "card declined", amount, currency);
        }
        synchronized (captures) {
            captures.add(new Entry(id, key, cardToken, "", amount, currency, Instant.now()));
        }
        return result(id, true, null, amount, currency);
    }

    private String refund(String key, String captureId, BigDecimal amount, String currency) {
        String id = reference("re");
        Entry capture = captures().stream().filter(entry -> entry.id().equals(captureId)).findFirst().orElse(null);
        if (capture == null) {
            return result(id, false, "no such capture", amount, currency);
        }
        if (!capture.currency().equals(currency)) {
            return result(id, false, "the capture is in " + capture.currency(), amount, currency);
        }
        synchronized (refunds) {
            BigDecimal refunded = refunds.stream().filter(entry -> entry.capture().equals(captureId))
                    .map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (refunded.add(amount).compareTo(capture.amount()) > 0) {
                return result(id, false, "more than the capture left", amount, currency);
            }
            refunds.add(new Entry(id, key, "", captureId, amount, currency, Instant.now()));
        }
        return result(id, true, null, amount, currency);
    }

    private String authorise(String key, String cardToken, BigDecimal amount, String currency) {
        String id = reference("au");
        if (!cardToken.startsWith("tok_")) {
            return result(id, false, "unknown card token", amount, currency);
        }
        if (cardToken.equals("tok_declined")) {
            return result(id, false, "card declined", amount, currency);
        }
        synchronized (captures) {
            holds.put(id, new Hold(id, key, cardToken, amount, currency, "authorised", BigDecimal.ZERO, "", Instant.now()));
        }
        return result(id, true, null, amount, currency);
    }

    private String captureAuthorisation(String key, String authorisationId, BigDecimal amount, String currency) {
        String id = reference("ch");
        synchronized (captures) {
            Hold hold = holds.get(authorisationId);
            String refusal = hold == null ? "no such authorisation"
                    : !hold.status().equals("authorised") ? "the authorisation was " + hold.status() + " already"
                    : !hold.currency().equals(currency) ? "the authorisation is in " + hold.currency()
                    : amount.compareTo(hold.amount()) > 0 ? "more than the authorisation holds" : null;
            if (refusal != null) {
                return result(id, false, refusal, amount, currency);
            }
            holds.put(authorisationId, hold.ended("captured", amount, id));
            captures.add(new Entry(id, key, hold.cardToken(), "", amount, currency, Instant.now()));
        }
        return result(id, true, null, amount, currency);
    }

    private String voidAuthorisation(String key, String authorisationId) {
        String id = reference("vo");
        synchronized (captures) {
            Hold hold = holds.get(authorisationId);
            if (hold == null || !hold.status().equals("authorised")) {
                return result(id, false, hold == null ? "no such authorisation" : "the authorisation was " + hold.status()
                        + " already", BigDecimal.ZERO, hold == null ? "XXX" : hold.currency());
            }
            holds.put(authorisationId, hold.ended("voided", BigDecimal.ZERO, ""));
            return result(id, true, null, hold.amount(), hold.currency());
        }
    }

    private String holds() {
        StringBuilder json = new StringBuilder("{\"authorisations\":[");
        List<Hold> all = authorisations();
        for (int i = 0; i < all.size(); i++) {
            json.append(i == 0 ? "" : ",").append(all.get(i).json());
        }
        return json.append("]}").toString();
    }

    private static String result(String id, boolean approved, String declineReason, BigDecimal amount, String currency) {
        return "{\"id\":" + quote(id) + ",\"status\":" + quote(approved ? "approved" : "declined")
                + (declineReason == null ? "" : ",\"decline_reason\":" + quote(declineReason))
                + ",\"amount\":" + quote(amount.toPlainString()) + ",\"currency\":" + quote(currency) + "}";
    }

    private String reference(String prefix) {
        return prefix + "_" + Long.toString(System.currentTimeMillis(), 36) + "_" + sequence.incrementAndGet();
    }

    private static BigDecimal amount(String value) {
        if (value == null) {
            throw new IllegalArgumentException("amount is required");
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            if (amount.signum() > 0 && amount.scale() <= 4) {
                return amount;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("amount is '" + value + "', not a positive decimal with at most 4 places");
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.put(name.strip(), value);
        }
        return form;
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration);
        }
    }

    private static String list(String name, List<Entry> entries) {
        StringBuilder json = new StringBuilder("{\"").append(name).append("\":[");
        for (int i = 0; i < entries.size(); i++) {
            json.append(i == 0 ? "" : ",").append(entries.get(i).json());
        }
        return json.append("]}").toString();
    }

    private static String error(String code, String message) {
        return "{\"error\":" + quote(code) + ",\"message\":" + quote(message) + "}";
    }

    private static void send(HttpExchange exchange, int status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the caller gave up waiting: what was done stays done, and its retry will be told
        }
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
