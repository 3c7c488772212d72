package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.Method;
import io.hotelkit.billing.CardNumbers;
import io.hotelkit.jpa.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PCI DSS 3.3 and 3.4 over the wire: {@value #MIN_FORMATS} or more ways of writing a card number, sent in
 * every free-text field of every body the server keeps and in every header it keeps, are each refused with
 * a 400 that names the field; the same field with an ordinary value is accepted, so the field is really
 * reached. Afterwards no table of the database and no line of the server's log holds any of the cards, in
 * the form it was written or as plain digits. A subclass names the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CardDataBattery {

    static final int MIN_FORMATS = 30;

    /** A card number as a client might write it, and the card's own digits. */
    record Format(String written, String card) {

        /** Whether an HTTP header can carry it as written: visible ASCII, spaces and tabs. */
        boolean fitsAHeader() {
            return written.chars().allMatch(c -> c == '\t' || (c >= ' ' && c < 127));
        }

        @Override
        public String toString() {
            return written.replace("\t", "\\t").replace("\n", "\\n");
        }
    }

    // @formatter:off
    static final List<Format> FORMATS = List.of(
        new Format("4111111111111111", "4111111111111111"),
        new Format("4111 1111 1111 1111", "4111111111111111"),
        new Format("4111-1111-1111-1111", "4111111111111111"),
        new Format("4111.1111.1111.1111", "4111111111111111"),
        new Format("4111  1111  1111  1111", "4111111111111111"),                     // double spaces
        new Format("4111\t1111\t1111\t1111", "4111111111111111"),                     // tabs
        new Format("4111/1111/1111/1111", "4111111111111111"),
        new Format("4111_1111_1111_1111", "4111111111111111"),
        new Format("4111\n1111\n1111\n1111", "4111111111111111"),
        new Format("4111 1111 1111 1111 12/29", "4111111111111111"),                  // card, then expiry
        new Format("4111111111111111 123", "4111111111111111"),                       // card, then security code
        new Format("5555555555554444", "5555555555554444"),
        new Format("5555 5555 5555 4444 exp 11/28 cvv 737", "5555555555554444"),
        new Format("378282246310005", "378282246310005"),                             // American Express, 15
        new Format("3782 822463 10005", "378282246310005"),
        new Format("371449635398431", "371449635398431"),
        new Format("6011111111111117", "6011111111111117"),                           // Discover
        new Format("6011 0009 9013 9424", "6011000990139424"),
        new Format("3566002020360505", "3566002020360505"),                           // JCB
        new Format("30569309025904", "30569309025904"),                               // Diners, 14
        new Format("2223003122003222", "2223003122003222"),                           // Mastercard 2-series
        new Format("4222222222222", "4222222222222"),                                 // Visa, 13
        new Format("6250941006528599", "6250941006528599"),                           // UnionPay
        new Format("6759649826438453", "6759649826438453"),                           // Maestro
        new Format("6799990100000000019", "6799990100000000019"),                     // 19 digits
        new Format("\uFF14\uFF10\uFF11\uFF12\uFF18\uFF18\uFF18\uFF18\uFF18\uFF18\uFF18\uFF18\uFF11\uFF18\uFF18\uFF11",
                "4012888888881881"),                                                   // full-width digits
        new Format("\u0665\u0662\u0660\u0660 \u0668\u0662\u0668\u0662 \u0668\u0662\u0668\u0662 \u0668\u0662\u0661\u0660",
                "5200828282828210"),                                                   // Arabic-Indic digits
        new Format("Card: 4012 8888 8888 1881, please charge on arrival", "4012888888881881"),
        new Format("5105,1051,0510,5100", "5105105105105100"),
        new Format("4000\u00A00566\u00A05566\u00A05556", "4000056655665556"),         // no-break spaces
        new Format("4000\u200B0566\u200B5566\u200B5556", "4000056655665556"),         // zero-width spaces
        new Format("98765 4242424242424242", "4242424242424242"),                     // digits before it
        new Format("4242 4242 4242 4242 - 03/30 - 123", "4242424242424242"),
        new Format("4 2 4 2 4 2 4 2 4 2 4 2 4 2 4 2", "4242424242424242"),
        new Format("order#5425233430109903", "5425233430109903"),
        new Format("+4917 6100 0000 0000", "4917610000000000"),                      // a + before 16 digits
        new Format("3530-1113-3330-0000", "3530111333300000"),
        new Format("36227206271667", "36227206271667"));
    // @formatter:on

    /** One field the server keeps: how to send a text in it, and an ordinary text it accepts there. */
    record Field(String name, String errorField, Function<String, Request> request, Supplier<String> ordinary,
                 boolean header) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** One request; {@code headers} are name, value, name, value... */
    record Request(Method method, String path, String key, String body, String... headers) {}

    private LiveServer server;
    private Api api;
    private Lisbon lisbon;
    private CapturedLog log;
    private final AtomicInteger tried = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> triedFields = new ArrayList<>();

    /** A fixture on the database under test. */
    abstract Fixture fixture();

    @BeforeAll
    void start() {
        server = LiveServer.start(fixture());
        api = server.api();
        lisbon = Lisbon.setUp(api, server.fixture());
        // once the server has started: starting configures logging afresh, which removes earlier handlers
        log = new CapturedLog();
    }

    @AfterAll
    void stop() throws Exception {
        try (CapturedLog closed = log) {
            server.close();
        }
    }

    Stream<Arguments> fields() {
        return fieldList().stream().map(field -> Arguments.of(field.name(), field));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void every_card_format_in_the_field_is_refused_naming_it(String name, Field field) {
        var ordinary = send(field.request().apply(field.ordinary().get()));
        assertThat(ordinary.status()).as("%s with an ordinary value: %s", name, ordinary).isBetween(200, 299);
        List<String> failures = new ArrayList<>();
        for (Format format : FORMATS) {
            if (field.header() && !format.fitsAHeader()) {
                continue;
            }
            tried.incrementAndGet();
            var response = send(field.request().apply(format.written()));
            if (response.status() == 400 && response.problem().equals("card-data-refused")
                    && response.json().path("errors").path(0).path("field").asText().equals(field.errorField())) {
                refused.incrementAndGet();
            } else {
                failures.add(format + " -> " + response);
            }
        }
        synchronized (triedFields) {
            triedFields.add(name);
        }
        assertThat(failures).as("card formats %s accepted or refused for something else", name).isEmpty();
    }

    @Order(2)
    @Test
    void no_table_and_no_log_line_holds_a_card_number() {
        assertThat(triedFields).as("the battery ran first").hasSameSizeAs(fieldList());
        TestDatabase database = server.fixture().database().orElseThrow();
        TableDump dump = TableDump.of(database);
        String logText = log.text();
        List<String> found = new ArrayList<>();
        for (TableDump.Cell cell : dump.cells()) {
            for (Format format : FORMATS) {
                if (cell.value().contains(format.written()) || cell.value().contains(format.card())) {
                    found.add(cell + " holds " + format);
                }
            }
            if (cell.text() && CardNumbers.containsCardNumber(cell.value())) {
                found.add(cell + " holds a card number");
            }
        }
        for (Format format : FORMATS) {
            if (logText.contains(format.written()) || logText.contains(format.card())) {
                found.add("the log holds " + format);
            }
        }
        assertThat(found).isEmpty();
        assertThat(dump.cells()).as("the dump read the rows the battery's ordinary values made").hasSizeGreaterThan(100);
        assertThat(FORMATS).hasSizeGreaterThanOrEqualTo(MIN_FORMATS);
        System.out.printf("card data battery on %s: %d formats (%d fit a header), %d fields (%d headers), %d requests,"
                + " %d refused naming the field; %d tables, %d values read back, none holding a card; %d log lines,"
                + " none holding one%n", getClass().getSimpleName(), FORMATS.size(),
                FORMATS.stream().filter(Format::fitsAHeader).count(), fieldList().size(),
                fieldList().stream().filter(Field::header).count(), tried.get(), refused.get(), dump.tables().size(),
                dump.cells().size(), logText.lines().count());
        assertThat(refused.get()).isEqualTo(tried.get());
    }

    private Api.Response send(Request request) {
        return api.call(request.method(), request.path(), request.key(), request.body() == null ? null : "application/json",
                request.body(), request.headers());
    }

    private static String quoted(String text) {
        return Json.text(text);
    }

    private final AtomicInteger made = new AtomicInteger();

    /** A value no other request of the battery used: {@code prefix} and a number. */
    private String fresh(String prefix) {
        return prefix + made.incrementAndGet();
    }

    private List<Field> fields;

    /** Every free-text field of every body the server keeps, and the headers it keeps. */
    private List<Field> fieldList() {
        if (fields != null) {
            return fields;
        }
        String admin = lisbon.admin;
        String manager = lisbon.manager;
        String desk = lisbon.frontDesk;
        String p = lisbon.path("");
        Function<String, String> booking = guestName -> bookingBody(guestName, fresh("g") + "@example.com", null, null,
                null);
        // What a field's requests act on: made for its first request, the ordinary one; the card formats after it
        // are refused before they reach it.
        Supplier<String> changed = once(() -> lisbon.booking(desk, nextNight()));
        Supplier<String> cancelled = once(() -> lisbon.booking(desk, nextNight()));
        Supplier<String> assigned = once(() -> lisbon.booking(desk, 61 + made.incrementAndGet() % 25));
        Supplier<String> charged = once(() -> lisbon.booking(desk, nextNight()));
        Supplier<String> chargedByKey = once(() -> lisbon.booking(desk, nextNight()));
        Supplier<String> paid = once(lisbon::charged);
        Supplier<String> paidByKey = once(lisbon::charged);
        Supplier<String> outOfOrder = once(lisbon::room);
        Supplier<String> guest = once(lisbon::guest);
        fields = new ArrayList<>(List.of(
            body("api key: name", "name", text -> new Request(Method.POST, "/v1/api-keys", admin,
                    "{\"name\": %s, \"role\": \"auditor\", \"property_ids\": [\"%s\"]}".formatted(quoted(text), lisbon.id)),
                    () -> "desk"),
            body("property: code", "code", text -> new Request(Method.POST, "/v1/properties", admin,
                    property(text, "Porto")),
                    () -> fresh("OPO")),
            body("property: name", "name", text -> new Request(Method.POST, "/v1/properties", admin,
                    property(fresh("P"), text)),
                    () -> "Porto Riverside"),
            body("room type: code", "code", text -> new Request(Method.POST, p + "/room-types", manager,
                    "{\"code\": %s, \"name\": \"Twin\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}"
                            .formatted(quoted(text))), () -> fresh("TW")),
            body("room type: name", "name", text -> new Request(Method.POST, p + "/room-types", manager,
                    "{\"code\": %s, \"name\": %s, \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}"
                            .formatted(quoted(fresh("TW")), quoted(text))), () -> "Twin"),
            body("room: number", "number", text -> new Request(Method.POST, p + "/rooms", manager,
                    "{\"number\": %s, \"room_type\": \"DBL\"}".formatted(quoted(text))), () -> fresh("R")),
            body("room: floor", "floor", text -> new Request(Method.POST, p + "/rooms", manager,
                    "{\"number\": %s, \"room_type\": \"DBL\", \"floor\": %s}".formatted(quoted(fresh("R")), quoted(text))),
                    () -> "3"),
            body("out of order: reason", "reason", text -> new Request(Method.POST,
                    p + "/rooms/" + outOfOrder.get() + "/out-of-order", manager,
                    "{\"from\": \"%s\", \"to\": \"%s\", \"reason\": %s}".formatted(lisbon.day(30), lisbon.day(31), quoted(text))),
                    () -> "paint"),
            body("rate plan: code", "code", text -> new Request(Method.POST, p + "/rate-plans", manager,
                    ratePlan(text, "Promo")), () -> fresh("PR")),
            body("rate plan: name", "name", text -> new Request(Method.POST, p + "/rate-plans", manager,
                    ratePlan(fresh("PR"), text)), () -> "Promo"),
            body("prices: room_type", "[0].room_type", text -> new Request(Method.PUT, p + "/rate-plans/FLEX/prices", manager,
                    "[{\"room_type\": %s, \"from\": \"%s\", \"to\": \"%s\", \"amount\": {\"amount\": \"85.00\", \"currency\": \"EUR\"}}]"
                            .formatted(quoted(text), lisbon.day(50), lisbon.day(51))), () -> "SGL"),
            body("block: code", "code", text -> new Request(Method.POST, p + "/blocks", manager, block(text, "Group")),
                    () -> fresh("B")),
            body("block: name", "name", text -> new Request(Method.POST, p + "/blocks", manager, block(fresh("B"), text)),
                    () -> "Group"),
            body("booking: guest.name", "guest.name", text -> new Request(Method.POST, p + "/bookings", desk,
                    booking.apply(text)), () -> "Ana Silva"),
            body("booking: guest.email", "guest.email", text -> new Request(Method.POST, p + "/bookings", desk,
                    bookingBody("Ana Silva", text, null, null, null)), () -> fresh("ana") + "@example.com"),
            body("booking: guest.phone", "guest.phone", text -> new Request(Method.POST, p + "/bookings", desk,
                    bookingBody("Ana Silva", fresh("g") + "@example.com", text, null, null)), () -> "+351 912 345 678"),
            body("booking: special_requests", "special_requests", text -> new Request(Method.POST, p + "/bookings", desk,
                    bookingBody("Ana Silva", fresh("g") + "@example.com", null, text, null)), () -> "a quiet room"),
            body("booking: card_token", "card_token", text -> new Request(Method.POST, p + "/bookings", desk,
                    bookingBody("Ana Silva", fresh("g") + "@example.com", null, null, text)), () -> "tok_visa"),
            body("booking change: special_requests", "special_requests", text -> {
                String id = changed.get();
                return new Request(Method.PATCH, p + "/bookings/" + id, desk,
                        "{\"special_requests\": %s}".formatted(quoted(text)), "If-Match",
                        api.get(p + "/bookings/" + id, desk).json().path("version").asText());
            }, () -> "late arrival"),
            body("cancellation: reason", "reason", text -> new Request(Method.POST,
                    p + "/bookings/" + cancelled.get() + "/cancel", desk,
                    "{\"reason\": %s}".formatted(quoted(text))), () -> "plans changed"),
            body("room assignment: room_number", "room_number", text -> new Request(Method.POST,
                    p + "/bookings/" + assigned.get() + "/assign-room", desk,
                    "{\"room_number\": %s}".formatted(quoted(text))), () -> "103"),
            body("guest: name", "name", text -> new Request(Method.POST, "/v1/guests", desk,
                    guest(text, fresh("r") + "@example.com", null, "{}")), () -> "Rita Sousa"),
            body("guest: email", "email", text -> new Request(Method.POST, "/v1/guests", desk,
                    guest("Rita Sousa", text, null, "{}")), () -> fresh("rita") + "@example.com"),
            body("guest: phone", "phone", text -> new Request(Method.POST, "/v1/guests", desk,
                    guest("Rita Sousa", fresh("r") + "@example.com", text, "{}")), () -> "+351 912 000 000"),
            body("guest: preferences value", "preferences.note", text -> new Request(Method.POST, "/v1/guests", desk,
                    guest("Rita Sousa", fresh("r") + "@example.com", null, "{\"note\": %s}".formatted(quoted(text)))),
                    () -> "feather-free pillows"),
            body("guest: preferences, nested", "preferences.room.wishes[1]", text -> new Request(Method.POST, "/v1/guests",
                    desk, guest("Rita Sousa", fresh("r") + "@example.com", null,
                            "{\"room\": {\"wishes\": [\"high floor\", %s]}}".formatted(quoted(text)))), () -> "quiet"),
            body("guest: preferences, field name", "preferences.(a field name)", text -> new Request(Method.POST,
                    "/v1/guests", desk, guest("Rita Sousa", fresh("r") + "@example.com", null,
                            "{%s: true}".formatted(quoted(text)))), () -> "vegetarian"),
            body("guest change: name", "name", text -> new Request(Method.PATCH, "/v1/guests/" + guest.get(), desk,
                    "{\"name\": %s}".formatted(quoted(text))), () -> "Rita S. Sousa"),
            body("guest change: phone", "phone", text -> new Request(Method.PATCH, "/v1/guests/" + guest.get(), desk,
                    "{\"phone\": %s}".formatted(quoted(text))), () -> "+351 913 000 000"),
            body("guest change: preferences", "preferences.note", text -> new Request(Method.PATCH,
                    "/v1/guests/" + guest.get(), desk, "{\"preferences\": {\"note\": %s}}".formatted(quoted(text))),
                    () -> "allergic to feathers"),
            body("charge: description", "description", text -> new Request(Method.POST,
                    p + "/bookings/" + charged.get() + "/charges", desk,
                    "{\"description\": %s, \"amount\": {\"amount\": \"8.50\", \"currency\": \"EUR\"}, \"category\": \"minibar\"}"
                            .formatted(quoted(text))), () -> "Minibar"),
            body("payment: card_token", "card_token", text -> new Request(Method.POST, p + "/payments", desk,
                    "{\"booking_id\": \"%s\", \"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"method\": \"card\", \"card_token\": %s}"
                            .formatted(paid.get(), quoted(text))), () -> "tok_visa"),
            header("Idempotency-Key of a booking", key -> new Request(Method.POST, p + "/bookings", desk,
                    booking.apply("Ana Silva"), "Idempotency-Key", key)),
            header("Idempotency-Key of a guest", key -> new Request(Method.POST, "/v1/guests", desk,
                    guest("Rita Sousa", fresh("r") + "@example.com", null, "{}"), "Idempotency-Key", key)),
            header("Idempotency-Key of a charge", key -> new Request(Method.POST,
                    p + "/bookings/" + chargedByKey.get() + "/charges", desk,
                    "{\"description\": \"Spa\", \"amount\": {\"amount\": \"30.00\", \"currency\": \"EUR\"}, \"category\": \"spa\"}",
                    "Idempotency-Key", key)),
            header("Idempotency-Key of a payment", key -> new Request(Method.POST, p + "/payments", desk,
                    "{\"booking_id\": \"%s\", \"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"method\": \"cash\"}"
                            .formatted(paidByKey.get()), "Idempotency-Key", key))));
        return fields;
    }

    private int nextNight() {
        return made.incrementAndGet() % 60;
    }

    /** {@code make}, called once, its value remembered. */
    private static Supplier<String> once(Supplier<String> make) {
        String[] made = new String[1];
        return () -> {
            if (made[0] == null) {
                made[0] = make.get();
            }
            return made[0];
        };
    }

    private Field body(String name, String errorField, Function<String, Request> request, Supplier<String> ordinary) {
        return new Field(name, errorField, request, ordinary, false);
    }

    private Field header(String name, Function<String, Request> request) {
        return new Field(name, "Idempotency-Key", request, () -> fresh("key-"), true);
    }

    private String bookingBody(String name, String email, String phone, String specialRequests, String cardToken) {
        int night = nextNight();
        return "{\"guest\": {\"name\": %s, \"email\": %s%s}, \"room_type\": \"DBL\", \"rate_plan\": \"FLEX\", \"checkin_date\": \"%s\","
                .formatted(quoted(name), quoted(email), phone == null ? "" : ", \"phone\": " + quoted(phone), lisbon.day(night))
                + " \"checkout_date\": \"%s\", \"adults\": 1%s%s}".formatted(lisbon.day(night + 1),
                specialRequests == null ? "" : ", \"special_requests\": " + quoted(specialRequests),
                cardToken == null ? "" : ", \"card_token\": " + quoted(cardToken));
    }

    private static String guest(String name, String email, String phone, String preferences) {
        return "{\"name\": %s, \"email\": %s%s, \"preferences\": %s}".formatted(quoted(name), quoted(email),
                phone == null ? "" : ", \"phone\": " + quoted(phone), preferences);
    }

    private static String property(String code, String name) {
        return """
                {"code": %s, "name": %s, "timezone": "Europe/Lisbon", "currency": "EUR",
                 "check_in_time": "15:00", "check_out_time": "11:00"}""".formatted(quoted(code), quoted(name));
    }

    private static String ratePlan(String code, String name) {
        return "{\"code\": %s, \"name\": %s, \"cancellation_policy\": {\"free_until_days_before\": 1, \"penalty\": \"none\"}}"
                .formatted(quoted(code), quoted(name));
    }

    private String block(String code, String name) {
        return """
                {"code": %s, "name": %s, "room_type": "DBL", "rate_plan": "FLEX", "from": "%s", "to": "%s",
                 "rooms": 1, "release_date": "%s", "status": "tentative"}""".formatted(quoted(code), quoted(name),
                lisbon.day(40), lisbon.day(41), lisbon.day(35));
    }
}
