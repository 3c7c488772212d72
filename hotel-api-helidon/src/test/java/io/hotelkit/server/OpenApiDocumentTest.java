package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * openapi.yaml is a valid OpenAPI 3 document that documents, for every {@code /v1} operation, each status
 * the server can answer it: the refusals every route can meet, and those that come with a body, a path
 * id, a query, an idempotency key, a version or the payment gateway. That real responses match its
 * schemas is checked on the whole stay ({@link StayOverHttp}); here, that the checker itself catches
 * what it must.
 */
class OpenApiDocumentTest {

    private static final Set<String> ALL_ROLES = Arrays.stream(io.hotelkit.access.Role.values()).map(Roles::wire)
            .collect(Collectors.toSet());

    private final OpenApiDocument document = OpenApiDocument.load();

    @Test
    void the_document_is_valid_openapi_3() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(yaml, null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void every_example_in_the_document_matches_its_schema() {
        assertThat(document.exampleViolations()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_v1_operation_documents_each_status_it_can_answer() {
        Map<String, List<String>> missing = new TreeMap<>();
        document.paths().forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!path.startsWith("/v1/") || !(value instanceof Map)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            Set<String> documented = ((Map<String, Object>) operation.get("responses")).keySet();
            List<String> parameters = parameters(operation);
            // Every route meets an unknown key, a rate limit and an unreachable database; a forbidden role
            // unless every role may call it.
            List<String> expected = new ArrayList<>(List.of("401", "429", "503"));
            if (!Set.copyOf((List<String>) operation.get("x-roles")).equals(ALL_ROLES)) {
                expected.add("403");
            }
            boolean body = operation.containsKey("requestBody");
            if (body || parameters.stream().anyMatch(p -> p.startsWith("query") || p.startsWith("header"))) {
                expected.add("400");
            }
            if (body) {
                expected.addAll(List.of("413", "415"));
            }
            if (path.contains("{")) {
                expected.add("404");
            }
            if (parameters.contains("header Idempotency-Key")) {
                expected.addAll(List.of("409", "422"));
            }
            if (parameters.contains("header If-Match")) {
                expected.addAll(List.of("409", "428"));
            }
            if (parameters.contains("header If-Match (optional)")) {
                expected.add("409");
            }
            if (path.endsWith("/payments") || path.endsWith("/refunds")) {
                expected.add("502");
            }
            List<String> absent = expected.stream().filter(status -> !documented.contains(status)).toList();
            if (!absent.isEmpty()) {
                missing.put(method.toUpperCase(Locale.ROOT) + " " + path, absent);
            }
        }));

        assertThat(missing).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> parameters(Map<String, Object> operation) {
        List<String> found = new ArrayList<>();
        for (Object parameter : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> p = (Map<String, Object>) parameter;
            if (p.containsKey("$ref")) {
                String name = ((String) p.get("$ref")).replaceAll(".*/", "");
                p = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) loadComponents().get("parameters")))
                        .get(name);
            }
            // An optional header cannot be missing: a route that takes If-Match without requiring it never answers 428.
            found.add(p.get("in") + " " + p.get("name") + (Boolean.FALSE.equals(p.get("required")) ? " (optional)" : ""));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loadComponents() {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(in);
            return (Map<String, Object>) yaml.get("components");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Response json(int status, String body, String... headers) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.put("Content-Type", status >= 400 ? Problem.MEDIA_TYPE : "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return new Api.Response(status, all, body);
    }

    private static final String MONEY = "{\"amount\": \"1.00\", \"currency\": \"EUR\"}";
    private static final String LINE = "{\"id\": \"L1\", \"date\": \"2026-11-25\", \"kind\": \"extra\", \"description\": \"Bar\","
            + " \"amount\": " + MONEY + ", \"posted_at\": \"2026-11-25T20:00:00Z\"}";

    @Test
    void the_checker_passes_a_response_as_documented() {
        var folio = json(200, "{\"booking_id\": \"B1\", \"lines\": [" + LINE + "], \"charges\": " + MONEY
                + ", \"balance\": " + MONEY + "}");

        assertThat(document.violations("GET", "/v1/properties/P1/bookings/B1/folio", folio)).isEmpty();
    }

    @Test
    void the_checker_finds_an_undocumented_field_a_missing_one_a_wrong_type_format_and_enum() {
        var folio = json(200, "{\"booking_id\": 7, \"lines\": [" + LINE.replace("\"extra\"", "\"bribe\"")
                .replace("2026-11-25T20:00:00Z", "yesterday") + "], \"balance\": " + MONEY + ", \"secret\": true}");

        assertThat(String.join("\n", document.violations("GET", "/v1/properties/P1/bookings/B1/folio", folio)))
                .contains("$.booking_id is number, not string")
                .contains("$.lines[0].kind is 'bribe'")
                .contains("$.lines[0].posted_at is not an RFC 3339 instant")
                .contains("$.charges is required, missing")
                .contains("$.secret is not documented");
    }

    @Test
    void the_checker_finds_an_undocumented_status_media_type_and_header() {
        assertThat(document.violations("GET", "/v1/properties/P1/bookings/B1/folio", json(418, "{}"))).isNotEmpty();
        assertThat(document.violations("DELETE", "/v1/properties/P1/bookings/B1/folio", json(200, "{}"))).isNotEmpty();
        var xml = new Api.Response(200, Map.of("Content-Type", "application/xml"), "<folio/>");
        assertThat(document.violations("GET", "/v1/properties/P1/bookings/B1/folio", xml)).isNotEmpty();
        var located = json(200, "{\"booking_id\": \"B1\", \"lines\": [], \"charges\": " + MONEY + ", \"balance\": " + MONEY + "}",
                "Location", "/elsewhere");
        assertThat(document.violations("GET", "/v1/properties/P1/bookings/B1/folio", located))
                .singleElement().asString().contains("Location");
    }

    @Test
    void the_most_literal_template_is_the_one_a_path_is_of() {
        assertThat(document.template("/v1/properties/P1/rooms/101/out-of-order")).isEqualTo("/v1/properties/{propertyId}/rooms/{roomNumber}/out-of-order");
        assertThat(document.template("/v1/properties/P1/reports/occupancy")).isEqualTo("/v1/properties/{propertyId}/reports/occupancy");
        assertThat(document.template("/v1/guests/G1/export")).isEqualTo("/v1/guests/{guestId}/export");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_v1_response_but_401_documents_the_rate_limit_headers_it_is_sent_with() {
        Map<String, Object> yaml = loadDocument();
        Map<String, Object> responsesByName = (Map<String, Object>) ((Map<String, Object>) yaml.get("components")).get("responses");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (var path : ((Map<String, Map<String, Object>>) yaml.get("paths")).entrySet()) {
            if (!path.getKey().startsWith("/v1")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                var responses = (Map<String, Object>) ((Map<String, Object>) operation.getValue()).get("responses");
                for (var response : responses.entrySet()) {
                    if (response.getKey().equals("401")) {
                        continue; // no key, no bucket
                    }
                    Map<String, Object> documented = (Map<String, Object>) response.getValue();
                    if (documented.containsKey("$ref")) {
                        documented = (Map<String, Object>) responsesByName.get(((String) documented.get("$ref")).replaceAll(".*/", ""));
                    }
                    var headers = (Map<String, Object>) documented.getOrDefault("headers", Map.of());
                    checked++;
                    if (!headers.keySet().containsAll(List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"))) {
                        missing.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(400);
        assertThat(missing).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_rate_plans_derived_from_is_an_object_or_null_as_openapi_3_0_reads_it() {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) loadDocument().get("components")).get("schemas");
        Map<String, Object> derivedFrom = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) schemas
                .get("RatePlan")).get("properties")).get("derived_from");

        // nullable counts only beside a type in OpenAPI 3.0
        assertThat(derivedFrom).containsEntry("type", "object").containsEntry("nullable", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_night_audits_refusal_says_the_rule_the_server_applies() {
        Map<String, Object> audit = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) loadDocument()
                .get("paths")).get("/v1/properties/{propertyId}/night-audit")).get("post");

        assertThat((String) audit.get("description")).contains("before 18:00 of the business date")
                .doesNotContain("has not begun");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loadDocument() {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            return new org.yaml.snakeyaml.Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
