package io.hotelkit.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies an event's data into the one form JSON gives back: Long for whole numbers, BigDecimal for others. */
final class EventData {

    private EventData() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> copyOf(Map<String, ?> data) {
        return (Map<String, Object>) normalized(data);
    }

    private static Object normalized(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Integer number -> number.longValue();
            case Long number -> number;
            case Short number -> number.longValue();
            case BigDecimal number -> number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : number;
            case Number number -> normalized(new BigDecimal(number.toString()));
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(String.valueOf(key), normalized(item)));
                yield Collections.unmodifiableMap(copy);
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(normalized(item)));
                yield Collections.unmodifiableList(copy);
            }
            default -> throw new IllegalArgumentException("event data holds JSON values only, not a " + value.getClass().getSimpleName());
        };
    }
}
