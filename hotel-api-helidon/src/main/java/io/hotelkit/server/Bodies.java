package io.hotelkit.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.shared.Money;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Request bodies: at most {@link #MAX_BYTES}, JSON, of the expected type, and valid by their Bean
 * Validation constraints; every failure is a 400 (413 when too large) naming the field by its JSON path.
 */
final class Bodies {

    /** 1 MiB, the contract's limit for a request body. */
    static final int MAX_BYTES = 1 << 20;

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private Bodies() {}

    /** The request's body as a valid {@code type}. */
    static <T> T read(ServerRequest req, Class<T> type) {
        byte[] body = bytes(req);
        if (body.length == 0) {
            throw ApiException.badRequest("this request needs a JSON body");
        }
        T value = parse(body, type);
        if (value == null) {
            throw invalid("(body)", "must be a JSON object, not null");
        }
        validate(value);
        return value;
    }

    /**
     * The request's body as a valid {@code type}, or empty when it has none; a JSON {@code null} is no body
     * too, as generated clients send for an optional body left out.
     */
    static <T> Optional<T> readOptional(ServerRequest req, Class<T> type) {
        byte[] body = bytes(req);
        if (body.length == 0) {
            return Optional.empty();
        }
        T value = parse(body, type);
        if (value == null) {
            return Optional.empty();
        }
        validate(value);
        return Optional.of(value);
    }

    /**
     * The request's body as a JSON array of at most {@code maxItems} valid {@code type}s; a failing field
     * is named by its index ({@code [2].amount}).
     */
    static <T> List<T> readList(ServerRequest req, Class<T> type, int maxItems) {
        byte[] body = bytes(req);
        if (body.length == 0) {
            throw ApiException.badRequest("this request needs a JSON array as its body");
        }
        JavaType listType = Json.mapper().getTypeFactory().constructCollectionType(List.class, type);
        List<T> items = parse(body, listType);
        if (items == null) {
            throw invalid("(body)", "must be an array");
        }
        if (items.size() > maxItems) {
            throw invalid("(body)", "has at most " + maxItems + " items, not " + items.size());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                errors.add(new Problem.FieldError("[" + i + "]", "must not be null"));
                continue;
            }
            for (ConstraintViolation<T> v : Holder.VALIDATOR.validate(items.get(i))) {
                errors.add(new Problem.FieldError("[" + i + "]." + path(v.getPropertyPath()), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.stream()
                    .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                    .toList());
        }
        return items;
    }

    static byte[] bytes(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw ApiException.payloadTooLarge(MAX_BYTES);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    static <T> T parse(byte[] body, Class<T> type) {
        return parse(body, Json.mapper().constructType(type));
    }

    private static <T> T parse(byte[] body, JavaType type) {
        try {
            JsonNode tree = Json.mapper().readTree(body);
            CardData.refuseIn(tree);
            refusePlainTextViolations(tree, "", false);
            return Json.mapper().treeToValue(tree, type);
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    /**
     * Every text in the body, values and field names, is {@link PlainText}; a field of long free text
     * ({@link PlainText#MULTI_LINE}), and everything inside one, may hold line breaks and tabs.
     */
    private static void refusePlainTextViolations(JsonNode node, String path, boolean multiLine) {
        if (node.isTextual()) {
            PlainText.problem(node.asText(), multiLine).ifPresent(problem -> {
                throw invalid(path.isEmpty() ? "(body)" : path, problem);
            });
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                if (!PlainText.isPlain(name)) {
                    throw invalid(path.isEmpty() ? "(body)" : path, "holds a field name that is not plain text");
                }
                refusePlainTextViolations(field.getValue(), path.isEmpty() ? name : path + "." + name,
                        multiLine || PlainText.MULTI_LINE.contains(name));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refusePlainTextViolations(node.get(i), path + "[" + i + "]", multiLine);
            }
        }
    }

    private static ApiException refusal(IOException error) {
        return switch (error) {
            case JsonParseException e -> malformed(e);
            // Bad syntax met while binding a property comes wrapped.
            case JsonMappingException e when e.getCause() instanceof JsonParseException syntax -> malformed(syntax);
            case UnrecognizedPropertyException e -> invalid(path(e), "unknown field");
            case InvalidNullException e -> invalid(path(e), "must not be null");
            // A value object's constructor refused the value: its message says why.
            case ValueInstantiationException e -> invalid(path(e),
                    e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "invalid value");
            case MismatchedInputException e -> invalid(path(e), expected(e));
            case JsonMappingException e -> invalid(path(e), e.getOriginalMessage());
            case JacksonException e -> ApiException.malformedJson("the body is not valid JSON");
            default -> throw new UncheckedIOException(error);
        };
    }

    private static ApiException malformed(JsonParseException e) {
        return ApiException.malformedJson("the body is not valid JSON (line %d, column %d)"
                .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr()));
    }

    static void validate(Object value) {
        Set<ConstraintViolation<Object>> violations = Holder.VALIDATOR.validate(value);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.stream()
                    .map(v -> new Problem.FieldError(path(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                    .toList());
        }
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** {@code guest.email}, {@code prices[2].amount}: JSON names, as the client wrote them. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                path.append(path.isEmpty() ? "" : ".").append(SNAKE_CASE.translate(node.getName()));
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null || type == Money.class) {
            return e.getOriginalMessage();
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        return "must be " + TYPE_NAMES.entrySet().stream()
                .filter(t -> t.getKey().isAssignableFrom(wrap(type)))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("an object");
    }

    /** What money looks like, for a client that sent something else (a JSON number, a string). */
    static final String MONEY = "must be money: an object such as {\"amount\": \"12.50\", \"currency\": \"EUR\"}, "
            + "the amount a decimal string, never a JSON number";

    private static final Map<Class<?>, String> TYPE_NAMES = orderedTypeNames();

    private static Map<Class<?>, String> orderedTypeNames() {
        var names = new LinkedHashMap<Class<?>, String>();
        names.put(String.class, "a string");
        names.put(Boolean.class, "true or false");
        names.put(Integer.class, "a whole number");
        names.put(Long.class, "a whole number");
        names.put(Short.class, "a whole number");
        names.put(BigInteger.class, "a whole number");
        names.put(BigDecimal.class, "a number");
        names.put(Double.class, "a number");
        names.put(LocalDate.class, "a date (YYYY-MM-DD) from " + Json.EARLIEST_DATE + " to " + Json.LATEST_DATE);
        names.put(LocalTime.class, "a time of day (HH:MM, 00:00 to 23:59)");
        names.put(Instant.class, "an RFC 3339 instant in UTC (2026-12-01T10:00:00Z)");
        names.put(OffsetDateTime.class, "an RFC 3339 date-time");
        names.put(Collection.class, "an array");
        names.put(Map.class, "an object");
        names.put(JsonNode.class, "JSON");
        return names;
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "boolean" -> Boolean.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "double" -> Double.class;
            default -> type;
        };
    }

    /** Bootstrapping a validator takes a moment; the first request with a body pays it, once. */
    private static final class Holder {
        // Bodies are records, never JPA entities: every property is reachable. The default resolver asks
        // JPA's PersistenceUtil about each property of each body (Hibernate ORM is on the classpath), a
        // cost on every request for an answer that is always yes here.
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .traversableResolver(new EverythingReachable())
                .buildValidatorFactory()
                .getValidator();
    }

    private static final class EverythingReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object object, Path.Node property, Class<?> rootBean, Path pathToProperty,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object object, Path.Node property, Class<?> rootBean, Path pathToProperty,
                                    ElementType elementType) {
            return true;
        }
    }
}
