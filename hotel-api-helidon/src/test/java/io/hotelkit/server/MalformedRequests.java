package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hotelkit.jpa.testing.TestDatabase;
import io.hotelkit.server.AuthorizationMatrixTest.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A battery of malformed requests over every route, made from each route's well-formed request in the
 * {@link AuthorizationMatrixTest authorization matrix}: every JSON value of its body of the wrong type, with
 * NUL, other control characters or a lone surrogate in it, overflowing, in exponent notation, as dates in
 * year 0 and 10000; whole bodies that are null, truncated, not UTF-8, 10 MB, nested 10,000 deep, with
 * unknown or privileged fields, of the wrong media type; ids in paths and query parameters with NUL and
 * control characters; methods a path has no route for. Every answer is a 4xx problem document, none is a
 * 5xx, and a dump of every table of the database is the same before and after. A subclass names the
 * database; the battery is sent over real sockets, by the JDK's HTTP client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MalformedRequests {

    /** One request of the battery: which route's request it spoils, and how. */
    record Request(String route, String what, String method, String path, @Nullable String contentType,
                   byte @Nullable [] body) {

        @Override
        public String toString() {
            return route + ": " + what + " (" + method + " " + abbreviated(path) + ")";
        }
    }

    /** Writes lone surrogates and control characters as JSON escapes, as a client's JSON library would. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIME = Pattern.compile("[0-9]{2}:[0-9]{2}");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private LiveServer server;
    private Fixture fixture;
    private Lisbon lisbon;
    private HttpClient http;
    private final Map<String, String> made = new HashMap<>();

    /** A fixture on the database under test. */
    abstract Fixture fixture();

    @BeforeAll
    void start() {
        server = LiveServer.start(fixture());
        fixture = server.fixture();
        Api api = server.api();
        lisbon = Lisbon.setUp(api, fixture);
        String booking = lisbon.booking(lisbon.frontDesk);
        made.putAll(Map.of("p", lisbon.id, "code", "MALFORMED", "api_key", lisbon.apiKey(), "room", lisbon.room(),
                "out_of_order_room", lisbon.outOfOrderRoom(), "block", lisbon.block(), "booking", booking,
                "settled", lisbon.settled(), "charged", lisbon.charged(), "payment", lisbon.payment()));
        made.put("invoice", lisbon.invoice());
        made.put("guest", lisbon.guest());
        made.put("reservation", lisbon.reservation(lisbon.frontDesk));
        made.put("source", "bdc");
        made.put("external_ref", lisbon.channelBooking(lisbon.frontDesk));
        var webhook = api.post(lisbon.path("/webhooks"), lisbon.manager,
                "{\"url\": \"http://127.0.0.1:9/hooks\", \"event_types\": [\"booking.created\"]}");
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        made.put("webhook", webhook.json().path("id").asText());
        made.put("position", api.get(lisbon.path("/audit?entity=property&id=" + lisbon.id), lisbon.manager).json()
                .path("items").path(0).path("position").asText());
        made.put("version", api.get(lisbon.path("/bookings/" + booking), lisbon.frontDesk).json().path("version").asText());
        made.put("one", "1");
        made.put("two", "2");
        made.put("line", api.get(lisbon.path("/bookings/" + made.get("charged") + "/folio"), lisbon.frontDesk).json()
                .path("lines").path(0).path("id").asText());
        var window = api.post(lisbon.path("/bookings/" + booking + "/folios"), lisbon.frontDesk,
                "{\"payer_kind\": \"person\", \"name\": \"Rui Costa\"}");
        assertThat(window.status()).as(window.toString()).isEqualTo(201);
        made.put("windowed", booking);
        var company = api.post(lisbon.path("/companies"), lisbon.manager, """
                {"kind": "company", "name": "Acme Lda", "address": {"line1": "Rua Augusta 1", "postal_code": "1100-048",
                 "city": "Lisboa", "country": "PT"}, "credit_limit": {"amount": "5000.00", "currency": "EUR"}}""");
        assertThat(company.status()).as(company.toString()).isEqualTo(201);
        made.put("company", company.json().path("id").asText());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void stop() throws Exception {
        http.close();
        server.close();
    }

    @Test
    void every_malformed_request_is_a_4xx_problem_and_changes_nothing_in_the_database() throws Exception {
        List<Request> battery = battery();
        TestDatabase database = fixture.database().orElseThrow();
        // Events get their positions from the first reader after commit: a change no request of the battery makes.
        while (!fixture.hotel.storage().outbox().readAfter(fixture.hotel.storage().outbox().lastPosition(), 100).isEmpty()) {
            Thread.onSpinWait();
        }
        Map<String, List<String>> before = dump(database);
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, List<String>> last = before;
        String lastRoute = null;
        for (Request request : battery) {
            if (!request.route().equals(lastRoute)) {
                Map<String, List<String>> now = dump(database);
                if (!now.equals(last)) {
                    wrong.add(lastRoute + ": the database changed: " + difference(last, now));
                    last = now;
                }
                lastRoute = request.route();
            }
            int status = send(request, wrong);
            statuses.merge(status, 1, Integer::sum);
        }
        Map<String, List<String>> after = dump(database);
        if (!after.equals(last)) {
            wrong.add(lastRoute + ": the database changed: " + difference(last, after));
        }
        long routes = battery.stream().map(Request::route).distinct().count();
        System.out.printf("malformed requests: %d over %d routes; answers by status: %s%n", battery.size(), routes,
                statuses);

        assertThat(wrong).isEmpty();
        assertThat(battery).hasSizeGreaterThanOrEqualTo(120);
        assertThat(routes).isEqualTo(Route.values().length);
        assertThat(after).isEqualTo(before);
    }

    /** Sends one request; its status, or 0 when no answer came. What was wrong with the answer goes to {@code wrong}. */
    private int send(Request request, List<String> wrong) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + request.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", Fixture.bearer(lisbon.admin))
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.path().contains("/bookings/" + made.get("booking")) && request.method().equals("PATCH")) {
            builder.header("If-Match", made.get("version"));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                wrong.add(request + " answered " + response.statusCode() + ": " + abbreviated(response.body()));
            } else if (!type.startsWith(Problem.MEDIA_TYPE)) {
                wrong.add(request + " answered " + response.statusCode() + " as " + type + ", not a problem document");
            } else if (response.body().contains("Exception") || response.body().contains("io.hotelkit")) {
                wrong.add(request + " answered with Java in it: " + abbreviated(response.body()));
            }
            return response.statusCode();
        } catch (IOException e) {
            // Only a body far over the limit may be cut off while it is still being sent.
            if (request.body() == null || request.body().length <= Bodies.MAX_BYTES) {
                wrong.add(request + " got no answer: " + e);
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the battery ----

    List<Request> battery() {
        List<Request> battery = new ArrayList<>();
        for (Row row : AuthorizationMatrixTest.TABLE) {
            String route = row.route().name();
            String path = resolve(row.path());
            String plainPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            Consumer<Request> add = battery::add;
            pathParameters(row, path, add);
            queryParameters(row, path, add);
            otherMethods(row, plainPath, add);
            if (row.body() != null) {
                bodies(route, row.route().method().text(), path, resolve(row.body()), false, add);
            } else if (row.route() == Route.CHECK_IN) {
                bodies(route, "POST", path, "{\"room_number\": \"101\"}", true, add);
            } else if (row.route() == Route.CANCEL_BOOKING) {
                bodies(route, "POST", path, "{\"reason\": \"changed plans\"}", true, add);
            }
            issueExamples(row, path, add);
        }
        return battery;
    }

    /** The requests issue 10 found answered 500 or accepted, each as it was sent. */
    private void issueExamples(Row row, String path, Consumer<Request> add) {
        String method = row.route().method().text();
        switch (row.route()) {
            case CREATE_RATE_PLAN -> {
                for (String policy : List.of("\"penalty\": \"percent\", \"percent\": 0",
                        "\"penalty\": \"percent\", \"percent\": 500", "\"penalty\": \"percent\", \"percent\": -5")) {
                    add.accept(json(row, method, path, "a cancellation policy of " + policy, """
                            {"code": "PCT", "name": "Percent", "cancellation_policy": {"free_until_days_before": 1, %s}}"""
                            .formatted(policy)));
                }
                add.accept(json(row, method, path, "a derived rate 200 % below its parent", """
                        {"code": "DRV", "name": "Derived", "cancellation_policy": {"free_until_days_before": 1, "penalty": "none"},
                         "derived_from": {"rate_plan": "FLEX", "adjustment_percent": -200}}"""));
            }
            case POST_CHARGE -> {
                for (String[] charge : new String[][] {
                        {"a charge of 30 digits", "\"amount\": {\"amount\": \"999999999999999999999999999999.99\", \"currency\": \"EUR\"}"},
                        {"a charge of 1e10", "\"amount\": {\"amount\": \"1e10\", \"currency\": \"EUR\"}"},
                        {"a charge dated 0000-01-01", "\"amount\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}, \"date\": \"0000-01-01\""},
                        {"a charge dated 10000-01-01", "\"amount\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}, \"date\": \"+10000-01-01\""}}) {
                    add.accept(json(row, method, path, charge[0],
                            "{\"description\": \"Spa\", \"category\": \"spa\", " + charge[1] + "}"));
                }
            }
            case REGISTER_GUEST -> {
                add.accept(json(row, method, path, "NUL in a preference",
                        "{\"name\": \"Rui\", \"email\": \"rui.nul@example.com\", \"preferences\": {\"pillow\": \"soft\\u0000\"}}"));
                add.accept(json(row, method, path, "a lone surrogate in a name",
                        "{\"name\": \"Rui \\ud800\", \"email\": \"rui.surrogate@example.com\"}"));
                add.accept(json(row, method, path, "an e-mail of 255 characters",
                        "{\"name\": \"Rui\", \"email\": \"" + "r".repeat(64) + "@" + "e".repeat(186) + ".com\"}"));
            }
            default -> { }
        }
    }

    private static Request json(Row row, String method, String path, String what, String body) {
        return new Request(row.route().name(), what, method, path, "application/json", utf8(body));
    }

    /** Each id, code or number in the path: with NUL, control characters, invalid UTF-8, or far too long. */
    private static void pathParameters(Row row, String path, Consumer<Request> add) {
        String[] template = ("/v1" + row.route().path()).split("/");
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
        String[] segments = plain.split("/");
        String method = row.route().method().text();
        for (int i = 0; i < template.length; i++) {
            if (!template[i].startsWith("{")) {
                continue;
            }
            for (String[] spoilt : new String[][] {
                    {"NUL", "%00"}, {"NUL after the id", segments[i] + "%00"}, {"a bell", segments[i] + "%07"},
                    {"DEL", "%7F"}, {"a C1 control", "%C2%85"}, {"a line break", "a%0D%0Ab"},
                    {"a UTF-8 encoded surrogate", "%ED%A0%80"}, {"bytes that are not UTF-8", "%FF%FE"},
                    {"an overlong encoding of /", "%C0%AF"}, {"an escaped NUL", "%2500"},
                    {"5,000 characters", "x".repeat(5000)}, {"quotes and SQL", "'%20OR%20'1'%3D'1"}}) {
                String[] changed = segments.clone();
                changed[i] = spoilt[1];
                add.accept(new Request(row.route().name(), template[i] + " with " + spoilt[0], method,
                        String.join("/", changed) + query, row.body() == null ? null : "application/json",
                        row.body() == null ? null : "{}".getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** Each query parameter: NUL and control characters, and what fits its kind (dates, numbers) badly. */
    private static void queryParameters(Row row, String path, Consumer<Request> add) {
        int question = path.indexOf('?');
        if (question < 0) {
            return;
        }
        String[] parameters = path.substring(question + 1).split("&");
        for (int i = 0; i < parameters.length; i++) {
            String[] pair = parameters[i].split("=", 2);
            List<String[]> values = new ArrayList<>(List.of(new String[] {"NUL", "%00"},
                    new String[] {"NUL inside", "a%00b"}, new String[] {"an escape character", "%1B%5B2J"},
                    new String[] {"a UTF-8 encoded surrogate", "%ED%A0%80"}, new String[] {"bytes that are not UTF-8", "%FF"}));
            if (DATE.matcher(pair[1]).matches()) {
                values.addAll(List.of(new String[] {"year 0", "0000-01-01"}, new String[] {"year 10000", "10000-01-01"},
                        new String[] {"a signed year", "%2B2026-01-01"}, new String[] {"30 February", "2026-02-30"},
                        new String[] {"a date and time", "2026-01-01T00:00"}, new String[] {"exponent notation", "2e3"}));
            }
            for (String[] value : values) {
                String[] changed = parameters.clone();
                changed[i] = pair[0] + "=" + value[1];
                add.accept(new Request(row.route().name(), "?" + pair[0] + " with " + value[0], row.route().method().text(),
                        path.substring(0, question + 1) + String.join("&", changed), null, null));
            }
        }
    }

    /** The methods a path answers 405 to: those of no route on it, and one no server knows. */
    private static void otherMethods(Row row, String path, Consumer<Request> add) {
        Set<String> routed = Arrays.stream(Route.values()).filter(r -> r.path().equals(row.route().path()))
                .map(r -> r.method().text()).collect(Collectors.toSet());
        for (String method : METHODS) {
            if (!routed.contains(method)) {
                add.accept(new Request(row.route().name(), "method " + method, method, path, "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8)));
            }
        }
        add.accept(new Request(row.route().name(), "method PROPFIND", "PROPFIND", path, null, null));
    }

    /** A well-formed {@code body} spoilt: value by value, then as a whole, then by its media type. */
    private static void bodies(String route, String method, String path, String body, boolean optional,
                               Consumer<Request> add) {
        JsonNode valid = Json.read(body, JsonNode.class);
        Consumer<Request> json = add;
        leaves(valid, "", (pointer, value) -> {
            for (Map.Entry<String, JsonNode> spoilt : spoilt(pointer, value).entrySet()) {
                JsonNode copy = valid.deepCopy();
                replace(copy, pointer, spoilt.getValue());
                json.accept(new Request(route, pointer + " " + spoilt.getKey(), method, path, "application/json",
                        write(copy)));
            }
        });
        if (valid.isObject()) {
            for (String field : List.of("unexpected", "id", "version", "created_at", "property_id", "balance",
                    "api_key_id", "erased_at", "__proto__")) {
                if (!valid.has(field)) {
                    ObjectNode copy = valid.deepCopy();
                    copy.put(field, field.equals("version") ? "99" : "x");
                    add.accept(new Request(route, "an unknown or privileged field " + field, method, path,
                            "application/json", write(copy)));
                }
            }
        }
        String text = body.strip();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> whole = new java.util.LinkedHashMap<>();
        if (!optional) {
            // An optional body may be left out, or sent as null: both are no body.
            whole.put("null", utf8("null"));
            whole.put("empty", new byte[0]);
        }
        whole.put("of the other kind of container", utf8(valid.isObject() ? "[" + text + "]" : "{}"));
        whole.put("a string", utf8("\"" + text.replace("\"", "\\\"") + "\""));
        whole.put("a number", utf8("42"));
        whole.put("true", utf8("true"));
        whole.put("truncated", Arrays.copyOf(bytes, bytes.length - 1));
        whole.put("with trailing text", utf8(text + " x"));
        whole.put("followed by another document", utf8(text + " {}"));
        whole.put("with a comment", utf8("/* note */ " + text));
        whole.put("in single quotes", utf8(text.replace('"', '\'')));
        whole.put("with NaN", utf8(valid.isObject() ? "{\"x\": NaN, " + text.substring(1) : "[NaN, " + text.substring(1)));
        whole.put("with a leading zero", utf8(valid.isObject() ? "{\"x\": 007, " + text.substring(1) : "[007, " + text.substring(1)));
        whole.put("with a byte that is never UTF-8", invalidUtf8(bytes, new byte[] {(byte) 0xFF}));
        whole.put("with a cut UTF-8 sequence", invalidUtf8(bytes, new byte[] {(byte) 0xC3, '(' }));
        whole.put("with an overlong UTF-8 encoding", invalidUtf8(bytes, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        whole.put("with a UTF-8 encoded surrogate", invalidUtf8(bytes, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        whole.put("nested 10,000 deep", utf8(valid.isObject()
                ? "{\"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + ", " + text.substring(1)
                : "[" + "[".repeat(10_000) + "]".repeat(10_000) + ", " + text.substring(1)));
        whole.put("of 10 MB", utf8(valid.isObject()
                ? "{\"x\": \"" + "a".repeat(10 << 20) + "\", " + text.substring(1)
                : "[\"" + "a".repeat(10 << 20) + "\", " + text.substring(1)));
        whole.put("padded with spaces past 1 MiB", utf8(" ".repeat(Bodies.MAX_BYTES) + text));
        if (valid.isObject()) {
            String first = valid.fieldNames().next();
            whole.put("with a duplicate field", utf8("{\"" + first + "\": " + valid.get(first) + ", " + text.substring(1)));
        }
        whole.forEach((what, spoilt) -> add.accept(new Request(route, "a body " + what, method, path, "application/json",
                spoilt)));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/jsonl", "text/json")) {
            add.accept(new Request(route, "a body as " + type, method, path, type, bytes));
        }
        add.accept(new Request(route, "a body without a media type", method, path, null, bytes));
    }

    /** What to put in place of {@code value} at {@code pointer}; each must be refused. */
    private static Map<String, JsonNode> spoilt(String pointer, JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Map<String, JsonNode> spoilt = new java.util.LinkedHashMap<>();
        String name = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (value.isTextual()) {
            String text = value.asText();
            spoilt.put("as a number", nodes.numberNode(12345));
            spoilt.put("as true", nodes.booleanNode(true));
            spoilt.put("as an object", nodes.objectNode().put("value", text));
            spoilt.put("with NUL", nodes.textNode(text + "\u0000"));
            spoilt.put("with NUL first", nodes.textNode("\u0000" + text));
            spoilt.put("with a bell", nodes.textNode(text.charAt(0) + "\u0007" + text.substring(1)));
            spoilt.put("with an escape sequence", nodes.textNode(text + "\u001b[2J"));
            spoilt.put("with a C1 control", nodes.textNode(text + "\u0085"));
            spoilt.put("with a lone high surrogate", nodes.textNode(text + "\ud800"));
            spoilt.put("with a lone low surrogate", nodes.textNode("\udc00" + text));
            spoilt.put("with surrogates in the wrong order", nodes.textNode(text + "\udc00\ud800"));
            spoilt.put("of 100,000 characters", nodes.textNode(text + "x".repeat(100_000)));
            if (DATE.matcher(text).matches()) {
                for (String date : List.of("0000-01-01", "-0001-01-01", "10000-01-01", "+10000-01-01", "1899-12-31",
                        "2026-02-30", "2026-13-01", "2026-1-1", "20260101", "2026-01-01T00:00:00Z", "1e10")) {
                    spoilt.put("as " + date, nodes.textNode(date));
                }
            }
            if (TIME.matcher(text).matches()) {
                for (String time : List.of("24:00", "25:00", "15:60", "15:00:00", "15:00:00.5", "3pm", "1500", "15h00")) {
                    spoilt.put("as " + time, nodes.textNode(time));
                }
            }
            if (name.equals("amount")) {
                for (String amount : List.of("1e10", "1E+3", "999999999999999999999999999999.99", "1000000000000",
                        "12.505", "NaN", "Infinity", "-Infinity", "0x10", " 12.50", "12.50 ", "12,50", "", "-", ".",
                        "1_000", "+12.50", "١٢")) {
                    spoilt.put("as \"" + amount + "\"", nodes.textNode(amount));
                }
                spoilt.put("as a JSON number", nodes.numberNode(new java.math.BigDecimal("12.50")));
                spoilt.put("as a JSON number with an exponent", nodes.numberNode(new java.math.BigDecimal("1E+10")));
            }
            if (name.equals("currency")) {
                for (String currency : List.of("eur", "EURO", "E", "", "ZZZ", "EU1", "€")) {
                    spoilt.put("as \"" + currency + "\"", nodes.textNode(currency));
                }
            }
        } else if (value.isIntegralNumber()) {
            spoilt.put("as a string", nodes.textNode(value.asText()));
            spoilt.put("with a fraction", nodes.numberNode(new java.math.BigDecimal("1.5")));
            spoilt.put("in exponent notation", nodes.numberNode(new java.math.BigDecimal("1E+2")));
            spoilt.put("beyond 64 bits", nodes.numberNode(new java.math.BigInteger("99999999999999999999999")));
            spoilt.put("beyond 32 bits", nodes.numberNode(4_294_967_296L));
            spoilt.put("negative", nodes.numberNode(-2_147_483_649L));
            spoilt.put("as true", nodes.booleanNode(true));
        } else if (value.isNumber()) {
            spoilt.put("as a string", nodes.textNode(value.asText()));
            spoilt.put("of 1e400", nodes.numberNode(new java.math.BigDecimal("1E+400")));
        } else if (value.isBoolean()) {
            spoilt.put("as a string", nodes.textNode(value.asText()));
            spoilt.put("as 1", nodes.numberNode(1));
        } else if (value.isObject()) {
            spoilt.put("as an array", nodes.arrayNode().add(value.deepCopy()));
            spoilt.put("as a string", nodes.textNode(value.toString()));
            spoilt.put("as a number", nodes.numberNode(new java.math.BigDecimal("12.50")));
            if (value.has("amount") && value.has("currency")) {
                spoilt.put("without a currency", nodes.objectNode().set("amount", value.get("amount")));
                spoilt.put("with another field", ((ObjectNode) value.deepCopy()).put("fx", "1"));
            }
        } else if (value.isArray()) {
            spoilt.put("as an object", nodes.objectNode());
            spoilt.put("as a string", nodes.textNode("[]"));
        }
        if (name.equals("percent")) {
            spoilt.put("of 0", nodes.numberNode(0));
            spoilt.put("of 500", nodes.numberNode(500));
        }
        if (name.equals("adjustment_percent")) {
            spoilt.put("of -200", nodes.numberNode(-200));
        }
        return spoilt;
    }

    /** Calls {@code visit} with the JSON pointer and value of every scalar, object or array inside {@code node}. */
    private static void leaves(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (!pointer.isEmpty()) {
            visit.accept(pointer, node);
        }
        if (node.isObject()) {
            node.properties().forEach(field -> leaves(field.getValue(), pointer + "/" + field.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), pointer + "/" + i, visit);
            }
        }
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return ESCAPING.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code body} with {@code bad} bytes inside its first string value. */
    private static byte[] invalidUtf8(byte[] body, byte[] bad) {
        int quote = indexOf(body, (byte) ':');
        int at = quote < 0 ? 1 : indexOf(body, (byte) '"', quote) + 1;
        if (at <= 0) {
            at = 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bad);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b) {
        return indexOf(bytes, b, 0);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String resolve(String template) {
        Matcher names = Pattern.compile("\\$\\{([a-z_]+)(\\+([0-9]+))?}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (names.find()) {
            String value = names.group(3) != null
                    ? lisbon.day(Integer.parseInt(names.group(3)))
                    : made.get(names.group(1));
            if (value == null) {
                throw new IllegalArgumentException("nothing made for ${" + names.group(1) + "}");
            }
            names.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return names.appendTail(out).toString();
    }

    // ---- the database, table by table ----

    /** Every row of every table, as text, sorted: what a refused request must leave as it was. */
    static Map<String, List<String>> dump(TestDatabase database) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet found = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    String schema = found.getString("TABLE_SCHEM");
                    if (schema == null || !schema.toLowerCase(Locale.ROOT).matches("information_schema|pg_catalog")) {
                        names.add((schema == null ? "" : "\"" + schema + "\".") + "\"" + found.getString("TABLE_NAME") + "\"");
                    }
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("select * from " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(c == 1 ? "" : " | ").append(result.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        assertThat(tables).as("tables of the hotel").hasSizeGreaterThan(10);
        return tables;
    }

    private static String difference(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> changed = new ArrayList<>();
        for (String table : after.keySet()) {
            List<String> added = new ArrayList<>(after.get(table));
            added.removeAll(before.getOrDefault(table, List.of()));
            List<String> removed = new ArrayList<>(before.getOrDefault(table, List.of()));
            removed.removeAll(after.get(table));
            if (!added.isEmpty() || !removed.isEmpty()) {
                changed.add(table + ": added " + abbreviated(added.toString()) + ", removed " + abbreviated(removed.toString()));
            }
        }
        return String.join("; ", changed);
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
