package io.hotelkit.server;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hotelkit.shared.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's one JSON configuration, used to read requests, write responses and in tests alike:
 * {@code snake_case}, dates as {@code 2026-12-01}, instants as RFC 3339 in UTC, unknown fields and
 * type coercions refused, and money as {@code {"amount": "123.45", "currency": "EUR"}} with the amount
 * a string, never a JSON number.
 */
final class Json {

    /** Digits before the point in an amount: up to 999,999,999,999, well inside the store's numeric(19, 4). */
    static final int MAX_INTEGER_DIGITS = 12;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(moneyModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Parse errors would otherwise quote the request body back, personal data included.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Enums travel in lower case (front_desk); core's enums know nothing of JSON.
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
            .withConfigOverride(LocalTime.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
            .withConfigOverride(Instant.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    /** Key order of JSON objects does not change what a request means, so a fingerprint sorts them. */
    private static final ObjectWriter CANONICAL = MAPPER.writer()
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    public static String text(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /** The same text for requests that mean the same, whatever their whitespace or key order. */
    static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(MAPPER.valueToTree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Parses {@code json} as a {@code type}.
     *
     * @throws com.fasterxml.jackson.core.JacksonException if it is not JSON or not a {@code type}
     */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SimpleModule moneyModule() {
        SimpleModule module = new SimpleModule("hotelkit-money");
        module.addSerializer(Money.class, new MoneySerializer());
        module.addDeserializer(Money.class, new MoneyDeserializer());
        module.addDeserializer(LocalDate.class, new DateDeserializer());
        module.addDeserializer(LocalTime.class, new TimeDeserializer());
        return module;
    }

    private static final class MoneySerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money money, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("amount", money.amount().toPlainString());
            json.writeStringField("currency", money.currency().getCurrencyCode());
            json.writeEndObject();
        }
    }

    /**
     * Strict: exactly {@code amount}, a decimal string of at most {@link #MAX_INTEGER_DIGITS} digits before
     * the point and no more decimals than the currency's minor unit, and {@code currency}, an ISO 4217
     * code; each refusal names the part and says what is expected.
     */
    private static final class MoneyDeserializer extends JsonDeserializer<Money> {

        private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,%d}(\\.[0-9]+)?".formatted(MAX_INTEGER_DIGITS));
        private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

        @Override
        public Money deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (!json.isExpectedStartObjectToken()) {
                throw MismatchedInputException.from(json, Money.class, BindingErrors.MONEY);
            }
            String amount = null;
            String currency = null;
            for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                switch (field) {
                    case "amount" -> amount = text(json, value, field, AMOUNT_EXPECTED);
                    case "currency" -> currency = text(json, value, field, CURRENCY_EXPECTED);
                    default -> context.handleUnknownProperty(json, this, Money.class, field);
                }
            }
            if (amount == null) {
                throw refused(json, "amount", "is required: " + AMOUNT_EXPECTED);
            }
            if (currency == null) {
                throw refused(json, "currency", "is required: " + CURRENCY_EXPECTED);
            }
            Currency unit = currency(json, currency);
            int decimals = Math.max(unit.getDefaultFractionDigits(), 0);
            if (!AMOUNT.matcher(amount).matches() || new BigDecimal(amount).scale() > decimals) {
                throw refused(json, "amount", "must be a decimal string such as \"%s\" with %s for %s and at most %d digits before the point, not '%s'"
                        .formatted(BigDecimal.valueOf(1250, decimals).toPlainString(),
                                decimals == 0 ? "no decimals" : "at most " + decimals + " decimals", currency,
                                MAX_INTEGER_DIGITS, abbreviated(amount)));
            }
            return Money.of(new BigDecimal(amount), unit);
        }

        private static Currency currency(JsonParser json, String code) throws MismatchedInputException {
            if (CURRENCY.matcher(code).matches()) {
                try {
                    return Currency.getInstance(code);
                } catch (IllegalArgumentException unknown) {
                    // three letters, but no currency's: refused below
                }
            }
            throw refused(json, "currency", CURRENCY_EXPECTED + ", not '" + abbreviated(code) + "'");
        }

        private static String text(JsonParser json, JsonToken value, String field, String expected) throws IOException {
            if (value != JsonToken.VALUE_STRING) {
                // Of the wrong JSON type: named by its own path (price.amount), as any field of a wrong type.
                MismatchedInputException e = MismatchedInputException.from(json, Money.class, expected);
                e.prependPath(Money.class, field);
                throw e;
            }
            return json.getText();
        }

        /** Refused, naming the money's field (as the client knows it) and in the message the part of it. */
        private static MismatchedInputException refused(JsonParser json, String part, String message) {
            return MismatchedInputException.from(json, Money.class, part + " " + message);
        }

        private static String abbreviated(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "...";
        }
    }

    private static final String AMOUNT_EXPECTED = "must be a decimal string such as \"12.50\", never a JSON number";
    private static final String CURRENCY_EXPECTED = "must be an ISO 4217 currency code of three capital letters, such as \"EUR\"";

    /**
     * Dates a hotel deals in: {@code YYYY-MM-DD} with a year from 1900 to 9999. Year 0 would be stored as
     * 1 BC, and a year of five digits cannot be written back as the contract's date.
     */
    private static final class DateDeserializer extends JsonDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, json);
            }
            return parseDate(json.getText())
                    .orElseThrow(() -> MismatchedInputException.from(json, LocalDate.class, "not a date in range"));
        }
    }

    /** The earliest and latest dates the API takes. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    /** {@code text} as a date of the contract: {@code YYYY-MM-DD}, from 1900-01-01 to 9999-12-31. */
    static Optional<LocalDate> parseDate(String text) {
        // by hand rather than a regex and LocalDate.parse's formatter: every availability search reads two dates
        // (reading its parameters was 12 % of its server's samples); LocalDate.of refuses what the ISO formatter's
        // strict resolver refuses (2026-02-30, month 13)
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return date.isBefore(EARLIEST_DATE) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The number the ASCII digits {@code text[from, to)} write, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Times of day as the contract writes them: {@code HH:MM}, nothing else. */
    private static final class TimeDeserializer extends JsonDeserializer<LocalTime> {

        private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

        @Override
        public LocalTime deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalTime) context.handleUnexpectedToken(LocalTime.class, json);
            }
            String text = json.getText();
            if (!TIME.matcher(text).matches()) {
                throw MismatchedInputException.from(json, LocalTime.class, "not a time of day");
            }
            return LocalTime.parse(text);
        }
    }
}
