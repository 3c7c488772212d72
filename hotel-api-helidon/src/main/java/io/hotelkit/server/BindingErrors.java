package io.hotelkit.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.hotelkit.shared.Money;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a client is told when its body does not bind or is not valid: Jackson's failures (syntax, unknown
 * fields, nulls, values of the wrong type, values a value object refused) and Bean Validation's violations
 * become 400s that name the field by its JSON path as the client wrote it ({@code guest.email},
 * {@code prices[2].amount}) and say what was expected, in the client's words, not Java's.
 */
final class BindingErrors {

    /** What money looks like, for a client that sent something else (a JSON number, a string). */
    static final String MONEY = "must be money: an object such as {\"amount\": \"12.50\", \"currency\": \"EUR\"}, "
            + "the amount a decimal string, never a JSON number";

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static final Map<Class<?>, String> TYPE_NAMES = orderedTypeNames();

    private BindingErrors() {}

    /** The 400 for a body that could not be read or bound; an I/O failure that is not Jackson's is rethrown. */
    static ApiException refusal(IOException error) {
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

    /** The 400 for a body that failed validation: every failing field, in the order of their paths. */
    static ApiException invalid(List<Problem.FieldError> errors) {
        return ApiException.invalid(errors.stream()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList());
    }

    static ApiException invalid(String field, String message) {
        return ApiException.invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** A Bean Validation property path as JSON names: {@code guestName} in {@code rooms[1]} is {@code rooms[1].guest_name}. */
    static String path(Path propertyPath) {
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

    private static ApiException malformed(JsonParseException e) {
        return ApiException.malformedJson("the body is not valid JSON (line %d, column %d)"
                .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr()));
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
}
