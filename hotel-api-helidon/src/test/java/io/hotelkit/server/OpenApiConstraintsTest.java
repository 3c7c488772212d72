package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.server.AuthorizationMatrixTest.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The document is as tight as the server, and the server no tighter than the document: for each route with
 * a body, values at the edge of each field's rule (lengths, patterns, bounds, HH:MM times, e-mail and phone
 * shapes, currency codes, amounts), put one at a time into the route's well-formed request. The document
 * and the server must agree whether the value is allowed, and both must say what this test expects: a
 * request the document allows is never refused for its shape, and one it refuses is refused.
 */
@RoutingTest
class OpenApiConstraintsTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();
    private static final String EMAIL_254 = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
            + "d".repeat(57) + ".com";
    private static final String EMAIL_255 = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
            + "d".repeat(58) + ".com";

    /** A value put at {@code pointer} in {@code route}'s well-formed request, and whether it is allowed. */
    record Probe(Route route, String pointer, String json, boolean allowed) {

        @Override
        public String toString() {
            String shown = json.length() <= 40 ? json : json.substring(0, 37) + "...(" + json.length() + ")";
            return route + " " + pointer + " = " + shown + (allowed ? " is allowed" : " is refused");
        }
    }

    private static Probe ok(Route route, String pointer, String json) {
        return new Probe(route, pointer, json, true);
    }

    private static Probe bad(Route route, String pointer, String json) {
        return new Probe(route, pointer, json, false);
    }

    private static String text(String value) {
        return Json.text(value);
    }

    private static String x(int length) {
        return text("x".repeat(length));
    }

    private static String policy(String percent) {
        return "{\"free_until_days_before\": 1, \"penalty\": \"percent\", \"percent\": " + percent + "}";
    }

    private static String derived(String adjustment) {
        return "{\"rate_plan\": \"FLEX\", \"adjustment_percent\": " + adjustment + "}";
    }

    // @formatter:off
    static Stream<Probe> probes() {
        return Stream.of(
            ok(Route.CREATE_PROPERTY, "/check_in_time", text("23:59")),
            bad(Route.CREATE_PROPERTY, "/check_in_time", text("15:00:00")),
            bad(Route.CREATE_PROPERTY, "/check_in_time", text("24:00")),
            bad(Route.CREATE_PROPERTY, "/check_out_time", text("9:00")),
            ok(Route.CREATE_PROPERTY, "/currency", text("EUR")),
            bad(Route.CREATE_PROPERTY, "/currency", text("eur")),
            bad(Route.CREATE_PROPERTY, "/currency", text("EURO")),
            ok(Route.CREATE_PROPERTY, "/name", x(200)),
            bad(Route.CREATE_PROPERTY, "/name", x(201)),
            bad(Route.CREATE_PROPERTY, "/name", text("   ")),
            bad(Route.CREATE_PROPERTY, "/timezone", x(65)),
            bad(Route.CREATE_PROPERTY, "/code", text("A".repeat(33))),
            bad(Route.CREATE_PROPERTY, "/code", text("-A")),
            bad(Route.CREATE_PROPERTY, "/max_stay_nights", "731"),
            ok(Route.CREATE_PROPERTY, "/max_stay_nights", "730"),
            bad(Route.CREATE_ROOM_TYPE, "/max_adults", "101"),
            bad(Route.CREATE_ROOM_TYPE, "/max_adults", "0"),
            bad(Route.CREATE_ROOM_TYPE, "/max_children", "101"),
            bad(Route.CREATE_ROOM_TYPE, "/max_occupancy", "201"),
            bad(Route.CREATE_ROOM_TYPE, "/overbooking_limit", "10001"),
            ok(Route.CREATE_ROOM_TYPE, "/overbooking_limit", "10000"),
            bad(Route.CREATE_ROOM, "/room_type", x(33)),
            bad(Route.CREATE_ROOM, "/room_type", text(" ")),
            bad(Route.CREATE_ROOM, "/floor", x(17)),
            bad(Route.CREATE_ROOM, "/floor", text("")),
            ok(Route.CREATE_ROOM, "/floor", text("12")),
            ok(Route.TAKE_ROOM_OUT_OF_ORDER, "/reason", x(200)),
            bad(Route.TAKE_ROOM_OUT_OF_ORDER, "/reason", x(201)),
            bad(Route.TAKE_ROOM_OUT_OF_ORDER, "/reason", text(" ")),
            ok(Route.CREATE_RATE_PLAN, "/channel_price_tolerance_percent", "0"),
            ok(Route.CREATE_RATE_PLAN, "/channel_price_tolerance_percent", "99.99"),
            bad(Route.CREATE_RATE_PLAN, "/channel_price_tolerance_percent", "100"),
            bad(Route.CREATE_RATE_PLAN, "/channel_price_tolerance_percent", "-0.01"),
            ok(Route.CREATE_RESERVATION, "/external_ref", text("A:1-b.c_d")),
            ok(Route.CREATE_RESERVATION, "/external_ref", x(64)),
            bad(Route.CREATE_RESERVATION, "/external_ref", x(65)),
            bad(Route.CREATE_RESERVATION, "/external_ref", text("A/1")),
            bad(Route.CREATE_RESERVATION, "/external_ref", text("-A1")),
            ok(Route.CREATE_RESERVATION, "/source", x(32)),
            bad(Route.CREATE_RESERVATION, "/source", x(33)),
            bad(Route.CREATE_RESERVATION, "/source", text("booking com")),
            bad(Route.CREATE_RESERVATION, "/rooms", "[]"),
            bad(Route.CREATE_RESERVATION, "/rooms/0/adults", "0"),
            ok(Route.CREATE_RESERVATION, "/rooms/0/guest_name", text("A")),
            bad(Route.CREATE_RESERVATION, "/rooms/0/guest_name", text("   ")),
            bad(Route.CREATE_RESERVATION, "/rooms/0/guest_name", x(201)),
            bad(Route.CREATE_BOOKING, "/external_ref", text("a b")),
            bad(Route.CANCEL_BOOKING_BY_EXTERNAL_REF, "/room", "50"),
            ok(Route.CANCEL_BOOKING_BY_EXTERNAL_REF, "/room", "0"),
            bad(Route.CREATE_RATE_PLAN, "/cancellation_policy", policy("0")),
            ok(Route.CREATE_RATE_PLAN, "/cancellation_policy", policy("0.01")),
            ok(Route.CREATE_RATE_PLAN, "/cancellation_policy", policy("100")),
            bad(Route.CREATE_RATE_PLAN, "/cancellation_policy", policy("100.01")),
            bad(Route.CREATE_RATE_PLAN, "/cancellation_policy", policy("500")),
            bad(Route.CREATE_RATE_PLAN, "/cancellation_policy/free_until_days_before", "731"),
            bad(Route.CREATE_RATE_PLAN, "/derived_from", derived("-100")),
            bad(Route.CREATE_RATE_PLAN, "/derived_from", derived("-200")),
            ok(Route.CREATE_RATE_PLAN, "/derived_from", derived("-99.99")),
            ok(Route.CREATE_RATE_PLAN, "/derived_from", derived("1000")),
            bad(Route.CREATE_RATE_PLAN, "/derived_from", derived("1000.01")),
            bad(Route.CREATE_RATE_PLAN, "/derived_from", "{\"rate_plan\": " + x(33) + ", \"adjustment_percent\": -10}"),
            bad(Route.SET_PRICES, "/0/room_type", x(33)),
            bad(Route.SET_PRICES, "/0/min_stay", "0"),
            bad(Route.SET_PRICES, "/0/min_stay", "731"),
            ok(Route.SET_PRICES, "/0/min_stay", "730"),
            ok(Route.SET_PRICES, "/0/amount/amount", text("999999999999.99")),
            bad(Route.SET_PRICES, "/0/amount/amount", text("1000000000000.00")),
            bad(Route.SET_PRICES, "/0/amount/amount", text("1e10")),
            bad(Route.SET_PRICES, "/0/amount/currency", text("eur")),
            bad(Route.CREATE_BLOCK, "/rooms", "0"),
            bad(Route.CREATE_BLOCK, "/rooms", "10001"),
            bad(Route.CREATE_BLOCK, "/room_type", x(33)),
            bad(Route.CREATE_BLOCK, "/rate_plan", text(" ")),
            bad(Route.CREATE_BOOKING, "/guest_id", text("")),
            bad(Route.CREATE_BOOKING, "/guest_id", x(65)),
            bad(Route.CREATE_BOOKING, "/room_type", x(33)),
            bad(Route.CREATE_BOOKING, "/rate_plan", x(33)),
            bad(Route.CREATE_BOOKING, "/adults", "0"),
            bad(Route.CREATE_BOOKING, "/adults", "101"),
            bad(Route.CREATE_BOOKING, "/children", "101"),
            ok(Route.CREATE_BOOKING, "/guest/email", text(EMAIL_254)),
            bad(Route.CREATE_BOOKING, "/guest/email", text(EMAIL_255)),
            bad(Route.CREATE_BOOKING, "/guest/email", text("ana@example")),
            bad(Route.CREATE_BOOKING, "/guest/email", text("ana example.com")),
            ok(Route.CREATE_BOOKING, "/guest/phone", text("+351 912 345 678")),
            bad(Route.CREATE_BOOKING, "/guest/phone", text("12")),
            bad(Route.CREATE_BOOKING, "/guest/phone", text("call me")),
            bad(Route.CREATE_BOOKING, "/guest/phone", text("+" + "1".repeat(32))),
            bad(Route.CREATE_BOOKING, "/guest/name", text(" ")),
            bad(Route.CREATE_BOOKING, "/guest/name", x(201)),
            ok(Route.CREATE_BOOKING, "/special_requests", x(2000)),
            bad(Route.CREATE_BOOKING, "/special_requests", x(2001)),
            bad(Route.CREATE_BOOKING, "/card_token", x(256)),
            bad(Route.MODIFY_BOOKING, "/adults", "101"),
            bad(Route.MODIFY_BOOKING, "/room_type", x(33)),
            bad(Route.MODIFY_BOOKING, "/special_requests", x(2001)),
            bad(Route.ASSIGN_ROOM, "/room_number", text("")),
            bad(Route.ASSIGN_ROOM, "/room_number", text(" ")),
            bad(Route.ASSIGN_ROOM, "/room_number", x(33)),
            bad(Route.CHECK_IN, "/room_number", text("")),
            bad(Route.CHECK_IN, "/room_number", x(33)),
            ok(Route.CANCEL_BOOKING, "/reason", x(500)),
            bad(Route.CANCEL_BOOKING, "/reason", x(501)),
            ok(Route.REGISTER_GUEST, "/email", text(EMAIL_254)),
            bad(Route.REGISTER_GUEST, "/email", text(EMAIL_255)),
            bad(Route.REGISTER_GUEST, "/email", text("rui@localhost")),
            ok(Route.REGISTER_GUEST, "/phone", text("(21) 123-4567")),
            bad(Route.REGISTER_GUEST, "/phone", text("ext. 12")),
            ok(Route.REGISTER_GUEST, "/nationality", text("PT")),
            bad(Route.REGISTER_GUEST, "/nationality", text("pt")),
            bad(Route.REGISTER_GUEST, "/nationality", text("PRT")),
            bad(Route.REGISTER_GUEST, "/name", text(" ")),
            bad(Route.UPDATE_GUEST, "/email", text(EMAIL_255)),
            bad(Route.UPDATE_GUEST, "/email", text("no-at-sign")),
            ok(Route.UPDATE_GUEST, "/phone", text("+351 912 345 678")),
            bad(Route.UPDATE_GUEST, "/phone", text("12")),
            bad(Route.UPDATE_GUEST, "/name", text(" ")),
            bad(Route.UPDATE_GUEST, "/name", text("")),
            bad(Route.POST_CHARGE, "/description", text(" ")),
            bad(Route.POST_CHARGE, "/description", x(201)),
            bad(Route.POST_CHARGE, "/category", text("Minibar")),
            ok(Route.POST_CHARGE, "/amount/amount", text("999999999999.99")),
            bad(Route.POST_CHARGE, "/amount/amount", text("1000000000000.00")),
            bad(Route.POST_CHARGE, "/amount/amount", text("1e10")),
            bad(Route.POST_CHARGE, "/amount/currency", text("eur")),
            bad(Route.CREATE_PAYMENT, "/booking_id", text("")),
            bad(Route.CREATE_PAYMENT, "/booking_id", x(65)),
            bad(Route.CREATE_PAYMENT, "/card_token", x(256)),
            bad(Route.CREATE_PAYMENT, "/method", text("bitcoin")),
            bad(Route.REFUND_PAYMENT, "/amount/amount", text("1e10")),
            bad(Route.CREATE_API_KEY, "/name", text(" ")),
            bad(Route.CREATE_API_KEY, "/name", x(201)),
            bad(Route.CREATE_API_KEY, "/property_ids/0", text("")),
            bad(Route.CREATE_API_KEY, "/property_ids/0", x(65)));
    }
    // @formatter:on

    private static Lisbon lisbon;
    private static final AtomicInteger DAYS = new AtomicInteger();

    OpenApiConstraintsTest(DirectClient client) {
        super(client);
        synchronized (OpenApiConstraintsTest.class) {
            if (lisbon == null) {
                lisbon = Lisbon.setUp(api, fixture);
            }
        }
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void the_document_and_the_server_agree_on_what_a_field_allows(Probe probe) {
        Row row = AuthorizationMatrixTest.TABLE.stream().filter(r -> r.route() == probe.route()).findFirst().orElseThrow();
        String booking = row.path().contains("${booking}")
                ? lisbon.booking(lisbon.frontDesk, 60 + DAYS.getAndIncrement() % 25)
                : "(none)";
        String path = resolve(row.path(), booking);
        String template = "/v1" + probe.route().path();
        String method = probe.route().method().text();
        JsonNode body = Json.read(switch (probe.route()) {
            case CHECK_IN -> "{\"room_number\": \"101\"}";
            case CANCEL_BOOKING -> "{\"reason\": \"changed plans\"}";
            case CANCEL_BOOKING_BY_EXTERNAL_REF -> "{\"reason\": \"changed plans\"}";
            default -> resolve(row.body(), booking);
        }, JsonNode.class);
        assertThat(DOCUMENT.requestViolations(method, template, body)).as("the well-formed request").isEmpty();
        set(body, probe.pointer(), Json.read(probe.json(), JsonNode.class));

        List<String> documentSays = DOCUMENT.requestViolations(method, template, body);
        List<String> headers = new ArrayList<>();
        if (probe.route() == Route.MODIFY_BOOKING) {
            headers.addAll(List.of("If-Match", api.get(lisbon.path("/bookings/" + booking), lisbon.frontDesk)
                    .header("ETag").orElseThrow()));
        }
        var response = api.call(probe.route().method(), path, lisbon.admin, "application/json", Json.text(body),
                headers.toArray(String[]::new));

        String field = field(probe.pointer());
        boolean serverRefuses = response.status() == 400 && refusesField(response.json(), field);
        assertThat(documentSays.isEmpty()).as("the document allows it: %s", documentSays).isEqualTo(probe.allowed());
        assertThat(serverRefuses).as("the server refuses it: %s", response).isEqualTo(!probe.allowed());
    }

    /** Whether a 400 names {@code field}, or the field that holds it ({@code amount} for {@code amount.amount}), or one inside it. */
    private static boolean refusesField(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            String named = error.path("field").asText();
            if (named.equals(field) || field.startsWith(named + ".") || named.startsWith(field + ".")) {
                return true;
            }
        }
        String leaf = field.substring(field.lastIndexOf('.') + 1).replaceAll(".*]", "");
        return problem.path("errors").isEmpty() && problem.path("detail").asText().contains(leaf);
    }

    /** {@code /0/amount/amount} as the server names it: {@code [0].amount.amount}. */
    private static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.matches("[0-9]+")) {
                field.append('[').append(part).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(part);
            }
        }
        return field.toString();
    }

    private static void set(JsonNode root, String pointer, JsonNode value) {
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode container = parent.isEmpty() ? root : root.at(parent);
        if (container instanceof ObjectNode object) {
            object.set(last, value);
        } else if (container instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            throw new IllegalArgumentException("nothing at " + parent);
        }
    }

    private static String resolve(String template, String booking) {
        Matcher names = Pattern.compile("\\$\\{([a-z_]+)(\\+([0-9]+))?}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (names.find()) {
            String value = names.group(3) != null ? lisbon.day(Integer.parseInt(names.group(3))) : switch (names.group(1)) {
                case "p" -> lisbon.id;
                case "code" -> Lisbon.unique("K");
                case "booking" -> booking;
                case "room" -> lisbon.room();
                case "charged" -> lisbon.charged();
                case "payment" -> lisbon.payment();
                case "guest" -> lisbon.guest();
                case "source" -> "bdc";
                case "external_ref" -> lisbon.channelBooking(lisbon.frontDesk);
                default -> throw new IllegalArgumentException("nothing made for ${" + names.group(1) + "}");
            };
            names.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return names.appendTail(out).toString();
    }
}
