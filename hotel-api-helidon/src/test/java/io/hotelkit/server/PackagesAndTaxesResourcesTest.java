package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.access.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's packages and taxes over HTTP: a Lisbon property with Portugal's three VAT rates and the Lisbon
 * city tax, a family room with age bands, a plan with breakfast, parking and a spa credit; the offer's split,
 * the booking, the folio after the night audit and the invoice agree to the cent; bad input is 400 naming the field.
 */
@RoutingTest
class PackagesAndTaxesResourcesTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private static final AtomicInteger CODES = new AtomicInteger();
    private final String admin = fixture.key(Role.ADMIN);
    private String property;
    private String manager;
    private String frontDesk;
    private String today;

    PackagesAndTaxesResourcesTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private String path(String tail) {
        return "/v1/properties/" + property + tail;
    }

    private Api.Response createProperty(String tax) {
        return api.post("/v1/properties", admin, """
                {"code": "PT%d", "name": "Lisboa Familia", "timezone": "Europe/Lisbon", "currency": "EUR",
                 "check_in_time": "15:00", "check_out_time": "11:00", "business_date": "2026-11-25", "tax": %s}"""
                .formatted(CODES.incrementAndGet(), tax));
    }

    private void setUp() {
        var created = createProperty("""
                {"vat_included": true, "vat_rates": {"accommodation": 6, "food_and_beverage": 13, "other": 23},
                 "city_tax": {"basis": "per_person_night", "amount": {"amount": "2.00", "currency": "EUR"},
                              "exempt_under_age": 13, "max_nights": 7}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        property = created.json().path("id").asText();
        today = created.json().path("business_date").asText();
        manager = fixture.key(Role.MANAGER, property);
        frontDesk = fixture.key(Role.FRONT_DESK, property);
        expect(201, api.post(path("/room-types"), manager, """
                {"code": "FAM", "name": "Family", "max_adults": 4, "max_children": 3, "max_occupancy": 6,
                 "age_bands": [{"code": "INFANT", "min_age": 0, "max_age": 2, "price": "free"},
                               {"code": "CHILD", "min_age": 3, "max_age": 12, "price": "child"}]}"""));
        expect(201, api.post(path("/rooms"), manager, "{\"number\": \"301\", \"room_type\": \"FAM\"}"));
        expect(201, api.post(path("/rate-plans"), manager, """
                {"code": "BB", "name": "Bed, breakfast and spa",
                 "cancellation_policy": {"free_until_days_before": 1, "penalty": "first_night"},
                 "packages": [
                   {"code": "BRK", "name": "Breakfast", "category": "breakfast", "basis": "per_person_night",
                    "price": {"amount": "12.50", "currency": "EUR"}},
                   {"code": "PARK", "name": "Parking", "category": "parking", "basis": "per_night",
                    "price": {"amount": "15.00", "currency": "EUR"}},
                   {"code": "SPA", "name": "Spa credit", "category": "spa", "basis": "per_stay",
                    "price": {"amount": "40.00", "currency": "EUR"}}]}"""));
        expect(204, api.put(path("/rate-plans/BB/prices"), manager, """
                [{"room_type": "FAM", "from": "%s", "to": "2027-01-31", "amount": {"amount": "100.00", "currency": "EUR"},
                  "extra_adult": {"amount": "30.00", "currency": "EUR"},
                  "extra_child": {"amount": "15.00", "currency": "EUR"}}]""".formatted(today)));
    }

    @Test
    void a_family_night_is_split_alike_in_the_offer_the_folio_and_the_invoice() {
        setUp();
        var property = api.get(path(""), frontDesk).json();
        assertThat(property.path("tax").path("vat_rates").path("food_and_beverage").decimalValue()).isEqualByComparingTo("13");
        assertThat(property.path("tax").path("city_tax").path("exempt_under_age").asInt()).isEqualTo(13);
        assertThat(api.get(path("/rate-plans/BB"), frontDesk).json().path("packages")).hasSize(3);
        assertThat(api.get(path("/room-types/FAM"), frontDesk).json().path("age_bands")).hasSize(2);

        String stay = "checkin_date=" + today + "&checkout_date=2026-11-26&adults=2&children_ages=1,8,14";
        var plain = expect(200, api.get(path("/availability?" + stay), frontDesk)).json().path("offers").get(0);
        var offer = expect(200, api.get(path("/availability?" + stay + "&breakdown=true"), frontDesk)).json().path("offers").get(0);
        // room 100 + 30 (the 14-year-old, past every band, as an adult) + 15 (the child; the infant free) = 145.00;
        // breakfast 5 x 12.50, parking 15.00, spa 40.00, city tax 3 x 2.00 (the infant and the child are under 13)
        assertThat(plain.has("charges")).isFalse();
        assertThat(offer.path("total").path("amount").asText()).isEqualTo("268.50");
        assertThat(offer.path("nightly").get(0).path("amount").path("amount").asText()).isEqualTo("145.00");
        Map<String, String> charges = new HashMap<>();
        offer.path("charges").forEach(c -> charges.put(c.path("code").asText(), c.path("amount").path("amount").asText()));
        assertThat(charges).containsExactlyInAnyOrderEntriesOf(Map.of("room", "145.00", "BRK", "62.50", "PARK", "15.00",
                "SPA", "40.00", "city_tax", "6.00"));
        assertThat(vatByRate(offer.path("vat"))).containsExactlyInAnyOrderEntriesOf(Map.of("6", "8.21", "13", "7.19", "23", "10.28"));

        var booking = expect(201, api.post(path("/bookings"), frontDesk, """
                {"guest": {"name": "Ana Silva", "email": "familia@example.com"}, "room_type": "FAM", "rate_plan": "BB",
                 "checkin_date": "%s", "checkout_date": "2026-11-26", "adults": 2, "children_ages": [1, 8, 14]}"""
                .formatted(today))).json();
        assertThat(booking.path("total").path("amount").asText()).isEqualTo("268.50");
        assertThat(booking.path("children").asInt()).isEqualTo(3);
        assertThat(booking.path("children_ages").toString()).isEqualTo("[1,8,14]");
        String id = booking.path("id").asText();
        expect(200, api.post(path("/bookings/" + id + "/check-in"), frontDesk));
        expect(200, api.post(path("/night-audit"), manager));

        var folio = expect(200, api.get(path("/bookings/" + id + "/folio"), frontDesk)).json();
        assertThat(folio.path("charges").path("amount").asText()).isEqualTo("268.50");
        Map<String, String> rates = new HashMap<>();
        folio.path("lines").forEach(line -> rates.put(line.path("kind").asText() + ":" + line.path("category").asText(),
                line.path("vat_percent").isMissingNode() ? "none" : line.path("vat_percent").decimalValue().toPlainString()));
        assertThat(rates).containsExactlyInAnyOrderEntriesOf(Map.of("room:room", "6", "package:breakfast", "13",
                "package:parking", "23", "package:spa", "23", "city_tax:city_tax", "none"));

        var invoice = expect(201, api.post(path("/bookings/" + id + "/invoices"), frontDesk)).json();
        assertThat(invoice.path("total").path("amount").asText()).isEqualTo("268.50");
        assertThat(invoice.path("vat").path("amount").asText()).isEqualTo("25.68");
        assertThat(vatByRate(invoice.path("vat_breakdown"))).isEqualTo(vatByRate(offer.path("vat")));
    }

    @Test
    void a_property_made_with_today_s_body_answers_as_before() {
        var created = createProperty("""
                {"vat_percent": 6, "vat_included": false, "city_tax_per_person_night": {"amount": "2.00", "currency": "EUR"}}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("tax").toString()).isEqualTo(
                "{\"vat_percent\":6,\"vat_included\":false,\"city_tax_per_person_night\":{\"amount\":\"2.00\",\"currency\":\"EUR\"}}");
    }

    @Test
    void bad_ages_bands_packages_and_taxes_are_400_naming_the_field() {
        setUp();
        String stay = path("/availability?checkin_date=" + today + "&checkout_date=2026-11-26&adults=2");
        assertThat(field(api.get(stay + "&children_ages=4,x", frontDesk))).isEqualTo("children_ages");
        assertThat(field(api.get(stay + "&children_ages=4,18", frontDesk))).isEqualTo("children_ages");
        assertThat(field(api.get(stay + "&children=1&children_ages=4,11", frontDesk))).isEqualTo("children_ages");
        assertThat(field(api.get(stay + "&breakdown=yes", frontDesk))).isEqualTo("breakdown");
        assertThat(field(api.post(path("/bookings"), frontDesk, """
                {"guest": {"name": "Ana Silva", "email": "ages@example.com"}, "room_type": "FAM", "rate_plan": "BB",
                 "checkin_date": "%s", "checkout_date": "2026-11-26", "adults": 2, "children": 1, "children_ages": [4, 11]}"""
                .formatted(today)))).isEqualTo("children_ages");
        assertThat(field(api.post(path("/room-types"), manager, """
                {"code": "BAD", "name": "Bad", "max_adults": 2, "max_children": 2, "max_occupancy": 4,
                 "age_bands": [{"code": "A", "min_age": 0, "max_age": 5, "price": "free"},
                               {"code": "B", "min_age": 5, "max_age": 12, "price": "child"}]}"""))).isEqualTo("age_bands[1]");
        assertThat(field(api.post(path("/rate-plans"), manager, """
                {"code": "BAD", "name": "Bad", "cancellation_policy": {"free_until_days_before": 1, "penalty": "first_night"},
                 "packages": [{"code": "X", "name": "X", "category": "room", "basis": "per_night",
                               "price": {"amount": "1.00", "currency": "EUR"}}]}"""))).isEqualTo("packages[0].category");
        assertThat(field(createProperty("""
                {"vat_included": true, "city_tax_per_person_night": {"amount": "2.00", "currency": "EUR"}}""")))
                .isEqualTo("tax.vat_percent");
        assertThat(field(createProperty("""
                {"vat_percent": 6, "vat_included": true, "city_tax": {"basis": "percent_of_room", "percent": 1,
                 "amount": {"amount": "2.00", "currency": "EUR"}}}"""))).isEqualTo("tax.city_tax.amount");
        assertThat(api.get(path("/rate-plans/BAD"), manager).status()).isEqualTo(404);
        assertThat(api.get(path("/room-types/BAD"), manager).status()).isEqualTo(404);
    }

    private static Map<String, String> vatByRate(JsonNode lines) {
        Map<String, String> vat = new HashMap<>();
        lines.forEach(line -> vat.put(line.path("percent").decimalValue().stripTrailingZeros().toPlainString(),
                line.path("vat").path("amount").asText()));
        return vat;
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asText();
    }

    private static Api.Response expect(int status, Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
