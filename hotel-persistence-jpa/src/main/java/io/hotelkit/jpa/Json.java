package io.hotelkit.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/**
 * JSON columns' text: event data, guests' preferences, bookings' nightly prices. Decimals are written as
 * they are (never in exponent form) and read back as {@code BigDecimal}, so that no amount loses a cent
 * and {@code 3.50} comes back as {@code 3.50}. JSON does not say whether a whole number was an
 * {@code Integer} or a {@code Long}: whole numbers come back as {@code Long} (as hotel-core's storage
 * contract expects of event data), or {@code BigInteger} past its range.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {};

    private Json() {}

    /**
     * @throws IllegalArgumentException if {@code value} holds something that is not a JSON value
     */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("only strings, numbers, booleans, nulls, lists and maps can be stored as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> readObject(String json) {
        try {
            return MAPPER.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds something that is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    static List<String> readStrings(String json) {
        try {
            return MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds something that is not a list of strings: " + e.getOriginalMessage(), e);
        }
    }

    static List<Map<String, Object>> readObjects(String json) {
        try {
            return MAPPER.readValue(json, OBJECTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds something that is not a list of objects: " + e.getOriginalMessage(), e);
        }
    }
}
