package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.Storage;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests across the resources, each refused with a 4xx problem document that names what was
 * wrong (the field, for validation), never a 5xx or a stack trace, never echoing a card number, and with
 * nothing changed in the hotel: no event, booking, guest, payment, invoice, folio line or key more.
 */
@RoutingTest
class BadInputTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private static final String CARD = "4111111111111111";

    /**
     * One malformed request and what it gets. {@code ${p}} in the path is the property, {@code ${booking}} a
     * booking of it; the request is the front desk's unless {@code key} names another role's.
     *
     * @param field the field {@code errors} names, or null when the problem names none
     */
    record Case(String name, int status, @Nullable String field, Method method, String path, String key,
                @Nullable String contentType, @Nullable String body, String... headers) {

        /** The same request with the key of {@code role}. */
        Case as(String role) {
            return new Case(name, status, field, method, path, role, contentType, body, headers);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String BOOKINGS = "/v1/properties/${p}/bookings";
    private static final String BOOKING = "/v1/properties/${p}/bookings/${booking}";
    private static final String STAY = """
            "guest": {"name": "Ana Silva", "email": "ana@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
             "checkin_date": "2026-12-01", "checkout_date": "2026-12-03\"""";
    private static final String RESERVATIONS = "/v1/properties/${p}/reservations";
    private static final String BY_REF = "/v1/properties/${p}/bookings/by-external-ref/bdc/${external_ref}";
    private static final String RESERVATION = """
            "guest": {"name": "Ana Silva", "email": "ana@example.com"}, "rate_plan": "FLEX",
             "checkin_date": "2026-12-01", "checkout_date": "2026-12-03\"""";
    private static final String CHARGE = """
            "description": "Minibar", "category": "minibar\"""";
    private static final String PAY = "\"booking_id\": \"${booking_id}\", \"method\": \"cash\"";

    private static Case post(String name, int status, String field, String path, String body) {
        return new Case(name, status, field, Method.POST, path, "front_desk", "application/json", body);
    }

    private static Case get(String name, String field, String path) {
        return new Case(name, 400, field, Method.GET, path, "front_desk", null, null);
    }

    private static Case booking(String name, String field, String json) {
        return post(name, 400, field, BOOKINGS, json);
    }

    private static Case charge(String name, String field, String amount) {
        return post(name, 400, field, BOOKING + "/charges", "{" + CHARGE + ", \"amount\": " + amount + "}");
    }

    // @formatter:off
    static Stream<Case> cases() {
        return Stream.of(
            // JSON that is not JSON, or not an object
            booking("broken JSON",                         null,            "{\"guest\": {\"name\": "),
            booking("two JSON documents",                  null,            "{" + STAY + ", \"adults\": 2} {}"),
            booking("a JSON array instead of an object",   null,            "[{" + STAY + ", \"adults\": 2}]"),
            booking("null instead of an object",           "(body)",        "null"),
            booking("a key given twice",                   null,            "{" + STAY + ", \"adults\": 2, \"adults\": 3}"),
            booking("10,000 levels of nested arrays",      null,            "[".repeat(10_000) + "]".repeat(10_000)),
            booking("10,000 levels of nested objects",     null,            "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000)),
            // wrong types
            booking("adults as a string",                  "adults",        "{" + STAY + ", \"adults\": \"2\"}"),
            booking("adults as a fraction",                "adults",        "{" + STAY + ", \"adults\": 2.5}"),
            booking("adults as true",                      "adults",        "{" + STAY + ", \"adults\": true}"),
            booking("a date as a number",                  "checkin_date",  "{" + STAY.replace("\"2026-12-01\"", "20261201") + ", \"adults\": 2}"),
            booking("the guest as a string",               "guest",         "{" + STAY.replace("{\"name\": \"Ana Silva\", \"email\": \"ana@example.com\"}", "\"Ana\"") + ", \"adults\": 2}"),
            // unknown and privileged fields
            booking("an unknown field",                    "discount",      "{" + STAY + ", \"adults\": 2, \"discount\": 50}"),
            booking("a total of the client's own",         "total",         "{" + STAY + ", \"adults\": 2, \"total\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}}"),
            booking("a status of the client's own",        "status",        "{" + STAY + ", \"adults\": 2, \"status\": \"checked_in\"}"),
            booking("a version of the client's own",       "version",       "{" + STAY + ", \"adults\": 2, \"version\": 7}"),
            booking("an id of the client's own",           "id",            "{" + STAY + ", \"adults\": 2, \"id\": \"B1\"}"),
            booking("nightly prices of the client's own",  "nightly",       "{" + STAY + ", \"adults\": 2, \"nightly\": []}"),
            booking("a creation time of the client's own", "created_at",    "{" + STAY + ", \"adults\": 2, \"created_at\": \"2026-01-01T00:00:00Z\"}"),
            booking("an unknown field in the guest",       "guest.vip",     "{" + STAY.replace("\"ana@example.com\"", "\"ana@example.com\", \"vip\": true") + ", \"adults\": 2}"),
            // impossible stays and occupancies
            booking("the 30th of February",                "checkin_date",  "{" + STAY.replace("2026-12-01", "2026-02-30") + ", \"adults\": 2}"),
            booking("a date that is not ISO",              "checkout_date", "{" + STAY.replace("2026-12-03", "03/12/2026") + ", \"adults\": 2}"),
            booking("checkout before checkin",             "checkout_date", "{" + STAY.replace("2026-12-03", "2026-11-30") + ", \"adults\": 2}"),
            booking("checkout on the checkin date",        "checkout_date", "{" + STAY.replace("2026-12-03", "2026-12-01") + ", \"adults\": 2}"),
            booking("checkin before the business date",    "checkin_date",  "{" + STAY.replace("2026-12-01", "2026-11-20") + ", \"adults\": 2}"),
            booking("a stay longer than the property's 30 nights", "checkout_date", "{" + STAY.replace("2026-12-03", "2027-01-01") + ", \"adults\": 2}"),
            booking("no adults",                           "adults",        "{" + STAY + ", \"adults\": 0}"),
            booking("adults missing",                      "adults",        "{" + STAY + "}"),
            booking("negative children",                   "children",      "{" + STAY + ", \"adults\": 2, \"children\": -1}"),
            booking("an invalid guest email",              "guest.email",   "{" + STAY.replace("ana@example.com", "ana-at-example") + ", \"adults\": 2}"),
            booking("an overlong rate plan code",          "rate_plan",     "{" + STAY.replace("\"FLEX\"", "\"" + "F".repeat(33) + "\"") + ", \"adults\": 2}"),
            booking("overlong special requests",           "special_requests", "{" + STAY + ", \"adults\": 2, \"special_requests\": \"" + "x".repeat(Booking.MAX_SPECIAL_REQUESTS + 1) + "\"}"),
            // text that is not plain text, dates and amounts out of range (issue 10: 500s on PostgreSQL, or stored)
            booking("NUL in the guest's name",             "guest.name",    "{" + STAY.replace("Ana Silva", "Ana\\u0000Silva") + ", \"adults\": 2}"),
            booking("a lone surrogate in the guest's name", "guest.name",   "{" + STAY.replace("Ana Silva", "Ana \\ud800") + ", \"adults\": 2}"),
            booking("an escape sequence in the guest's name", "guest.name", "{" + STAY.replace("Ana Silva", "Ana\\u001b[2J") + ", \"adults\": 2}"),
            booking("a bell in the special requests",      "special_requests", "{" + STAY + ", \"adults\": 2, \"special_requests\": \"quiet\\u0007\"}"),
            booking("a checkin in year 0",                 "checkin_date",  "{" + STAY.replace("2026-12-01", "0000-12-01") + ", \"adults\": 2}"),
            booking("a checkout in year 10000",            "checkout_date", "{" + STAY.replace("2026-12-03", "+10000-12-03") + ", \"adults\": 2}"),
            post("NUL in a guest's preferences", 400, "preferences.pillow", "/v1/guests",
                    "{\"name\": \"Rui\", \"email\": \"rui@example.com\", \"preferences\": {\"pillow\": \"soft\\u0000\"}}"),
            post("a charge dated 0000-01-01", 400, "date", BOOKING + "/charges",
                    "{" + CHARGE + ", \"amount\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}, \"date\": \"0000-01-01\"}"),
            new Case("a cancellation fee of 0 %", 400, "cancellation_policy.percent", Method.POST, "/v1/properties/${p}/rate-plans",
                    "manager", "application/json", "{\"code\": \"P0\", \"name\": \"Zero\", \"cancellation_policy\":"
                    + " {\"free_until_days_before\": 1, \"penalty\": \"percent\", \"percent\": 0}}"),
            new Case("a cancellation fee of 500 %", 400, "cancellation_policy.percent", Method.POST, "/v1/properties/${p}/rate-plans",
                    "manager", "application/json", "{\"code\": \"P500\", \"name\": \"Five hundred\", \"cancellation_policy\":"
                    + " {\"free_until_days_before\": 1, \"penalty\": \"percent\", \"percent\": 500}}"),
            new Case("a derived rate 200 % below its parent", 400, "derived_from.adjustment_percent", Method.POST,
                    "/v1/properties/${p}/rate-plans", "manager", "application/json", "{\"code\": \"D200\", \"name\": \"Derived\","
                    + " \"cancellation_policy\": {\"free_until_days_before\": 1, \"penalty\": \"none\"},"
                    + " \"derived_from\": {\"rate_plan\": \"FLEX\", \"adjustment_percent\": -200}}"),
            // channel bookings and reservations (issue 14)
            booking("a source without its external_ref",   "external_ref",  "{" + STAY + ", \"adults\": 2, \"source\": \"bdc\"}"),
            booking("an external_ref without its source",  "source",        "{" + STAY + ", \"adults\": 2, \"external_ref\": \"X1\"}"),
            booking("an external_ref with a slash",        "external_ref",  "{" + STAY + ", \"adults\": 2, \"source\": \"bdc\", \"external_ref\": \"A/B\"}"),
            booking("an external_ref of 65 characters",    "external_ref",  "{" + STAY + ", \"adults\": 2, \"source\": \"bdc\", \"external_ref\": \"" + "R".repeat(65) + "\"}"),
            booking("a source with a space",               "source",        "{" + STAY + ", \"adults\": 2, \"source\": \"b dc\", \"external_ref\": \"X1\"}"),
            booking("a room price in dollars",             "room_price",    "{" + STAY + ", \"adults\": 2, \"source\": \"bdc\", \"external_ref\": \"X2\","
                    + " \"room_price\": {\"amount\": \"200.00\", \"currency\": \"USD\"}}"),
            booking("a room price as a number",            "room_price",    "{" + STAY + ", \"adults\": 2, \"room_price\": 200}"),
            booking("a blank guest name for the room",     "guest_name",    "{" + STAY + ", \"adults\": 2, \"guest_name\": \"   \"}"),
            post("a reservation without rooms", 400, "rooms", RESERVATIONS, "{" + RESERVATION + ", \"rooms\": []}"),
            post("a reservation whose rooms are missing", 400, "rooms", RESERVATIONS, "{" + RESERVATION + "}"),
            post("a reservation of 51 rooms", 400, "rooms", RESERVATIONS, "{" + RESERVATION + ", \"rooms\": ["
                    + String.join(", ", java.util.Collections.nCopies(51, "{\"room_type\": \"DBL\", \"adults\": 1}")) + "]}"),
            post("a reservation's room without adults", 400, "rooms[1].adults", RESERVATIONS, "{" + RESERVATION
                    + ", \"rooms\": [{\"room_type\": \"DBL\", \"adults\": 1}, {\"room_type\": \"DBL\", \"adults\": 0}]}"),
            post("a reservation's room without a room type", 400, "rooms[0].room_type", RESERVATIONS, "{" + RESERVATION
                    + ", \"rooms\": [{\"adults\": 1}]}"),
            post("a null room in a reservation", 400, "rooms[0]", RESERVATIONS, "{" + RESERVATION + ", \"rooms\": [null]}"),
            post("a reservation's room price in dollars", 400, "rooms[0].room_price", RESERVATIONS, "{" + RESERVATION
                    + ", \"rooms\": [{\"room_type\": \"DBL\", \"adults\": 1, \"room_price\": {\"amount\": \"100.00\", \"currency\": \"USD\"}}]}"),
            post("an unknown field in a reservation's room", 400, "rooms[0].discount", RESERVATIONS, "{" + RESERVATION
                    + ", \"rooms\": [{\"room_type\": \"DBL\", \"adults\": 1, \"discount\": 5}]}"),
            new Case("a change by reference of room -1", 400, "room", Method.PATCH, BY_REF, "front_desk", "application/json",
                    "{\"room\": -1, \"adults\": 1}"),
            new Case("a change by reference of a room the reservation has not", 400, "room", Method.PATCH, BY_REF, "front_desk",
                    "application/json", "{\"room\": 5, \"adults\": 1}"),
            new Case("a change by reference to checkout before checkin", 400, "checkout_date", Method.PATCH, BY_REF, "front_desk",
                    "application/json", "{\"checkout_date\": \"2026-11-01\"}"),
            new Case("a cancellation by reference of room 50", 400, "room", Method.POST, BY_REF + "/cancel", "front_desk",
                    "application/json", "{\"room\": 50}"),
            new Case("a reference with a quote", 404, null, Method.GET, BOOKINGS + "/by-external-ref/bdc/a'b", "front_desk", null, null),
            new Case("a reservation id that no reservation has", 404, null, Method.GET, RESERVATIONS + "/no-such-reservation",
                    "front_desk", null, null),
            new Case("a channel price tolerance of 100 %", 400, "channel_price_tolerance_percent", Method.POST,
                    "/v1/properties/${p}/rate-plans", "manager", "application/json", "{\"code\": \"T100\", \"name\": \"Tolerant\","
                    + " \"cancellation_policy\": {\"free_until_days_before\": 1, \"penalty\": \"none\"},"
                    + " \"channel_price_tolerance_percent\": 100}"),
            new Case("a negative channel price tolerance", 400, "channel_price_tolerance_percent", Method.POST,
                    "/v1/properties/${p}/rate-plans", "manager", "application/json", "{\"code\": \"TNEG\", \"name\": \"Tolerant\","
                    + " \"cancellation_policy\": {\"free_until_days_before\": 1, \"penalty\": \"none\"},"
                    + " \"channel_price_tolerance_percent\": -1}"),
            charge("an amount in exponent notation",       "amount",        "{\"amount\": \"1e10\", \"currency\": \"EUR\"}"),
            charge("an amount of 30 digits",               "amount",        "{\"amount\": \"999999999999999999999999999999.99\", \"currency\": \"EUR\"}"),
            new Case("the bookings of a property that does not exist", 404, null, Method.GET,
                    "/v1/properties/01JDQ3C9T7W0A5N8M2K4P6R8S0/bookings", "admin", null, null),
            new Case("the invoices of a property that does not exist", 404, null, Method.GET,
                    "/v1/properties/01JDQ3C9T7W0A5N8M2K4P6R8S0/invoices", "admin", null, null),
            new Case("a booking id of NUL", 404, null, Method.GET, BOOKINGS + "/%00", "front_desk", null, null),
            // card data
            booking("a card number field",                 "card_number",   "{" + STAY + ", \"adults\": 2, \"card_number\": \"" + CARD + "\"}"),
            booking("a cvv in the guest",                  "guest.cvv",     "{" + STAY.replace("\"ana@example.com\"", "\"ana@example.com\", \"cvv\": \"737\"") + ", \"adults\": 2}"),
            booking("a card number in the special requests", "special_requests", "{" + STAY + ", \"adults\": 2, \"special_requests\": \"my card is 4111 1111 1111 1111, exp 12/27\"}"),
            booking("a card number as the card token",     "card_token",    "{" + STAY + ", \"adults\": 2, \"card_token\": \"" + CARD + "\"}"),
            post("a card number in guest preferences", 400, "preferences.payment.pan", "/v1/guests",
                    "{\"name\": \"Rui\", \"email\": \"rui@example.com\", \"preferences\": {\"payment\": {\"pan\": \"" + CARD + "\"}}}"),
            post("a card number in a guest's preferences", 400, "preferences.notes[0]", "/v1/guests",
                    "{\"name\": \"Rui\", \"email\": \"rui@example.com\", \"preferences\": {\"notes\": [\"pays with " + CARD + "\"]}}"),
            post("a card number as a payment's token", 400, "card_token", "/v1/properties/${p}/payments",
                    "{" + PAY.replace("cash", "card") + ", \"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"card_token\": \"4111 1111 1111 1111\"}"),
            // money
            charge("an amount as a JSON number",           "amount.amount", "{\"amount\": 12.50, \"currency\": \"EUR\"}"),
            charge("money as a bare number",               "amount",        "12.50"),
            charge("more decimals than the currency has",  "amount",        "{\"amount\": \"12.505\", \"currency\": \"EUR\"}"),
            charge("an amount that is not a number",       "amount",        "{\"amount\": \"twelve\", \"currency\": \"EUR\"}"),
            charge("a negative amount",                    "amount",        "{\"amount\": \"-5.00\", \"currency\": \"EUR\"}"),
            charge("a zero amount",                        "amount",        "{\"amount\": \"0.00\", \"currency\": \"EUR\"}"),
            charge("money in another currency",            "amount",        "{\"amount\": \"12.50\", \"currency\": \"USD\"}"),
            charge("money in no currency at all",          "amount",        "{\"amount\": \"12.50\", \"currency\": \"EURO\"}"),
            charge("money without a currency",             "amount",        "{\"amount\": \"12.50\"}"),
            post("a payment of a negative amount", 400, "amount", "/v1/properties/${p}/payments",
                    "{" + PAY + ", \"amount\": {\"amount\": \"-1.00\", \"currency\": \"EUR\"}}"),
            post("a payment in another currency", 400, "amount", "/v1/properties/${p}/payments",
                    "{" + PAY + ", \"amount\": {\"amount\": \"1.00\", \"currency\": \"GBP\"}}"),
            (new Case("prices with a float amount", 400, "[0].amount.amount", Method.PUT,
                    "/v1/properties/${p}/rate-plans/FLEX/prices", "manager", "application/json",
                    "[{\"room_type\": \"DBL\", \"from\": \"2026-12-01\", \"to\": \"2026-12-02\", \"amount\": {\"amount\": 99.5, \"currency\": \"EUR\"}}]")),
            (new Case("prices ending before they start", 400, "[0].to", Method.PUT,
                    "/v1/properties/${p}/rate-plans/FLEX/prices", "manager", "application/json",
                    "[{\"room_type\": \"DBL\", \"from\": \"2026-12-02\", \"to\": \"2026-12-01\", \"amount\": {\"amount\": \"99.50\", \"currency\": \"EUR\"}}]")),
            // invalid enum values and patterns
            post("an unknown payment method", 400, "method", "/v1/properties/${p}/payments",
                    "{" + PAY.replace("cash", "bitcoin") + ", \"amount\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}}"),
            post("a category with spaces", 400, "category", BOOKING + "/charges",
                    "{\"description\": \"Minibar\", \"category\": \"Mini Bar\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}}"),
            new Case("an unknown housekeeping status", 400, "housekeeping_status", Method.PATCH, "/v1/properties/${p}/rooms/101",
                    "housekeeping", "application/json", "{\"housekeeping_status\": \"sparkling\"}"),
            new Case("an unknown role for a key", 400, "role", Method.POST, "/v1/api-keys", "admin", "application/json",
                    "{\"name\": \"root\", \"role\": \"superuser\", \"property_ids\": []}"),
            new Case("a key for a property that does not exist", 400, "property_ids[0]", Method.POST, "/v1/api-keys", "admin",
                    "application/json", "{\"name\": \"lost\", \"role\": \"auditor\", \"property_ids\": [\"01JDQ3C9T7W0A5N8M2K4P6R8S0\"]}"),
            new Case("a timezone that does not exist", 400, "timezone", Method.POST, "/v1/properties", "admin", "application/json",
                    "{\"code\": \"MARS\", \"name\": \"Mars Base\", \"timezone\": \"Mars/Olympus\", \"currency\": \"EUR\","
                    + " \"check_in_time\": \"15:00\", \"check_out_time\": \"11:00\"}"),
            new Case("a city tax in another currency", 400, "tax.city_tax_per_person_night", Method.POST, "/v1/properties", "admin",
                    "application/json", "{\"code\": \"OPO\", \"name\": \"Porto\", \"timezone\": \"Europe/Lisbon\", \"currency\": \"EUR\","
                    + " \"check_in_time\": \"15:00\", \"check_out_time\": \"11:00\", \"tax\": {\"vat_percent\": 6, \"vat_included\": true,"
                    + " \"city_tax_per_person_night\": {\"amount\": \"2.00\", \"currency\": \"USD\"}}}"),
            new Case("a language that is not an ISO 639 code", 400, "language", Method.POST, "/v1/properties", "admin",
                    "application/json", "{\"code\": \"OPO\", \"name\": \"Porto\", \"timezone\": \"Europe/Lisbon\", \"currency\": \"EUR\","
                    + " \"check_in_time\": \"15:00\", \"check_out_time\": \"11:00\", \"language\": \"Portuguese\"}"),
            new Case("an overlong VAT id", 400, "vat_id", Method.POST, "/v1/properties", "admin",
                    "application/json", "{\"code\": \"OPO\", \"name\": \"Porto\", \"timezone\": \"Europe/Lisbon\", \"currency\": \"EUR\","
                    + " \"check_in_time\": \"15:00\", \"check_out_time\": \"11:00\", \"vat_id\": \"" + "9".repeat(33) + "\"}"),
            new Case("a check-in time of 25 o'clock", 400, "check_in_time", Method.POST, "/v1/properties", "admin", "application/json",
                    "{\"code\": \"OPO\", \"name\": \"Porto\", \"timezone\": \"Europe/Lisbon\", \"currency\": \"EUR\","
                    + " \"check_in_time\": \"25:00\", \"check_out_time\": \"11:00\"}"),
            post("a nationality that is not a country code", 400, "nationality", "/v1/guests",
                    "{\"name\": \"Rui\", \"email\": \"rui@example.com\", \"nationality\": \"Portugal\"}"),
            post("an overlong guest name", 400, "name", "/v1/guests",
                    "{\"name\": \"" + "R".repeat(201) + "\", \"email\": \"rui@example.com\"}"),
            post("a guest without an email", 400, "email", "/v1/guests", "{\"name\": \"Rui\"}"),
            // bodies the server does not read
            post("a body of more than 1 MiB", 413, null, "/v1/guests",
                    "{\"name\": \"Rui\", \"email\": \"rui@example.com\", \"phone\": \"" + "9".repeat(Bodies.MAX_BYTES) + "\"}"),
            new Case("a body that is not JSON", 415, null, Method.POST, BOOKINGS, "front_desk", "text/plain", "adults=2"),
            new Case("a JSON body sent as a form", 415, null, Method.POST, "/v1/guests", "front_desk",
                    "application/x-www-form-urlencoded", "{\"name\": \"Rui\", \"email\": \"rui@example.com\"}"),
            post("no body where one is needed", 400, null, "/v1/guests", null),
            // query parameters
            get("a page of no items",                      "limit",         BOOKINGS + "?limit=0"),
            get("a page of 501 items",                     "limit",         BOOKINGS + "?limit=501"),
            get("a limit that is not a number",            "limit",         BOOKINGS + "?limit=abc"),
            get("a cursor no list gave",                   "cursor",        BOOKINGS + "?cursor=not-a-cursor"),
            get("a cursor no audit trail gave",            "cursor",        "/v1/properties/${p}/audit?entity=booking&id=${booking}&cursor=abc")
                    .as("auditor"),
            get("a cursor of a key with NUL in it",        "cursor",        BOOKINGS + "?cursor=" + Page.cursorOf("a\u0000b")),
            get("an unknown booking status",               "status",        BOOKINGS + "?status=flying"),
            get("an unknown invoice status",               "status",        "/v1/properties/${p}/invoices?status=lost"),
            get("a checkin date in month 13",              "checkin_date",  "/v1/properties/${p}/availability?checkin_date=2026-13-01&checkout_date=2026-12-03&adults=2"),
            get("adults that are not a number",            "adults",        "/v1/properties/${p}/availability?checkin_date=2026-12-01&checkout_date=2026-12-03&adults=two"),
            get("an availability without dates",           "checkin_date",  "/v1/properties/${p}/availability?adults=2"),
            get("an ARI feed that ends before it starts",   "to",            "/v1/properties/${p}/ari?from=2026-12-03&to=2026-12-01")
                    .as("channel"),
            get("an ARI feed of 367 nights",               "to",            "/v1/properties/${p}/ari?from=2026-12-01&to=2027-12-03")
                    .as("channel"),
            get("an ARI feed from before the business date", "from",        "/v1/properties/${p}/ari?from=2020-01-01&to=2020-01-05")
                    .as("channel"),
            get("an ARI feed from month 13",               "from",          "/v1/properties/${p}/ari?from=2026-13-01").as("channel"),
            get("an ARI feed of an unknown room type",     "room_type",     "/v1/properties/${p}/ari?room_type=PENTHOUSE")
                    .as("channel"),
            get("an ARI feed of an unknown rate plan",     "rate_plan",     "/v1/properties/${p}/ari?rate_plan=LOYAL")
                    .as("manager"),
            get("an ARI cursor the feed never gave",       "since",         "/v1/properties/${p}/ari?since=bm90LWEtY3Vyc29y")
                    .as("channel"),
            get("an ARI cursor that is not base64",        "since",         "/v1/properties/${p}/ari?since=%25%25").as("channel"),
            get("an ARI cursor from another property",     "since",         "/v1/properties/${p}/ari?since="
                    + AriCursor.of("01JF7Z3N5Q8K2M4P6R8T0V2X4Z", 0)).as("channel"),
            get("an unknown OpenTravel message",           "message",       "/v1/properties/${p}/ari?message=everything")
                    .as("channel"),
            get("a report that ends before it starts",     "to",            "/v1/properties/${p}/reports/occupancy?from=2026-12-03&to=2026-12-01")
                    .as("manager"),
            get("the books of a day not yet begun",        "date",          "/v1/properties/${p}/reports/finance?date=2099-01-01")
                    .as("auditor"),
            get("a journal in a format there is not",      "format",        "/v1/properties/${p}/reports/journal?format=xlsx")
                    .as("auditor"),
            get("an audit trail of an unknown entity",     "entity",        "/v1/properties/${p}/audit?entity=spaceship&id=x").as("manager"),
            // webhooks
            post("a webhook to an ftp URL", 400, "url", "/v1/properties/${p}/webhooks",
                    "{\"url\": \"ftp://files.example.com/in\", \"event_types\": [\"booking.created\"]}").as("manager"),
            post("a webhook to a URL with a password", 400, "url", "/v1/properties/${p}/webhooks",
                    "{\"url\": \"https://me:pw@127.0.0.1/in\", \"event_types\": [\"booking.created\"]}").as("manager"),
            post("a webhook to no URL at all", 400, "url", "/v1/properties/${p}/webhooks",
                    "{\"url\": \"not a url\", \"event_types\": [\"booking.created\"]}").as("manager"),
            post("a webhook without a URL", 400, "url", "/v1/properties/${p}/webhooks",
                    "{\"event_types\": [\"booking.created\"]}").as("manager"),
            post("a webhook without event types", 400, "event_types", "/v1/properties/${p}/webhooks",
                    "{\"url\": \"http://127.0.0.1:9/in\"}").as("manager"),
            post("a webhook of no event type", 400, "event_types", "/v1/properties/${p}/webhooks",
                    "{\"url\": \"http://127.0.0.1:9/in\", \"event_types\": []}").as("manager"),
            post("a webhook of an unknown event type", 400, "event_types[1]", "/v1/properties/${p}/webhooks",
                    "{\"url\": \"http://127.0.0.1:9/in\", \"event_types\": [\"booking.created\", \"booking.eaten\"]}")
                    .as("manager"),
            post("a webhook of a guest's events", 400, "event_types[0]", "/v1/properties/${p}/webhooks",
                    "{\"url\": \"http://127.0.0.1:9/in\", \"event_types\": [\"guest.registered\"]}").as("manager"),
            post("a redelivery of a position no event has", 400, "position",
                    "/v1/properties/${p}/webhooks/${webhook}/redeliveries", "{\"position\": 999999999}").as("manager"),
            post("a redelivery without a position", 400, "position",
                    "/v1/properties/${p}/webhooks/${webhook}/redeliveries", "{}").as("manager"),
            post("a replay from position 0", 400, "from_position",
                    "/v1/properties/${p}/webhooks/${webhook}/replay", "{\"from_position\": 0}").as("manager"),
            post("a replay from past the newest event", 400, "from_position",
                    "/v1/properties/${p}/webhooks/${webhook}/replay", "{\"from_position\": 999999999}").as("manager"),
            // If-Match
            new Case("a change without If-Match", 428, null, Method.PATCH, BOOKING, "front_desk", "application/json",
                    "{\"adults\": 1}"),
            new Case("an If-Match that is no version", 400, null, Method.PATCH, BOOKING, "front_desk", "application/json",
                    "{\"adults\": 1}", "If-Match", "yesterday"),
            new Case("an If-Match of another version", 409, null, Method.PATCH, BOOKING, "front_desk", "application/json",
                    "{\"adults\": 1}", "If-Match", "\"99\""),
            // ids in paths
            new Case("a booking id that no booking has", 404, null, Method.GET, BOOKINGS + "/not-a-booking-id", "front_desk",
                    null, null),
            new Case("a booking id with a quote and a space", 404, null, Method.GET, BOOKINGS + "/a'%20b", "front_desk",
                    null, null),
            new Case("a property id that is no id", 404, null, Method.GET, "/v1/properties/..%2F..", "admin", null, null),
            new Case("a guest id of 300 characters", 404, null, Method.GET, "/v1/guests/" + "g".repeat(300), "front_desk",
                    null, null));
    }
    // @formatter:on

    private static Lisbon lisbon;
    private static String booking;
    private static String externalRef;
    private static String webhook;

    BadInputTest(DirectClient client) {
        super(client);
        synchronized (BadInputTest.class) {
            if (lisbon == null) {
                lisbon = Lisbon.setUp(api, fixture);
                booking = lisbon.booking(lisbon.frontDesk, 5);
                externalRef = lisbon.channelBooking(lisbon.frontDesk);
                var created = api.post(lisbon.path("/webhooks"), lisbon.manager,
                        "{\"url\": \"http://127.0.0.1:9/in\", \"event_types\": [\"booking.created\"]}");
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                webhook = created.json().path("id").asText();
            }
        }
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_malformed_request_is_a_4xx_problem_that_changes_nothing(Case c) {
        String path = c.path().replace("${p}", lisbon.id).replace("${booking}", booking).replace("${external_ref}", externalRef)
                .replace("${webhook}", webhook);
        String body = c.body() == null ? null : c.body().replace("${booking_id}", booking);
        String key = switch (c.key()) {
            case "admin" -> lisbon.admin;
            case "manager" -> lisbon.manager;
            case "housekeeping" -> lisbon.housekeeping;
            case "auditor" -> lisbon.auditor;
            case "channel" -> lisbon.channel;
            default -> lisbon.frontDesk;
        };
        Snapshot before = Snapshot.of(fixture.hotel.storage(), PropertyId.of(lisbon.id));

        Api.Response response;
        try (CapturedLog log = new CapturedLog()) {
            response = api.call(c.method(), path, key, c.contentType(), body, c.headers());
            assertThat(log.text()).doesNotContain(CARD).doesNotContain("737");
        }

        assertThat(response.status()).as(response.toString()).isEqualTo(c.status());
        assertThat(response.contentType()).isEqualTo(Problem.MEDIA_TYPE);
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).startsWith(Problem.TYPE_BASE);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain(CARD).doesNotContain("4111 1111").doesNotContain("737")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.").doesNotContain("io.hotelkit")
                .doesNotContain("JsonToken").doesNotContain("HV0");
        if (c.field() != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(response.body()).contains(c.field());
            assertThat(problem.path("errors").findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
        }
        assertThat(Snapshot.of(fixture.hotel.storage(), PropertyId.of(lisbon.id))).isEqualTo(before);
        Api.Exchange exchange = api.exchanges().getLast();
        assertThat(OpenApiDocument.load().violations(exchange.method().text(), exchange.path(), response))
                .as("the refusal is documented").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void money_refusals_say_what_is_expected_not_which_java_type_failed() {
        String charges = lisbon.path("/bookings/" + booking + "/charges");
        java.util.function.Function<String, String> message = amount -> api.post(charges, lisbon.frontDesk,
                "{" + CHARGE + ", \"amount\": " + amount + "}").json().path("errors").get(0).path("message").asText();

        assertThat(message.apply("12.50")).contains("{\"amount\": \"12.50\", \"currency\": \"EUR\"}")
                .doesNotContain("io.hotelkit").doesNotContain("JsonToken");
        assertThat(message.apply("{\"amount\": \"1e10\", \"currency\": \"EUR\"}"))
                .contains("a decimal string such as \"12.50\" with at most 2 decimals for EUR");
        assertThat(message.apply("{\"amount\": \"12.505\", \"currency\": \"EUR\"}")).contains("at most 2 decimals for EUR");
        assertThat(message.apply("{\"amount\": \"12.50\", \"currency\": \"EURO\"}")).contains("ISO 4217")
                .contains("three capital letters");
    }

    /** What the hotel holds: if a refused request changed anything, one of these moved. */
    record Snapshot(long lastEvent, int properties, int bookings, List<Long> bookingVersions, int guests, int folioLines,
                    int payments, int invoices, int apiKeys) {

        static Snapshot of(Storage storage, PropertyId property) {
            List<Booking> bookings = storage.bookings().list(BookingFilter.ofProperty(property), null, 10_000);
            return new Snapshot(storage.outbox().lastPosition(), storage.properties().list(null, 10_000).size(),
                    bookings.size(), bookings.stream().map(Booking::version).toList(),
                    storage.guests().search(null, null, null, 10_000).size(),
                    bookings.stream().mapToInt(b -> storage.folios().findBy(b.id()).map(f -> f.lines().size()).orElse(0)).sum(),
                    bookings.stream().mapToInt(b -> storage.payments().ofBooking(b.id()).size()).sum(),
                    storage.invoices().list(property, null, 10_000).size(), storage.apiKeys().list().size());
        }
    }
}
