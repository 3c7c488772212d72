package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.access.Role;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code /v1} route, called by every role, without a key, with an unknown and a revoked key, and
 * with a key of another property: each gets exactly what API.md says. The roles of each row are written
 * here from API.md's Security section and resource headings (and, where it is silent, the decisions in
 * openapi.yaml), not read from the server's {@link Route} table, so that the two check each other.
 *
 * <p>Each request is well-formed, so that a role that may call the route gets past authorization to
 * the route's success status; a route that changes something runs on a property of its own. Hence the
 * one exception: the event stream, which never ends, is asked to resume after an id it never gave, so
 * that an admitted role gets the 400 of that (after authorization) instead of a stream.
 */
@RoutingTest
class AuthorizationMatrixTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();

    /** Who calls: a role's key scoped to the property, or a caller every route refuses. */
    enum Who {
        ADMIN, MANAGER, FRONT_DESK, HOUSEKEEPING, CHANNEL, AUDITOR,
        /** No Authorization header. */
        NO_KEY,
        /** A key the server never made. */
        UNKNOWN_KEY,
        /** A revoked key of a role the route admits. */
        REVOKED_KEY,
        /** A key of a role the route admits, scoped to another property. */
        OTHER_PROPERTY
    }

    /**
     * One route: who may call it (admin always may), the status it answers them, and a well-formed request.
     * {@code ${name}} in the path, body and headers is something new made for the call ({@link #resolve}).
     */
    record Row(Route route, String roles, int success, String path, String body, String... headers) {

        Set<Role> admitted() {
            EnumSet<Role> admitted = EnumSet.of(Role.ADMIN);
            Arrays.stream(roles.split(" ")).filter(r -> !r.isEmpty())
                    .forEach(r -> admitted.add(Role.valueOf(r.toUpperCase(Locale.ROOT))));
            return admitted;
        }

        boolean propertyScoped() {
            return path.startsWith("/v1/properties/${p}");
        }
    }

    private static final String P = "/v1/properties/${p}";
    private static final String ALL = "manager front_desk housekeeping channel auditor";
    private static final String COMPANY = "{\"kind\": \"company\", \"name\": \"Acme Lda\", \"address\": {\"line1\": \"Rua Augusta 1\", \"postal_code\": \"1100-048\", \"city\": \"Lisboa\", \"country\": \"PT\"}, \"credit_limit\": {\"amount\": \"5000.00\", \"currency\": \"EUR\"}}";

    // @formatter:off
    static final List<Row> TABLE = List.of(
        // Ping: every key.
        new Row(Route.PING,                   ALL,                                      200, "/v1/ping", null),
        // The calling key: every key.
        new Row(Route.CURRENT_API_KEY,        ALL,                                      200, "/v1/api-key", null),
        // API keys: admin only.
        new Row(Route.LIST_API_KEYS,          "",                                       200, "/v1/api-keys", null),
        new Row(Route.CREATE_API_KEY,         "",                                       201, "/v1/api-keys",
                "{\"name\": \"new\", \"role\": \"auditor\", \"property_ids\": [\"${p}\"]}"),
        new Row(Route.REVOKE_API_KEY,         "",                                       200, "/v1/api-keys/${api_key}", null),
        // Properties: admin opens them; every role reads those in its scope (openapi.yaml).
        new Row(Route.CREATE_PROPERTY,        "",                                       201, "/v1/properties",
                "{\"code\": \"${code}\", \"name\": \"Porto\", \"timezone\": \"Europe/Lisbon\", \"currency\": \"EUR\","
                + " \"check_in_time\": \"15:00\", \"check_out_time\": \"11:00\"}"),
        new Row(Route.LIST_PROPERTIES,        ALL,                                      200, "/v1/properties", null),
        new Row(Route.GET_PROPERTY,           ALL,                                      200, P, null),
        // Set-up: managers; front desk reads what it sells, housekeeping the rooms (openapi.yaml); auditors read.
        new Row(Route.CREATE_ROOM_TYPE,       "manager",                                201, P + "/room-types",
                "{\"code\": \"${code}\", \"name\": \"Twin\", \"max_adults\": 2, \"max_children\": 0, \"max_occupancy\": 2}"),
        new Row(Route.LIST_ROOM_TYPES,        "manager front_desk auditor",             200, P + "/room-types", null),
        new Row(Route.GET_ROOM_TYPE,          "manager front_desk auditor",             200, P + "/room-types/DBL", null),
        new Row(Route.CREATE_ROOM,            "manager",                                201, P + "/rooms",
                "{\"number\": \"${code}\", \"room_type\": \"DBL\"}"),
        new Row(Route.LIST_ROOMS,             "manager front_desk housekeeping auditor", 200, P + "/rooms", null),
        new Row(Route.GET_ROOM,               "manager front_desk housekeeping auditor", 200, P + "/rooms/101", null),
        new Row(Route.UPDATE_ROOM,            "manager housekeeping",                   200, P + "/rooms/101",
                "{\"housekeeping_status\": \"inspected\"}"),
        new Row(Route.TAKE_ROOM_OUT_OF_ORDER, "manager",                                201, P + "/rooms/${room}/out-of-order",
                "{\"from\": \"${day+30}\", \"to\": \"${day+31}\", \"reason\": \"paint\"}"),
        new Row(Route.END_ROOM_OUT_OF_ORDER,  "manager",                                200,
                P + "/rooms/${out_of_order_room}/out-of-order?from=${day+30}", null),
        new Row(Route.CREATE_RATE_PLAN,       "manager",                                201, P + "/rate-plans",
                "{\"code\": \"${code}\", \"name\": \"Promo\","
                + " \"cancellation_policy\": {\"free_until_days_before\": 1, \"penalty\": \"none\"}}"),
        new Row(Route.LIST_RATE_PLANS,        "manager front_desk auditor",             200, P + "/rate-plans", null),
        new Row(Route.GET_RATE_PLAN,          "manager front_desk auditor",             200, P + "/rate-plans/FLEX", null),
        new Row(Route.SET_PRICES,             "manager",                                204, P + "/rate-plans/FLEX/prices",
                "[{\"room_type\": \"SGL\", \"from\": \"${day+50}\", \"to\": \"${day+51}\","
                + " \"amount\": {\"amount\": \"85.00\", \"currency\": \"EUR\"}}]"),
        new Row(Route.GET_PRICES,             "manager front_desk auditor",             200,
                P + "/rate-plans/FLEX/prices?room_type=DBL&from=${day+0}&to=${day+7}", null),
        new Row(Route.CREATE_BLOCK,           "manager",                                201, P + "/blocks",
                "{\"code\": \"${code}\", \"name\": \"Group\", \"room_type\": \"DBL\", \"rate_plan\": \"FLEX\","
                + " \"from\": \"${day+40}\", \"to\": \"${day+41}\", \"rooms\": 1, \"release_date\": \"${day+35}\","
                + " \"status\": \"tentative\"}"),
        new Row(Route.LIST_BLOCKS,            "manager front_desk auditor",             200, P + "/blocks", null),
        new Row(Route.GET_BLOCK,              "manager front_desk auditor",             200, P + "/blocks/${block}", null),
        new Row(Route.CANCEL_BLOCK,           "manager",                                200, P + "/blocks/${block}/cancel", null),
        // Availability: channels, front desk, managers; auditors read.
        new Row(Route.SEARCH_AVAILABILITY,    "channel front_desk manager auditor",     200,
                P + "/availability?checkin_date=${day+0}&checkout_date=${day+1}&adults=2", null),
        // The ARI feed: channels and managers.
        new Row(Route.GET_ARI,                "channel manager",                        200,
                P + "/ari?from=${day+0}&to=${day+7}", null),
        // Bookings: front desk; channels create, read and cancel their own; managers read and assign; auditors read.
        new Row(Route.CREATE_BOOKING,         "front_desk channel",                     201, P + "/bookings",
                "{\"guest\": {\"name\": \"Ana Silva\", \"email\": \"${code}@example.com\"}, \"room_type\": \"DBL\","
                + " \"rate_plan\": \"FLEX\", \"checkin_date\": \"${day+0}\", \"checkout_date\": \"${day+1}\", \"adults\": 2}"),
        new Row(Route.LIST_BOOKINGS,          "front_desk channel manager auditor",     200, P + "/bookings", null),
        new Row(Route.GET_BOOKING,            "front_desk channel manager auditor",     200, P + "/bookings/${booking}", null),
        new Row(Route.MODIFY_BOOKING,         "front_desk",                             200, P + "/bookings/${booking}",
                "{\"special_requests\": \"a quiet room\"}", "If-Match", "${version}"),
        new Row(Route.ASSIGN_ROOM,            "front_desk manager",                     200, P + "/bookings/${booking}/assign-room",
                "{\"room_number\": \"102\"}"),
        new Row(Route.CANCEL_BOOKING,         "front_desk channel",                     200, P + "/bookings/${booking}/cancel", null),
        new Row(Route.CHECK_IN,               "front_desk",                             200, P + "/bookings/${booking}/check-in", null),
        new Row(Route.CHECK_OUT,              "front_desk",                             200, P + "/bookings/${settled}/check-out", null),
        new Row(Route.MARK_NO_SHOW,           "front_desk",                             200, P + "/bookings/${booking}/no-show", null),
        // Reservations and channel bookings by reference: front desk; channels their own; managers and auditors read.
        new Row(Route.CREATE_RESERVATION,     "front_desk channel",                     201, P + "/reservations",
                "{\"guest\": {\"name\": \"Ana Silva\", \"email\": \"${code}@example.com\"}, \"rate_plan\": \"FLEX\","
                + " \"checkin_date\": \"${day+2}\", \"checkout_date\": \"${day+3}\", \"source\": \"bdc\","
                + " \"external_ref\": \"${code}\", \"rooms\": [{\"room_type\": \"DBL\", \"adults\": 2, \"guest_name\": \"Ana Silva\"},"
                + " {\"room_type\": \"SGL\", \"adults\": 1, \"room_price\": {\"amount\": \"80.00\", \"currency\": \"EUR\"}}]}"),
        new Row(Route.GET_RESERVATION,        "front_desk channel manager auditor",     200, P + "/reservations/${reservation}", null),
        new Row(Route.CANCEL_RESERVATION,     "front_desk channel",                     200, P + "/reservations/${reservation}/cancel",
                null),
        new Row(Route.GET_BOOKING_BY_EXTERNAL_REF, "front_desk channel manager auditor", 200,
                P + "/bookings/by-external-ref/${source}/${external_ref}", null),
        new Row(Route.MODIFY_BOOKING_BY_EXTERNAL_REF, "front_desk channel",             200,
                P + "/bookings/by-external-ref/${source}/${external_ref}", "{\"special_requests\": \"late arrival\"}"),
        new Row(Route.CANCEL_BOOKING_BY_EXTERNAL_REF, "front_desk channel",             200,
                P + "/bookings/by-external-ref/${source}/${external_ref}/cancel", null),
        // Guests: front desk; managers read; auditors read.
        new Row(Route.REGISTER_GUEST,         "front_desk",                             201, "/v1/guests",
                "{\"name\": \"Rui Costa\", \"email\": \"${code}@example.com\"}"),
        new Row(Route.SEARCH_GUESTS,          "front_desk manager auditor",             200, "/v1/guests?name=Rita", null),
        new Row(Route.GET_GUEST,              "front_desk manager auditor",             200, "/v1/guests/${guest}", null),
        new Row(Route.UPDATE_GUEST,           "front_desk",                             200, "/v1/guests/${guest}",
                "{\"nationality\": \"PT\"}"),
        new Row(Route.ERASE_GUEST,            "front_desk",                             200, "/v1/guests/${guest}", null),
        new Row(Route.EXPORT_GUEST,           "front_desk manager auditor",             200, "/v1/guests/${guest}/export", null),
        new Row(Route.GET_LOYALTY,            "front_desk manager auditor",             200, "/v1/guests/${guest}/loyalty", null),
        // Billing and payments: front desk; auditors read.
        new Row(Route.GET_FOLIO,              "front_desk auditor",                     200, P + "/bookings/${booking}/folio", null),
        new Row(Route.POST_CHARGE,            "front_desk",                             201, P + "/bookings/${booking}/charges",
                "{\"description\": \"Spa\", \"amount\": {\"amount\": \"30.00\", \"currency\": \"EUR\"}, \"category\": \"spa\"}"),
        new Row(Route.ISSUE_INVOICE,          "front_desk",                             201, P + "/bookings/${charged}/invoices", null),
        new Row(Route.CREATE_PAYMENT,         "front_desk",                             201, P + "/payments",
                "{\"booking_id\": \"${charged}\", \"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"},"
                + " \"method\": \"card\", \"card_token\": \"tok_visa\"}"),
        new Row(Route.GET_PAYMENT,            "front_desk auditor",                     200, P + "/payments/${payment}", null),
        new Row(Route.REFUND_PAYMENT,         "front_desk",                             201, P + "/payments/${payment}/refunds",
                "{\"amount\": {\"amount\": \"4.00\", \"currency\": \"EUR\"}}"),
        new Row(Route.LIST_INVOICES,          "front_desk auditor",                     200, P + "/invoices", null),
        new Row(Route.GET_INVOICE,            "front_desk auditor",                     200, P + "/invoices/${invoice}", null),
        new Row(Route.ISSUE_CREDIT_NOTE,      "front_desk manager",                     201, P + "/invoices/${invoice}/credit-notes", null),
        // Folio windows: front desk; front desk and managers void on the business date; managers post allowances.
        new Row(Route.LIST_FOLIOS,            "front_desk auditor",                     200, P + "/bookings/${booking}/folios", null),
        new Row(Route.OPEN_FOLIO,             "front_desk",                             201, P + "/bookings/${booking}/folios",
                "{\"payer_kind\": \"person\", \"name\": \"Rui Costa\"}"),
        new Row(Route.GET_FOLIO_WINDOW,       "front_desk auditor",                     200, P + "/bookings/${booking}/folios/${one}", null),
        new Row(Route.SET_FOLIO_ROUTING,      "front_desk",                             200, P + "/bookings/${windowed}/folios/${two}/routing",
                "{\"routes\": [\"room\", \"extra:minibar\"]}"),
        new Row(Route.MOVE_FOLIO_LINE,        "front_desk",                             201,
                P + "/bookings/${charged}/folios/${one}/lines/${line}/move", "{\"booking_id\": \"${booking}\", \"window\": 1}"),
        new Row(Route.VOID_FOLIO_LINE,        "front_desk manager",                     201,
                P + "/bookings/${charged}/folios/${one}/lines/${line}/void", "{\"reason\": \"posted to the wrong room\"}"),
        new Row(Route.POST_ALLOWANCE,         "manager",                                201,
                P + "/bookings/${charged}/folios/${one}/lines/${line}/allowances",
                "{\"amount\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}, \"reason\": \"goodwill\"}"),
        // Companies billed on account: managers; front desk reads and records payments on account; auditors read.
        new Row(Route.CREATE_COMPANY,         "manager",                                201, P + "/companies", COMPANY),
        new Row(Route.LIST_COMPANIES,         "manager front_desk auditor",             200, P + "/companies", null),
        new Row(Route.GET_COMPANY,            "manager front_desk auditor",             200, P + "/companies/${company}", null),
        new Row(Route.UPDATE_COMPANY,         "manager",                                200, P + "/companies/${company}", COMPANY),
        new Row(Route.DELETE_COMPANY,         "manager",                                204, P + "/companies/${company}", null),
        new Row(Route.RECORD_COMPANY_PAYMENT, "front_desk manager",                     201, P + "/companies/${company}/payments",
                "{\"amount\": {\"amount\": \"50.00\", \"currency\": \"EUR\"}, \"method\": \"bank_transfer\"}"),
        new Row(Route.AGEING_REPORT,          "manager auditor",                        200, P + "/reports/ageing", null),
        // Operations: managers; auditors read.
        new Row(Route.GET_BUSINESS_DATE,      "manager auditor",                        200, P + "/business-date", null),
        new Row(Route.RUN_NIGHT_AUDIT,        "manager",                                200, P + "/night-audit", null),
        new Row(Route.OCCUPANCY_REPORT,       "manager auditor",                        200,
                P + "/reports/occupancy?from=${day+0}&to=${day+7}", null),
        new Row(Route.ARRIVALS_REPORT,        "manager housekeeping auditor",           200, P + "/reports/arrivals?date=${day+0}", null),
        new Row(Route.DEPARTURES_REPORT,      "manager auditor",                        200, P + "/reports/departures?date=${day+1}", null),
        new Row(Route.IN_HOUSE_REPORT,        "manager auditor",                        200, P + "/reports/in-house?date=${day+0}", null),
        new Row(Route.FINANCE_REPORT,         "manager auditor",                        200, P + "/reports/finance?date=${day+0}", null),
        new Row(Route.JOURNAL_REPORT,         "manager auditor",                        200, P + "/reports/journal?date=${day+0}", null),
        new Row(Route.EVENTS,                 "manager auditor",                        400, P + "/events", null,
                "Last-Event-ID", "not-an-event-id"),
        new Row(Route.AUDIT_TRAIL,            "manager front_desk auditor",             200,
                P + "/audit?entity=booking&id=${booking}", null),
        // Forecasts: managers; auditors read the forecast. No property of the cells has a model (too few
        // finished bookings to train one), so those that need one answer 409 /no-forecast-model.
        new Row(Route.GET_FORECAST,           "manager auditor",                        409,
                P + "/forecast?from=${day+0}&to=${day+7}", null),
        new Row(Route.TRAIN_FORECAST,         "manager",                                202, P + "/forecast/train", null),
        new Row(Route.APPLY_FORECAST,         "manager",                                409, P + "/forecast/apply",
                "{\"from\": \"${day+0}\", \"to\": \"${day+7}\"}"),
        new Row(Route.GET_CANCELLATION_FORECAST, "manager",                             409,
                P + "/bookings/${booking}/cancellation-forecast", null),
        new Row(Route.SET_OVERBOOKING,        "manager",                                200, P + "/room-types/DBL/overbooking",
                "{\"from\": \"${day+300}\", \"to\": \"${day+302}\", \"overbooking\": 2}"),
        new Row(Route.GET_OVERBOOKING,        "manager front_desk auditor",             200,
                P + "/room-types/DBL/overbooking?from=${day+0}&to=${day+7}", null),
        // Webhooks: admins and managers.
        new Row(Route.CREATE_WEBHOOK,         "manager",                                201, P + "/webhooks",
                "{\"url\": \"http://127.0.0.1:9/hooks\", \"event_types\": [\"booking.created\"]}"),
        new Row(Route.LIST_WEBHOOKS,          "manager",                                200, P + "/webhooks", null),
        new Row(Route.GET_WEBHOOK,            "manager",                                200, P + "/webhooks/${webhook}", null),
        new Row(Route.DELETE_WEBHOOK,         "manager",                                204, P + "/webhooks/${webhook}", null),
        new Row(Route.LIST_WEBHOOK_DELIVERIES, "manager",                               200,
                P + "/webhooks/${webhook}/deliveries", null),
        new Row(Route.REDELIVER_WEBHOOK_EVENT, "manager",                               202,
                P + "/webhooks/${webhook}/redeliveries", "{\"position\": ${position}}"),
        new Row(Route.REPLAY_WEBHOOK,         "manager",                                200,
                P + "/webhooks/${webhook}/replay", "{\"from_position\": ${position}}"));
    // @formatter:on

    /** The cells' server, with the properties they run on: set up once for all cells. */
    private static Cells cells;

    AuthorizationMatrixTest(DirectClient client) {
        super(client);
        synchronized (AuthorizationMatrixTest.class) {
            if (cells == null) {
                cells = new Cells(api, fixture);
            }
        }
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    static Stream<Arguments> cells() {
        return TABLE.stream().flatMap(row -> Arrays.stream(Who.values()).map(who -> Arguments.of(row.route(), who, row)));
    }

    /** What API.md promises {@code who} on {@code row}. */
    static int expected(Row row, Who who) {
        return switch (who) {
            case NO_KEY, UNKNOWN_KEY, REVOKED_KEY -> 401;
            // An admin key scoped elsewhere makes keys for its own properties only, sees no other, and opens
            // no property (it could never see it).
            // A guest known only at the key's own property is, to a key of another, a guest that does not exist.
            case OTHER_PROPERTY -> row.propertyScoped() || row.path().contains("${guest}") ? 404 : switch (row.route()) {
                case CREATE_API_KEY, CREATE_PROPERTY -> 403;
                case REVOKE_API_KEY -> 404;
                default -> row.success();
            };
            default -> row.admitted().contains(Role.valueOf(who.name())) ? row.success() : 403;
        };
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void each_caller_gets_what_the_contract_promises(Route route, Who who, Row row) {
        cells.check(row, who);
    }

    /**
     * The matrix calls every route to success, and every refusal of authorization: each exchange, the
     * properties set up for it included, is as the OpenAPI document says.
     */
    @AfterAll
    static void every_exchange_of_the_matrix_is_as_the_openapi_document_says() {
        if (cells != null) {
            cells.assertDocumented();
        }
    }

    /** Calls the cells of the table on a fixture's server, and checks each answer. */
    static final class Cells {

        private final Api api;
        private final Fixture fixture;
        /** The property every read runs on, and another one. */
        private final Lisbon shared;
        private final Lisbon other;
        private final String elsewhere;
        /** What the cells on {@link #shared} made, to be made once: a booking tonight, a payment, ... */
        private final Map<String, String> sharedMade = new HashMap<>();

        Cells(Api api, Fixture fixture) {
            this.api = api;
            this.fixture = fixture;
            this.shared = Lisbon.setUp(api, fixture);
            this.other = Lisbon.setUp(api, fixture);
            this.elsewhere = other.id;
        }

        Lisbon shared() {
            return shared;
        }

        /** Every exchange so far matches the OpenAPI document. */
        void assertDocumented() {
            OpenApiDocument document = OpenApiDocument.load();
            assertThat(api.exchanges()).hasSizeGreaterThan(TABLE.size() * Who.values().length)
                    .flatMap(document::violations).isEmpty();
        }

        String elsewhere() {
            return elsewhere;
        }

        void check(Row row, Who who) {
            Route route = row.route();
            int expected = expected(row, who);
            // What an admitted role changes, it changes on a property of its own.
            Lisbon lisbon = expected == row.success() && !route.method().text().equals("GET") ? Lisbon.setUp(api, fixture)
                    : shared;
            String key = key(lisbon, row, who);
            Resolver resolver = new Resolver(lisbon, who == Who.CHANNEL ? key : lisbon.frontDesk,
                    lisbon == shared ? sharedMade : new HashMap<>());
            String path = resolver.resolve(row.path());
            String body = row.body() == null ? null : resolver.resolve(row.body());
            String[] headers = Arrays.stream(row.headers()).map(resolver::resolve).toArray(String[]::new);

            var response = api.call(route.method(), path, key, body == null ? null : "application/json", body, headers);

            assertThat(response.status()).as("%s %s by %s: %s", route.method().text(), path, who, response)
                    .isEqualTo(expected);
            if (expected != 401) {
                // Every answer to a key carries its bucket, refusals included.
                assertThat(response.headers()).containsKeys("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
            }
            if (expected >= 400) {
                assertThat(response.contentType()).isEqualTo(Problem.MEDIA_TYPE);
                assertThat(response.problem()).isEqualTo(switch (expected) {
                    case 401 -> "unauthorized";
                    case 403 -> "forbidden";
                    case 404 -> "not-found";
                    case 409 -> "no-forecast-model"; // the forecast's rows: no cell's property has a model
                    default -> "invalid-request";
                });
            }
        }

        private String key(Lisbon lisbon, Row row, Who who) {
            return switch (who) {
                case ADMIN -> lisbon.admin;
                case MANAGER -> lisbon.manager;
                case FRONT_DESK -> lisbon.frontDesk;
                case HOUSEKEEPING -> lisbon.housekeeping;
                case CHANNEL -> lisbon.channel;
                case AUDITOR -> lisbon.auditor;
                case NO_KEY -> null;
                case UNKNOWN_KEY -> Secrets.newKey();
                case REVOKED_KEY -> fixture.revokedKey(admittedRole(row));
                case OTHER_PROPERTY -> fixture.key(admittedRole(row), elsewhere);
            };
        }

        /** A role the row admits, other than admin if it admits another. */
        private static Role admittedRole(Row row) {
            return row.admitted().stream().filter(role -> role != Role.ADMIN).findFirst().orElse(Role.ADMIN);
        }

        // ---- the guest section: keys scoped to the shared property, guests known only at the other one ----

        /** Guests known only at the other property: registered by its desk, and booked there or not. */
        private final Map<String, Victim> victims = new HashMap<>();

        record Victim(String id, String name, String email) {}

        Victim victim(boolean booked) {
            synchronized (victims) {
                return victims.computeIfAbsent(booked ? "booked" : "registered", kind -> {
                    String email = Lisbon.unique("victim") + "@example.org";
                    String name = "Victoria " + Lisbon.unique("Secreta");
                    var registered = api.post("/v1/guests", other.frontDesk, """
                            {"name": "%s", "email": "%s", "phone": "+351 911 222 333",
                             "preferences": {"note": "private"}}""".formatted(name, email));
                    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
                    String id = registered.json().path("id").asText();
                    if (booked) {
                        var booking = api.post(other.path("/bookings"), other.frontDesk, """
                                {"guest_id": "%s", "room_type": "DBL", "rate_plan": "FLEX", "checkin_date": "%s",
                                 "checkout_date": "%s", "adults": 1}""".formatted(id, other.day(3), other.day(4)));
                        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
                    }
                    return new Victim(id, name, email);
                });
            }
        }

        /**
         * {@code who}, scoped to the shared property, calls {@code route} on a guest known only at the other
         * one: it is refused as for a guest that does not exist (or 403, if its role may not call the route),
         * learns nothing of the guest, and changes and links nothing.
         */
        void checkGuestOutOfReach(Route route, Who who, boolean booked) {
            Victim victim = victim(booked);
            Role role = Role.valueOf(who.name());
            String key = fixture.key(role, shared.id);
            Row row = TABLE.stream().filter(r -> r.route() == route).findFirst().orElseThrow();
            boolean admitted = row.admitted().contains(role);
            String email = victim.email().toUpperCase(Locale.ROOT); // matched whatever its case
            Api.Response response;
            Api.Response asIfUnknown = null;
            int expected;
            switch (route) {
                case GET_GUEST, EXPORT_GUEST, GET_LOYALTY, UPDATE_GUEST, ERASE_GUEST -> {
                    String type = row.body() == null ? null : "application/json";
                    response = api.call(route.method(), row.path().replace("${guest}", victim.id()), key, type, row.body());
                    asIfUnknown = api.call(route.method(), row.path().replace("${guest}", UNKNOWN_GUEST), key, type,
                            row.body());
                    expected = 404;
                }
                case SEARCH_GUESTS -> {
                    response = api.get("/v1/guests?email=" + victim.email(), key);
                    expected = 200;
                    if (admitted) {
                        assertThat(response.json().path("items")).as(response.toString()).isEmpty();
                    }
                }
                case REGISTER_GUEST -> {
                    response = api.post("/v1/guests", key, "{\"name\": \"Someone Else\", \"email\": \"" + email + "\"}");
                    expected = 409;
                }
                case CREATE_BOOKING -> {
                    response = api.post(shared.path("/bookings"), key, """
                            {"guest": {"name": "Someone Else", "email": "%s"}, "room_type": "DBL", "rate_plan": "FLEX",
                             "checkin_date": "%s", "checkout_date": "%s", "adults": 1}"""
                            .formatted(email, shared.day(5), shared.day(6)));
                    expected = 409;
                }
                default -> throw new IllegalArgumentException(route + " takes no guest");
            }
            assertThat(response.status()).as("%s by %s: %s", route, who, response).isEqualTo(admitted ? expected : 403);
            assertThat(response.body()).as("%s by %s", route, who)
                    .doesNotContainIgnoringCase(victim.name(), victim.email(), "existing_id", "private");
            if (asIfUnknown == null) { // else the id is the caller's own, in the path
                assertThat(response.body()).as("%s by %s", route, who).doesNotContain(victim.id());
            }
            if (admitted && asIfUnknown != null) {
                assertThat(response.body().replace(victim.id(), "<id>"))
                        .isEqualTo(asIfUnknown.body().replace(UNKNOWN_GUEST, "<id>"));
            }
            assertUntouched(victim, booked);
        }

        /** A booking at the shared property naming a guest known only at the other one by its id. */
        void checkBookingWithGuestIdOutOfReach(Who who, boolean booked) {
            Victim victim = victim(booked);
            Role role = Role.valueOf(who.name());
            String key = fixture.key(role, shared.id);
            boolean admitted = TABLE.stream().filter(r -> r.route() == Route.CREATE_BOOKING).findFirst().orElseThrow()
                    .admitted().contains(role);
            String booking = """
                    {"guest_id": "%s", "room_type": "DBL", "rate_plan": "FLEX", "checkin_date": "%s",
                     "checkout_date": "%s", "adults": 1}""";
            var response = api.post(shared.path("/bookings"), key, booking.formatted(victim.id(), shared.day(5), shared.day(6)));
            var asIfUnknown = api.post(shared.path("/bookings"), key,
                    booking.formatted(UNKNOWN_GUEST, shared.day(5), shared.day(6)));

            assertThat(response.status()).as("booking with guest_id by %s: %s", who, response).isEqualTo(admitted ? 400 : 403);
            if (admitted) {
                assertThat(response.json().path("errors").path(0).path("field").asText()).isEqualTo("guest_id");
                assertThat(response.body().replace(victim.id(), "<id>"))
                        .isEqualTo(asIfUnknown.body().replace(UNKNOWN_GUEST, "<id>"));
            }
            assertThat(response.body()).doesNotContainIgnoringCase(victim.name(), victim.email(), "private");
            assertUntouched(victim, booked);
        }

        /** The guest is as its property made it, and is linked to no booking at the shared property. */
        private void assertUntouched(Victim victim, boolean booked) {
            var guest = api.get("/v1/guests/" + victim.id(), other.frontDesk);
            assertThat(guest.status()).as(guest.toString()).isEqualTo(200);
            assertThat(guest.json().path("name").asText()).isEqualTo(victim.name());
            assertThat(guest.json().path("email").asText()).isEqualTo(victim.email());
            assertThat(guest.json().path("preferences").path("note").asText()).isEqualTo("private");
            String admin = fixture.key(Role.ADMIN);
            assertThat(api.get(shared.path("/bookings?guest_id=" + victim.id()), admin).json().path("items")).isEmpty();
            assertThat(api.get(other.path("/bookings?guest_id=" + victim.id()), admin).json().path("items"))
                    .hasSize(booked ? 1 : 0);
        }

        /** Makes what a request names: {@code ${booking}} is a new booking, {@code ${day+3}} the business date plus 3. */
        private final class Resolver {

            private final Lisbon lisbon;
            private final String bookingKey;
            private final Map<String, String> made;

            Resolver(Lisbon lisbon, String bookingKey, Map<String, String> made) {
                this.lisbon = lisbon;
                this.bookingKey = bookingKey;
                this.made = made;
            }

            String resolve(String template) {
                StringBuilder out = new StringBuilder();
                int at = 0;
                for (int start = template.indexOf("${"); start >= 0; start = template.indexOf("${", at)) {
                    int end = template.indexOf('}', start);
                    out.append(template, at, start).append(value(template.substring(start + 2, end)));
                    at = end + 1;
                }
                return out.append(template.substring(at)).toString();
            }

            private String value(String name) {
                if (name.startsWith("day+")) {
                    return lisbon.day(Integer.parseInt(name.substring(4)));
                }
                String known = made.get(name + " by " + bookingKey);
                if (known != null) {
                    return known;
                }
                String value = switch (name) {
                    case "p" -> lisbon.id;
                    case "code" -> Lisbon.unique("C");
                    case "api_key" -> lisbon.apiKey();
                    case "room" -> lisbon.room();
                    case "out_of_order_room" -> lisbon.outOfOrderRoom();
                    case "block" -> lisbon.block();
                    case "booking" -> lisbon.booking(bookingKey);
                    case "version" -> api.get(lisbon.path("/bookings/" + value("booking")), lisbon.frontDesk).json()
                            .path("version").asText();
                    case "settled" -> lisbon.settled();
                    case "charged" -> lisbon.charged();
                    case "payment" -> lisbon.payment();
                    case "invoice" -> lisbon.invoice();
                    // the first line of the charged booking's folio (its 10.00 minibar, dated today)
                    case "one" -> "1";
                    case "two" -> "2";
                    case "line" -> api.get(lisbon.path("/bookings/" + value("charged") + "/folio"), lisbon.frontDesk).json()
                            .path("lines").path(0).path("id").asText();
                    case "windowed" -> {
                        String booking = value("booking");
                        var opened = api.post(lisbon.path("/bookings/" + booking + "/folios"), lisbon.frontDesk,
                                "{\"payer_kind\": \"person\", \"name\": \"Rui Costa\"}");
                        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
                        yield booking;
                    }
                    case "company" -> {
                        var created = api.post(lisbon.path("/companies"), lisbon.manager, COMPANY);
                        assertThat(created.status()).as(created.toString()).isEqualTo(201);
                        yield created.json().path("id").asText();
                    }
                    case "guest" -> lisbon.guest();
                    case "reservation" -> lisbon.reservation(bookingKey);
                    case "source" -> "bdc";
                    case "external_ref" -> lisbon.channelBooking(bookingKey);
                    case "webhook" -> {
                        var created = api.post(lisbon.path("/webhooks"), lisbon.manager,
                                "{\"url\": \"http://127.0.0.1:9/hooks\", \"event_types\": [\"booking.created\"]}");
                        assertThat(created.status()).as(created.toString()).isEqualTo(201);
                        yield created.json().path("id").asText();
                    }
                    // the position of the property's first event (its creation)
                    case "position" -> api.get(lisbon.path("/audit?entity=property&id=" + lisbon.id), lisbon.manager)
                            .json().path("items").path(0).path("position").asText();
                    default -> throw new IllegalArgumentException("nothing named ${" + name + "} to make");
                };
                made.put(name + " by " + bookingKey, value);
                return value;
            }
        }
    }

    /** An id no guest has. */
    static final String UNKNOWN_GUEST = "01JDQ3C9T7W0A5N8M2K4P6R8S0";

    /** The roles a key scoped to a property may have. */
    static final List<Who> SCOPED_ROLES = List.of(Who.ADMIN, Who.MANAGER, Who.FRONT_DESK, Who.HOUSEKEEPING, Who.CHANNEL,
            Who.AUDITOR);

    /** Every route that names, finds or links a guest, but a booking by guest_id (cells of its own). */
    static final List<Route> GUEST_ROUTES = List.of(Route.GET_GUEST, Route.UPDATE_GUEST, Route.ERASE_GUEST,
            Route.EXPORT_GUEST, Route.GET_LOYALTY, Route.SEARCH_GUESTS, Route.REGISTER_GUEST, Route.CREATE_BOOKING);

    static Stream<Arguments> guestCells() {
        return GUEST_ROUTES.stream().flatMap(route -> SCOPED_ROLES.stream()
                .flatMap(who -> Stream.of(true, false).map(booked -> Arguments.of(route, who, booked))));
    }

    static Stream<Arguments> guestIdCells() {
        return SCOPED_ROLES.stream().flatMap(who -> Stream.of(true, false).map(booked -> Arguments.of(who, booked)));
    }

    @ParameterizedTest(name = "{0} by {1} scoped elsewhere, guest booked there: {2}")
    @MethodSource("guestCells")
    void a_guest_known_only_at_another_property_is_out_of_reach(Route route, Who who, boolean booked) {
        cells.checkGuestOutOfReach(route, who, booked);
    }

    @ParameterizedTest(name = "booking by {0} with the guest_id of a guest known elsewhere, booked there: {1}")
    @MethodSource("guestIdCells")
    void a_booking_cannot_name_a_guest_known_only_at_another_property(Who who, boolean booked) {
        cells.checkBookingWithGuestIdOutOfReach(who, booked);
    }

    @Test
    void the_table_has_a_row_for_every_route_and_agrees_with_the_servers() {
        assertThat(TABLE.stream().map(Row::route)).containsExactlyInAnyOrder(Route.values());
        Map<Route, Set<Role>> table = new EnumMap<>(Route.class);
        Map<Route, Set<Role>> server = new EnumMap<>(Route.class);
        TABLE.forEach(row -> table.put(row.route(), row.admitted()));
        Arrays.stream(Route.values()).forEach(route -> server.put(route, route.roles().admitted()));
        assertThat(server).isEqualTo(table);
        assertThat(TABLE).allSatisfy(row -> assertThat(row.path().replaceAll("\\?.*", "")
                .replaceAll("\\$\\{[a-z_]+}", "{}").replace("/101", "/{}").replace("/DBL", "/{}").replace("/FLEX", "/{}"))
                .as("the path of %s", row.route())
                .isEqualTo("/v1" + row.route().path().replaceAll("\\{[A-Za-z]+}", "{}")));
    }

    @Test
    void a_channel_sees_and_cancels_only_the_bookings_its_own_key_made() {
        Lisbon shared = cells.shared();
        String otherChannel = fixture.key(Role.CHANNEL, shared.id);
        String mine = shared.booking(shared.channel, 70);
        String theirs = shared.booking(otherChannel, 70);
        String desks = shared.booking(shared.frontDesk, 70);

        var list = api.get(shared.path("/bookings?limit=500"), shared.channel).json().path("items").findValuesAsText("id");

        assertThat(api.get(shared.path("/bookings/" + mine), shared.channel).status()).isEqualTo(200);
        assertThat(list).contains(mine).doesNotContain(theirs, desks);
        for (String other : List.of(theirs, desks)) {
            assertThat(api.get(shared.path("/bookings/" + other), shared.channel).status()).isEqualTo(404);
            var cancel = api.post(shared.path("/bookings/" + other + "/cancel"), shared.channel);
            assertThat(cancel.status()).isEqualTo(404);
            assertThat(cancel.json().path("detail").asText()).doesNotContain(shared.channel);
            assertThat(api.get(shared.path("/bookings/" + other), shared.frontDesk).json().path("status").asText())
                    .isEqualTo("confirmed");
        }
        assertThat(api.post(shared.path("/bookings/" + mine + "/cancel"), shared.channel).status()).isEqualTo(200);
    }

    @Test
    void a_channel_reaches_by_reference_and_reservation_only_what_its_own_key_booked() {
        Lisbon shared = cells.shared();
        String otherChannel = fixture.key(Role.CHANNEL, shared.id);
        String theirRef = shared.channelBooking(otherChannel);
        String desksReservation = shared.reservation(shared.frontDesk);
        String byRef = shared.path("/bookings/by-external-ref/bdc/" + theirRef);

        assertThat(api.get(byRef, shared.channel).status()).isEqualTo(404);
        assertThat(api.patch(byRef, shared.channel, "{\"adults\": 1}").status()).isEqualTo(404);
        assertThat(api.post(byRef + "/cancel", shared.channel).status()).isEqualTo(404);
        assertThat(api.get(shared.path("/reservations/" + desksReservation), shared.channel).status()).isEqualTo(404);
        assertThat(api.post(shared.path("/reservations/" + desksReservation + "/cancel"), shared.channel).status())
                .isEqualTo(404);
        // the same reference sent by another channel's key books nothing, and learns nothing of the booking
        var resent = api.post(shared.path("/bookings"), shared.channel, """
                {"guest": {"name": "Ana Silva", "email": "%s@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "%s", "adults": 2, "source": "bdc", "external_ref": "%s"}"""
                .formatted(Lisbon.unique("resend"), shared.day(40), shared.day(41), theirRef));
        assertThat(resent.status()).as(resent.toString()).isEqualTo(409);
        assertThat(resent.problem()).isEqualTo("duplicate");
        assertThat(resent.json().has("existing_id")).isFalse();

        var theirs = api.get(byRef, otherChannel).json();
        assertThat(theirs.path("rooms").get(0).path("status").asText()).isEqualTo("confirmed");
        assertThat(theirs.path("rooms")).hasSize(1);
        assertThat(api.get(shared.path("/reservations/" + desksReservation), shared.frontDesk).json()
                .path("rooms").findValuesAsText("status")).containsOnly("confirmed");
    }

    @Test
    void a_scoped_key_lists_only_its_properties_and_a_404_outside_looks_like_a_missing_property() {
        Lisbon shared = cells.shared();
        String scoped = fixture.key(Role.AUDITOR, shared.id);

        var list = api.get("/v1/properties", scoped).json().path("items").findValuesAsText("id");
        var outside = api.get("/v1/properties/" + cells.elsewhere(), scoped);
        var missing = api.get("/v1/properties/01JDQ3C9T7W0A5N8M2K4P6R8S0", fixture.key(Role.ADMIN));

        assertThat(list).containsExactly(shared.id);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(outside.json().path("title")).isEqualTo(missing.json().path("title"));
        assertThat(outside.json().path("detail").asText().replace(cells.elsewhere(), "<id>"))
                .isEqualTo(missing.json().path("detail").asText().replace("01JDQ3C9T7W0A5N8M2K4P6R8S0", "<id>"));
        assertThat(outside.problem()).isEqualTo(missing.problem()).isEqualTo("not-found");
    }
}
