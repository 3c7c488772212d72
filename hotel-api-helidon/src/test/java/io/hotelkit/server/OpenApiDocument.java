package io.hotelkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The server's OpenAPI document ({@code META-INF/openapi.yaml}), read as plain maps, and a small checker
 * of real responses against it: the operation and the status are documented, the body is of a documented
 * media type and matches the schema (required fields present, types, formats and enums right, and no field
 * the schema does not name), and the headers the server sends that a client acts on are documented.
 */
final class OpenApiDocument {

    /** Headers a response documents where it sends them: RateLimit-* too, on every response that carries them. */
    private static final Set<String> DOCUMENTED_HEADERS = Set.of("Location", "ETag", "Idempotent-Replayed", "Retry-After",
            "WWW-Authenticate", "Allow", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    private final Map<String, Object> document;

    private OpenApiDocument(Map<String, Object> document) {
        this.document = document;
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new OpenApiDocument(yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML as JSON reads it: {@code 2026-12-01} stays the string a client sends, not a {@code Date}. */
    private static Yaml yaml() {
        Resolver withoutTimestamps = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(Tag.INT, INT, "-+0123456789");
                addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(Tag.MERGE, MERGE, "<");
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
                new DumperOptions(), new LoaderOptions(), withoutTimestamps);
    }

    /**
     * What is wrong with the document's own examples: each request and response example, and each
     * example of a schema, checked against its schema.
     */
    @SuppressWarnings("unchecked")
    List<String> exampleViolations() {
        List<String> found = new ArrayList<>();
        paths().forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!(value instanceof Map)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            String where = method.toUpperCase(Locale.ROOT) + " " + path;
            Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
            if (requestBody != null) {
                examples((Map<String, Object>) resolve(requestBody).get("content"), where + " request", found);
            }
            ((Map<Object, Object>) operation.get("responses")).forEach((status, response) -> examples(
                    (Map<String, Object>) resolve((Map<String, Object>) response).get("content"), where + " " + status, found));
        }));
        ((Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas"))
                .forEach((name, schema) -> schemaExamples((Map<String, Object>) schema, name, found));
        return found;
    }

    @SuppressWarnings("unchecked")
    private void examples(Map<String, Object> content, String where, List<String> found) {
        if (content == null) {
            return;
        }
        content.forEach((mediaType, value) -> {
            Map<String, Object> media = (Map<String, Object>) value;
            if (media.containsKey("example") && mediaType.endsWith("json")) {
                check(media.get("schema"), Json.mapper().valueToTree(media.get("example")), "example", where, found);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void schemaExamples(Map<String, Object> schema, String where, List<String> found) {
        if (schema.containsKey("example") && !schema.containsKey("$ref")) {
            check(schema, Json.mapper().valueToTree(schema.get("example")), "example", where, found);
        }
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        properties.forEach((name, property) -> schemaExamples((Map<String, Object>) property, where + "." + name, found));
        if (schema.get("items") instanceof Map<?, ?> items) {
            schemaExamples((Map<String, Object>) items, where + "[]", found);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> paths() {
        return (Map<String, Map<String, Object>>) document.get("paths");
    }

    /** The path template of the document that {@code path} (without query) is an instance of, the most literal one. */
    String template(String path) {
        String[] segments = path.split("/");
        String best = null;
        int bestLiterals = -1;
        for (String template : paths().keySet()) {
            String[] parts = template.split("/");
            if (parts.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{")) {
                    continue;
                }
                matches = parts[i].equals(segments[i]);
                literals++;
            }
            if (matches && literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return best;
    }

    /**
     * What is wrong with an exchange by this document: its response (see below), the query parameters it
     * sent that the operation does not name, and, when the server took the request, a body the operation's
     * request schema does not describe. Empty when nothing is.
     */
    @SuppressWarnings("unchecked")
    List<String> violations(Api.Exchange exchange) {
        String method = exchange.method().text();
        List<String> found = new ArrayList<>(violations(method, exchange.path(), exchange.response()));
        String template = template(exchange.path());
        Map<String, Object> operation = template == null ? null
                : (Map<String, Object>) paths().get(template).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            return found;
        }
        String where = method + " " + exchange.path();
        Set<String> named = new LinkedHashSet<>();
        for (Object parameter : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> resolved = resolve((Map<String, Object>) parameter);
            if ("query".equals(resolved.get("in"))) {
                named.add((String) resolved.get("name"));
            }
        }
        for (String name : exchange.query()) {
            if (!named.contains(name)) {
                found.add(where + ": query parameter " + name + " is not documented");
            }
        }
        int status = exchange.response().status();
        if (exchange.body() != null && status >= 200 && status < 300) {
            Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
            Map<String, Object> media = requestBody == null ? null
                    : (Map<String, Object>) ((Map<String, Object>) resolve(requestBody).get("content")).get("application/json");
            if (media == null) {
                found.add(where + ": takes a JSON body, documents none");
            } else {
                check(media.get("schema"), Json.read(exchange.body(), JsonNode.class), "request", where, found);
            }
        }
        return found;
    }

    /**
     * What is wrong with {@code body} as the request body of {@code method template} by this document:
     * empty when the document allows it.
     */
    @SuppressWarnings("unchecked")
    List<String> requestViolations(String method, String template, JsonNode body) {
        Map<String, Object> operation = (Map<String, Object>) paths().get(template).get(method.toLowerCase(Locale.ROOT));
        Map<String, Object> requestBody = resolve((Map<String, Object>) operation.get("requestBody"));
        Map<String, Object> media = (Map<String, Object>) ((Map<String, Object>) requestBody.get("content")).get("application/json");
        List<String> found = new ArrayList<>();
        check(media.get("schema"), body, "request", method + " " + template, found);
        return found;
    }

    /** What is wrong with {@code response} to {@code method path} by this document; empty when nothing is. */
    @SuppressWarnings("unchecked")
    List<String> violations(String method, String path, Api.Response response) {
        List<String> found = new ArrayList<>();
        String where = method + " " + path + " " + response.status();
        String template = template(path);
        if (template == null) {
            return List.of(where + ": no such path in the document");
        }
        Map<String, Object> operation = (Map<String, Object>) paths().get(template).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            return List.of(where + ": " + method + " " + template + " is not documented");
        }
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        Map<String, Object> documented = (Map<String, Object>) responses.get(Integer.toString(response.status()));
        if (documented == null) {
            return List.of(where + ": status " + response.status() + " is not documented for " + method + " " + template);
        }
        documented = resolve(documented);
        Map<String, Object> headers = (Map<String, Object>) documented.getOrDefault("headers", Map.of());
        for (String header : DOCUMENTED_HEADERS) {
            if (response.header(header).isPresent() && !headers.containsKey(header)) {
                found.add(where + ": sends header " + header + ", not documented");
            }
        }
        if (response.body().isEmpty()) {
            if (documented.containsKey("content")) {
                found.add(where + ": documents a body, sends none");
            }
            return found;
        }
        Map<String, Object> content = (Map<String, Object>) documented.getOrDefault("content", Map.of());
        String mediaType = response.contentType().replaceAll(";.*", "").strip();
        Map<String, Object> media = (Map<String, Object>) content.get(mediaType);
        if (media == null) {
            found.add(where + ": sends " + mediaType + ", documents " + content.keySet());
            return found;
        }
        if (mediaType.endsWith("json")) {
            check(media.get("schema"), response.json(), "$", where, found);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> node) {
        while (node.containsKey("$ref")) {
            Object target = document;
            for (String part : ((String) node.get("$ref")).substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(part);
            }
            node = (Map<String, Object>) target;
        }
        return node;
    }

    /** Checks {@code value} at {@code at} against {@code schema}. */
    @SuppressWarnings("unchecked")
    private void check(Object schemaNode, JsonNode value, String at, String where, List<String> found) {
        if (schemaNode == null) {
            return;
        }
        Map<String, Object> schema = resolve((Map<String, Object>) schemaNode);
        if (value.isNull()) {
            if (!Boolean.TRUE.equals(schema.get("nullable")) && !nullableInAllOf(schema)) {
                found.add(where + ": " + at + " is null, not nullable");
            }
            return;
        }
        if (schema.containsKey("allOf")) {
            for (Object part : (List<Object>) schema.get("allOf")) {
                Map<String, Object> resolved = resolve((Map<String, Object>) part);
                checkExceptUndocumented(resolved, value, at, where, found);
            }
            if (value.isObject()) {
                Set<String> names = propertyNames(schema);
                if (names != null) {
                    value.fieldNames().forEachRemaining(name -> {
                        if (!names.contains(name)) {
                            found.add(where + ": " + at + "." + name + " is not documented");
                        }
                    });
                }
            }
            return;
        }
        checkExceptUndocumented(schema, value, at, where, found);
        Set<String> names = propertyNames(schema);
        if (value.isObject() && names != null) {
            value.fieldNames().forEachRemaining(name -> {
                if (!names.contains(name)) {
                    found.add(where + ": " + at + "." + name + " is not documented");
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private boolean nullableInAllOf(Map<String, Object> schema) {
        return schema.containsKey("allOf") && ((List<Object>) schema.get("allOf")).stream()
                .anyMatch(part -> Boolean.TRUE.equals(resolve((Map<String, Object>) part).get("nullable")));
    }

    /** The field names an object may have, or null when it may have any. */
    @SuppressWarnings("unchecked")
    private Set<String> propertyNames(Map<String, Object> schema) {
        if (schema.containsKey("allOf")) {
            Set<String> names = new LinkedHashSet<>();
            for (Object part : (List<Object>) schema.get("allOf")) {
                Set<String> partNames = propertyNames(resolve((Map<String, Object>) part));
                if (partNames == null) {
                    return null;
                }
                names.addAll(partNames);
            }
            return names;
        }
        Object additional = schema.get("additionalProperties");
        if (Boolean.TRUE.equals(additional) || additional instanceof Map || !schema.containsKey("properties")) {
            return null;
        }
        return ((Map<String, Object>) schema.get("properties")).keySet();
    }

    @SuppressWarnings("unchecked")
    private void checkExceptUndocumented(Map<String, Object> schema, JsonNode value, String at, String where,
                                         List<String> found) {
        if (schema.containsKey("allOf")) {
            for (Object part : (List<Object>) schema.get("allOf")) {
                checkExceptUndocumented(resolve((Map<String, Object>) part), value, at, where, found);
            }
            return;
        }
        String type = (String) schema.get("type");
        if (type == null && schema.containsKey("properties")) {
            type = "object";
        }
        if (type != null && !hasType(value, type)) {
            found.add(where + ": " + at + " is " + value.getNodeType().name().toLowerCase(Locale.ROOT) + ", not " + type);
            return;
        }
        if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).stream().map(String::valueOf).toList()
                .contains(value.asText())) {
            found.add(where + ": " + at + " is '" + value.asText() + "', not one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            if (schema.get("minLength") instanceof Number min && length < min.intValue()) {
                found.add(where + ": " + at + " is shorter than " + min);
            }
            if (schema.get("maxLength") instanceof Number max && length > max.intValue()) {
                found.add(where + ": " + at + " is longer than " + max);
            }
            String format = (String) schema.get("format");
            if ("date".equals(format) && !parses(() -> LocalDate.parse(value.asText()))) {
                found.add(where + ": " + at + " is not a date: " + value.asText());
            }
            if ("date-time".equals(format) && !parses(() -> Instant.parse(value.asText()))) {
                found.add(where + ": " + at + " is not an RFC 3339 instant: " + value.asText());
            }
            if (schema.containsKey("pattern") && !Pattern.compile((String) schema.get("pattern")).matcher(value.asText()).find()) {
                found.add(where + ": " + at + " does not match " + schema.get("pattern") + ": " + value.asText());
            }
        }
        if (value.isNumber()) {
            java.math.BigDecimal number = value.decimalValue();
            boolean exclusiveMin = Boolean.TRUE.equals(schema.get("exclusiveMinimum"));
            boolean exclusiveMax = Boolean.TRUE.equals(schema.get("exclusiveMaximum"));
            if (schema.get("minimum") instanceof Number min) {
                int c = number.compareTo(new java.math.BigDecimal(min.toString()));
                if (c < 0 || exclusiveMin && c == 0) {
                    found.add(where + ": " + at + " is below the minimum " + min + (exclusiveMin ? " (exclusive)" : ""));
                }
            }
            if (schema.get("maximum") instanceof Number max) {
                int c = number.compareTo(new java.math.BigDecimal(max.toString()));
                if (c > 0 || exclusiveMax && c == 0) {
                    found.add(where + ": " + at + " is above the maximum " + max + (exclusiveMax ? " (exclusive)" : ""));
                }
            }
        }
        if (value.isArray()) {
            if (schema.get("minItems") instanceof Number min && value.size() < min.intValue()) {
                found.add(where + ": " + at + " has fewer items than " + min);
            }
            if (schema.get("maxItems") instanceof Number max && value.size() > max.intValue()) {
                found.add(where + ": " + at + " has more items than " + max);
            }
        }
        if (value.isObject()) {
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!value.has((String) required)) {
                    found.add(where + ": " + at + "." + required + " is required, missing");
                }
            }
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            properties.forEach((name, property) -> {
                if (value.has(name)) {
                    check(property, value.get(name), at + "." + name, where, found);
                }
            });
        }
        if (value.isArray() && schema.containsKey("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", where, found);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
