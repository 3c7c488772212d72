package io.hotelkit.shared;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

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
            case Map<?, ?> map -> Compact.of(map);
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(normalized(item)));
                yield Collections.unmodifiableList(copy);
            }
            default -> throw new IllegalArgumentException("event data holds JSON values only, not a " + value.getClass().getSimpleName());
        };
    }

    /**
     * An immutable map in insertion order over one array of keys and values. Every event is kept (in
     * memory, by the in-memory outbox), and a hash map of its ten-odd entries weighed four times as much:
     * an entry object each, a table, and a wrapper.
     */
    private static final class Compact extends AbstractMap<String, Object> {
        private final Object[] keysAndValues;

        private Compact(Object[] keysAndValues) {
            this.keysAndValues = keysAndValues;
        }

        static Compact of(Map<?, ?> map) {
            Object[] copy = new Object[map.size() * 2];
            int length = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                int at = indexOf(copy, length, key);
                if (at < 0) {
                    at = length;
                    copy[length] = key;
                    length += 2;
                }
                copy[at + 1] = normalized(entry.getValue());
            }
            return new Compact(length == copy.length ? copy : Arrays.copyOf(copy, length));
        }

        private static int indexOf(Object[] keysAndValues, int length, Object key) {
            for (int i = 0; i < length; i += 2) {
                if (keysAndValues[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Object get(Object key) {
            int at = indexOf(keysAndValues, keysAndValues.length, key);
            return at < 0 ? null : keysAndValues[at + 1];
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(keysAndValues, keysAndValues.length, key) >= 0;
        }

        @Override
        public int size() {
            return keysAndValues.length / 2;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keysAndValues.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= keysAndValues.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Object> entry = new SimpleImmutableEntry<>((String) keysAndValues[next], keysAndValues[next + 1]);
                            next += 2;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return keysAndValues.length / 2;
                }
            };
        }
    }
}
