package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.access.Role;
import org.junit.jupiter.api.Test;

@RoutingTest
class PropertiesResourceTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private final String admin = fixture.key(Role.ADMIN);

    PropertiesResourceTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private static String property(String code, String extra) {
        return """
                {"code": "%s", "name": "Porto Bay", "timezone": "Europe/Lisbon", "currency": "EUR",
                 "check_in_time": "14:00", "check_out_time": "11:00"%s}""".formatted(code, extra);
    }

    @Test
    void an_admin_opens_a_property_whose_business_date_is_today_where_it_is() {
        var created = api.post("/v1/properties", admin, property("OPO", ""));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var body = created.json();
        assertThat(body.path("business_date").asText()).isEqualTo("2026-11-25");
        assertThat(body.path("check_in_time").asText()).isEqualTo("14:00");
        assertThat(body.path("max_stay_nights").asInt()).isEqualTo(30);
        assertThat(body.path("tax").path("city_tax_per_person_night").path("amount").asText()).isEqualTo("0.00");
        assertThat(created.header("Location")).contains("/v1/properties/" + body.path("id").asText());
        assertThat(api.get("/v1/properties/" + body.path("id").asText(), admin).json()).isEqualTo(body);
    }

    @Test
    void a_hotel_moving_from_another_system_may_start_on_an_earlier_business_date() {
        var created = api.post("/v1/properties", admin, property("MIG", ", \"business_date\": \"2026-01-01\""));

        assertThat(created.json().path("business_date").asText()).isEqualTo("2026-01-01");
    }

    @Test
    void a_taken_code_is_409_with_the_existing_id() {
        String first = api.post("/v1/properties", admin, property("DUP", "")).json().path("id").asText();

        var again = api.post("/v1/properties", admin, property("DUP", ""));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("duplicate");
        assertThat(again.json().path("existing_id").asText()).isEqualTo(first);
    }

    @Test
    void an_unknown_timezone_or_currency_is_400_naming_the_field() {
        var zone = api.post("/v1/properties", admin, property("TZ", "").replace("Europe/Lisbon", "Mars/Olympus"));
        var money = api.post("/v1/properties", admin, property("CUR", "").replace("EUR", "XYZ"));

        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().path("errors").get(0).path("field").asText()).isEqualTo("timezone");
        assertThat(money.status()).isEqualTo(400);
        assertThat(money.json().path("errors").get(0).path("field").asText()).isEqualTo("currency");
    }

    @Test
    void a_city_tax_in_another_currency_than_the_property_is_400() {
        var created = api.post("/v1/properties", admin, property("USD", """
                , "tax": {"vat_percent": 7.5, "vat_included": true,
                          "city_tax_per_person_night": {"amount": "1.00", "currency": "USD"}}"""));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.problem()).isEqualTo("currency-mismatch");
    }

    @Test
    void only_admins_open_properties() {
        assertThat(api.post("/v1/properties", fixture.key(Role.MANAGER), property("MGR", "")).status()).isEqualTo(403);
    }

    @Test
    void a_scoped_key_lists_only_its_properties_and_every_role_reads_them() {
        String mine = api.post("/v1/properties", admin, property("MINE", "")).json().path("id").asText();
        api.post("/v1/properties", admin, property("THEIRS", ""));
        String channel = fixture.key(Role.CHANNEL, mine);

        var listed = api.get("/v1/properties", channel).json();

        assertThat(listed.path("items")).hasSize(1);
        assertThat(listed.path("items").get(0).path("id").asText()).isEqualTo(mine);
        assertThat(listed.path("next_cursor").isNull()).isTrue();
        assertThat(api.get("/v1/properties/" + mine, fixture.key(Role.HOUSEKEEPING, mine)).status()).isEqualTo(200);
    }

    @Test
    void properties_are_paged_with_cursors() {
        for (int i = 0; i < 3; i++) {
            api.post("/v1/properties", admin, property("PAGE" + i, ""));
        }
        var first = api.get("/v1/properties?limit=2", admin).json();
        var second = api.get("/v1/properties?limit=2&cursor=" + first.path("next_cursor").asText(), admin).json();

        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("items").get(0).path("id").asText())
                .isGreaterThan(first.path("items").get(1).path("id").asText());
    }

    @Test
    void an_unknown_property_is_404() {
        assertThat(api.get("/v1/properties/NOPE", admin).status()).isEqualTo(404);
    }
}
