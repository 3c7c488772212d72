package io.hotelkit.guests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Checks and copies a guest's free-form preferences: a JSON object, at most 10 levels deep and 1,000 values. */
final class Preferences {

    static final int MAX_DEPTH = 10;
    static final int MAX_VALUES = 1_000;
    static final int MAX_STRING = 4_000;

    private Preferences() {}

    /** An unmodifiable deep copy, with every number as a {@link BigDecimal}. */
    static Map<String, Object> copyOf(Map<String, ?> preferences) {
        Objects.requireNonNull(preferences, "preferences");
        int[] values = {0};
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copy(preferences, 1, values);
        return copy;
    }

    private static Object copy(Object value, int depth, int[] values) {
        if (++values[0] > MAX_VALUES) {
            throw new IllegalArgumentException("preferences hold at most " + MAX_VALUES + " values");
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("preferences nest at most " + MAX_DEPTH + " levels deep");
        }
        return switch (value) {
            case null -> null;
            case String text -> {
                if (text.length() > MAX_STRING) {
                    throw new IllegalArgumentException("a preference string has at most " + MAX_STRING + " characters");
                }
                yield text;
            }
            case Boolean flag -> flag;
            case BigDecimal number -> number;
            case Integer number -> BigDecimal.valueOf(number);
            case Long number -> BigDecimal.valueOf(number);
            case Double number -> BigDecimal.valueOf(number);
            case Number number -> new BigDecimal(number.toString());
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("preference keys must be strings");
                    }
                    copy.put(key, copy(entry.getValue(), depth + 1, values));
                }
                yield Collections.unmodifiableMap(copy);
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                for (Object item : list) {
                    copy.add(copy(item, depth + 1, values));
                }
                yield Collections.unmodifiableList(copy);
            }
            default -> throw new IllegalArgumentException(
                    "preferences hold JSON values only, not a " + value.getClass().getSimpleName());
        };
    }
}
