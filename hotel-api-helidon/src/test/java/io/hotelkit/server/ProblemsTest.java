package io.hotelkit.server;

import static io.hotelkit.access.Role.FRONT_DESK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@RoutingTest
class ProblemsTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private static final String VALID = """
            {"name": "lamp", "price": {"amount": "12.50", "currency": "EUR"}, "size": 2, "made_on": "2026-11-01"}""";

    private final String key = fixture.key(FRONT_DESK);

    ProblemsTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private Api.Response create(String json) {
        return api.post("/v1/properties/P1/widgets", key, json);
    }

    private static List<String> fields(Api.Response response) {
        return response.json().path("errors").findValuesAsText("field");
    }

    @Test
    void a_valid_body_is_created() {
        var response = create(VALID);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("price").path("amount").asText()).isEqualTo("12.50");
        assertThat(response.json().path("made_on").asText()).isEqualTo("2026-11-01");
    }

    @Test
    void malformed_json_is_400_without_quoting_the_body() {
        var response = create("{\"name\": \"jane@example.com");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.problem()).isEqualTo("malformed-json");
        assertThat(response.body()).doesNotContain("jane@example.com");
    }

    @Test
    void a_missing_body_is_400() {
        var response = api.call(Method.POST, "/v1/properties/P1/widgets", key, null, null);

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void an_unknown_field_is_400_naming_it() {
        var response = create(VALID.replace("\"size\": 2", "\"size\": 2, \"discount\": true"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problem()).isEqualTo("invalid-request");
        assertThat(fields(response)).containsExactly("discount");
    }

    @Test
    void an_unknown_field_in_a_nested_object_is_named_by_its_path() {
        var response = create(VALID.replace("\"currency\": \"EUR\"", "\"currency\": \"EUR\", \"rate\": \"1\""));

        assertThat(fields(response)).containsExactly("price.rate");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"size\": 2         | \"size\": \"2\"           | size",
        "\"size\": 2         | \"size\": 2.5             | size",
        "\"name\": \"lamp\"  | \"name\": 7               | name",
        "\"made_on\": \"2026-11-01\" | \"made_on\": \"01.11.2026\" | made_on",
        "\"made_on\": \"2026-11-01\" | \"made_on\": \"2026-11-01T10:00:00Z\" | made_on",
    })
    void a_value_of_the_wrong_type_is_400_naming_the_field(String from, String to, String field) {
        var response = create(VALID.replace(from, to));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(fields(response)).containsExactly(field);
    }

    @Test
    void money_as_a_json_number_is_refused() {
        var response = create(VALID.replace("\"amount\": \"12.50\"", "\"amount\": 12.50"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("price.amount");
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("decimal string");
    }

    @Test
    void money_with_more_decimals_than_its_currency_is_400() {
        var response = create(VALID.replace("\"12.50\"", "\"12.505\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("price");
    }

    @Test
    void money_in_an_unknown_currency_is_400() {
        var response = create(VALID.replace("\"EUR\"", "\"XYZW\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("price");
    }

    @Test
    void failed_validation_lists_every_field_by_its_json_path() {
        var response = create("""
                {"name": " ", "price": {"amount": "1.00", "currency": "EUR"}, "size": 0, "made_on": "2026-11-01",
                 "parts": [{"code": "A", "count": 1}, {"code": "", "count": 0}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problem()).isEqualTo("invalid-request");
        assertThat(fields(response)).containsExactly("name", "parts[1].code", "parts[1].count", "size");
        for (JsonNode error : response.json().path("errors")) {
            assertThat(error.path("message").asText()).isNotBlank();
        }
    }

    @Test
    void a_missing_required_field_is_400() {
        var response = create(VALID.replace(", \"made_on\": \"2026-11-01\"", ""));

        assertThat(fields(response)).containsExactly("made_on");
    }

    @Test
    void a_card_number_anywhere_in_a_body_is_refused_without_echoing_it() {
        var response = create(VALID.replace("\"size\": 2", "\"size\": 2, \"parts\": [{\"code\": \"A\", \"count\": 1, "
                + "\"extra\": {\"Card-Number\": \"4111111111111111\"}}]"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problem()).isEqualTo("card-data-refused");
        assertThat(fields(response)).containsExactly("parts[0].extra.Card-Number");
        assertThat(response.body()).doesNotContain("4111111111111111");
    }

    @Test
    void a_cvv_is_refused_even_where_unknown_fields_would_be() {
        var response = create(VALID.replace("\"size\": 2", "\"size\": 2, \"cvv\": \"123\""));

        assertThat(response.problem()).isEqualTo("card-data-refused");
    }

    @Test
    void a_body_over_one_mebibyte_is_413() {
        String padding = " ".repeat(Bodies.MAX_BYTES);
        var response = create(VALID + padding);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.problem()).isEqualTo("payload-too-large");
    }

    @Test
    void a_body_of_exactly_one_mebibyte_is_read() {
        String padding = " ".repeat(Bodies.MAX_BYTES - VALID.length());

        assertThat(create(VALID + padding).status()).isEqualTo(201);
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        var response = api.call(Method.POST, "/v1/properties/P1/widgets", key, "text/plain", VALID);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.problem()).isEqualTo("unsupported-media-type");
    }

    @Test
    void json_with_a_charset_is_json() {
        var response = api.call(Method.POST, "/v1/properties/P1/widgets", key, "application/json; charset=UTF-8",
                VALID);

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void an_unknown_route_is_404() {
        var response = api.get("/v1/no-such-thing", key);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.problem()).isEqualTo("not-found");
    }

    @Test
    void a_method_a_path_has_no_route_for_is_405_with_allow() {
        var response = api.delete("/v1/properties/P1/widgets", key);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.problem()).isEqualTo("method-not-allowed");
        assertThat(response.header("Allow")).contains("GET, POST");
    }

    @ParameterizedTest
    @CsvSource({
        "not-found,       404, not-found",
        "not-available,   409, not-available",
        "version,         409, version-conflict",
        "custom-conflict, 409, custom-refusal",
        "duplicate,       409, duplicate",
        "reused,          422, idempotency-key-reused",
        "store,           503, store-unavailable",
        "gateway,         502, payment-gateway-failed",
        "circuit-open,    502, payment-gateway-unavailable",
        "invalid-field,   400, invalid-request",
        "illegal,         400, invalid-request",
        "currency,        400, currency-mismatch",
        "unexpected,      500, internal-error",
    })
    void each_exception_becomes_its_problem(String kind, int status, String code) {
        var response = api.get("/v1/properties/P1/failures/" + kind, key);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo("https://hotelkit.io/problems/" + code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @Test
    void a_stay_that_cannot_be_sold_says_why() {
        var response = api.get("/v1/properties/P1/failures/not-available", key);

        assertThat(response.json().path("reason").asText()).isEqualTo("sold_out");
    }

    @Test
    void a_field_the_domain_refuses_is_named_in_the_errors() {
        var response = api.get("/v1/properties/P1/failures/invalid-field", key);

        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("checkin_date");
    }

    @Test
    void a_duplicate_names_the_existing_id() {
        var response = api.get("/v1/properties/P1/failures/duplicate", key);

        assertThat(response.json().path("existing_id").asText()).isEqualTo("G1");
    }

    @Test
    void an_unexpected_error_tells_nothing_of_its_cause() {
        var response = api.get("/v1/properties/P1/failures/unexpected", key);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body())
                .doesNotContain("jane@example.com")
                .doesNotContain("db.internal")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at io.hotelkit");
    }

    @Test
    void an_unreachable_store_tells_nothing_of_the_database() {
        var response = api.get("/v1/properties/P1/failures/store", key);

        assertThat(response.body()).doesNotContain("db.internal").doesNotContain("5432").doesNotContain("user");
    }

    @Test
    void an_unreachable_store_is_logged_without_its_drivers_message() {
        try (CapturedLog log = new CapturedLog()) {
            api.get("/v1/properties/P1/failures/store", key);

            assertThat(log.text()).contains("store unavailable", "java.sql.SQLException")
                    .doesNotContain("db.internal").doesNotContain("for user");
        }
    }

    @Test
    void the_log_of_an_unexpected_error_has_its_trace_but_not_its_message() {
        var error = new IllegalStateException("guest jane@example.com",
                new IllegalArgumentException("phone +41 79 000 00 00"));

        String logged = Problems.withoutMessages(error);

        assertThat(logged).contains("java.lang.IllegalStateException", "caused by java.lang.IllegalArgumentException",
                "at io.hotelkit.server.ProblemsTest");
        assertThat(logged).doesNotContain("jane@example.com").doesNotContain("+41");
    }
}
