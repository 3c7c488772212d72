package io.hotelkit.shared;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs creating requests at most once per idempotency key: the one idempotency layer of hotelkit. The
 * services that create (booking, a charge, a payment, a refund, a guest, an invoice) take a client's key
 * and run through it; the reference server's {@code Idempotency-Key} header runs through the same
 * instance ({@code Hotel.idempotency()}), with the HTTP request as the request.
 *
 * <p>A key is recorded once per request, by the outermost {@link #once} that claims it: a service called
 * with the same key while that key's request runs (the server's wrapper around an endpoint that passes
 * the key on) runs as part of it and writes no record of its own.
 */
public final class Idempotency {

    private final IdempotencyStore store;
    private final UnitOfWork transactions;
    /** The key whose request runs on this thread, claimed by an outer {@link #once}. */
    private final ThreadLocal<@Nullable IdempotencyKey> running = new ThreadLocal<>();

    public Idempotency(IdempotencyStore store, UnitOfWork transactions) {
        this.store = Objects.requireNonNull(store, "idempotency store");
        this.transactions = Objects.requireNonNull(transactions, "unit of work");
    }

    /**
     * Creates with {@code create} unless {@code key} was used before for the same request, in which case
     * the earlier outcome is rebuilt with {@code replay}; one transaction either way.
     *
     * @param key the client's key, or {@code null} to always create
     * @param request what the client asked for; requests are the same when their fingerprints are
     * @param outcome what to remember of a result (its id, a rendered response)
     * @throws IdempotencyKeyReusedException if the key was used for a different request
     */
    public <T> T once(
            @Nullable IdempotencyKey key,
            Request request,
            Supplier<T> create,
            Function<T, String> outcome,
            Function<String, T> replay) {
        Objects.requireNonNull(request, "request");
        if (key == null || key.equals(running.get())) {
            return transactions.inTransaction(create);
        }
        String fingerprint = request.fingerprint();
        return transactions.inTransaction(() -> switch (store.claim(key, fingerprint)) {
            case IdempotencyStore.Claim.Completed done -> replay.apply(done.outcome());
            case IdempotencyStore.Claim.Mismatch mismatch -> throw new IdempotencyKeyReusedException(key);
            case IdempotencyStore.Claim.Fresh fresh -> {
                IdempotencyKey outer = running.get();
                running.set(key);
                T result;
                try {
                    result = create.get();
                } finally {
                    if (outer == null) {
                        running.remove();
                    } else {
                        running.set(outer);
                    }
                }
                store.complete(key, outcome.apply(result));
                yield result;
            }
        });
    }

    /**
     * A request as its fingerprint sees it: an operation and named fields. Its canonical text is JSON with
     * the fields (and a record's components, a map's keys) sorted by name, strings escaped, numbers and
     * money without trailing zeros (equal amounts are the same request), so that no two different
     * requests share a text, whatever their values hold. Only values with one canonical form are taken,
     * never an object's {@code toString()}.
     */
    public static final class Request {

        private final String operation;
        private final Map<String, @Nullable Object> fields;

        private Request(String operation, Map<String, @Nullable Object> fields) {
            this.operation = operation;
            this.fields = fields;
        }

        /** A request of {@code operation} ({@code "book"}, or an HTTP method and path), without fields yet. */
        public static Request of(String operation) {
            return new Request(Objects.requireNonNull(operation, "operation"), new TreeMap<>());
        }

        /**
         * This request with one more field.
         *
         * @param value {@code null}, a string, boolean, number, enum, {@link Money} or {@link LocalDate}; a
         *     record, by its components; or a map (string keys) or collection of these
         * @throws IllegalArgumentException if the field is given twice; a value with no canonical form here is
         *     refused when the request is fingerprinted
         */
        public Request with(String name, @Nullable Object value) {
            Objects.requireNonNull(name, "field name");
            if (fields.containsKey(name)) {
                throw new IllegalArgumentException("field '" + name + "' given twice");
            }
            Map<String, @Nullable Object> more = new TreeMap<>(fields);
            more.put(name, value);
            return new Request(operation, more);
        }

        /** The canonical text: {@code {"fields":{...},"operation":"..."}}. */
        String canonical() {
            StringBuilder text = new StringBuilder("{\"fields\":");
            canonical(fields, text);
            text.append(",\"operation\":");
            string(operation, text);
            return text.append('}').toString();
        }

        /** The SHA-256 of the canonical text, in hex: what an {@link IdempotencyStore} keeps. */
        public String fingerprint() {
            return sha256(canonical());
        }

        @Override
        public String toString() {
            return canonical();
        }

        private static void canonical(@Nullable Object value, StringBuilder text) {
            switch (value) {
                case null -> text.append("null");
                case String string -> string(string, text);
                case Boolean bool -> text.append(bool);
                case BigDecimal number -> text.append(plain(number));
                case Integer number -> text.append(number);
                case Long number -> text.append(number);
                case Number number -> number(number, text);
                case Enum<?> constant -> string(constant.name(), text);
                case LocalDate date -> string(date.toString(), text);
                case Money money -> {
                    text.append("{\"amount\":").append(plain(money.amount())).append(",\"currency\":");
                    string(money.currency().getCurrencyCode(), text);
                    text.append('}');
                }
                case Map<?, ?> map -> {
                    Map<String, @Nullable Object> sorted = new TreeMap<>();
                    map.forEach((key, item) -> {
                        if (!(key instanceof String name)) {
                            throw new IllegalArgumentException("a map in a request has string keys, not " + key);
                        }
                        sorted.put(name, item);
                    });
                    text.append('{');
                    String separator = "";
                    for (Map.Entry<String, @Nullable Object> entry : sorted.entrySet()) {
                        text.append(separator);
                        string(entry.getKey(), text);
                        text.append(':');
                        canonical(entry.getValue(), text);
                        separator = ",";
                    }
                    text.append('}');
                }
                case Record record -> {
                    Map<String, @Nullable Object> components = new TreeMap<>();
                    for (RecordComponent component : record.getClass().getRecordComponents()) {
                        components.put(component.getName(), component(record, component));
                    }
                    canonical(components, text);
                }
                case Collection<?> items -> {
                    List<?> list = new ArrayList<>(items);
                    text.append('[');
                    for (int i = 0; i < list.size(); i++) {
                        text.append(i == 0 ? "" : ",");
                        canonical(list.get(i), text);
                    }
                    text.append(']');
                }
                default -> throw new IllegalArgumentException(
                        "no canonical form for a " + value.getClass().getName() + " in a request: give its fields");
            }
        }

        private static void number(Number number, StringBuilder text) {
            try {
                text.append(plain(new BigDecimal(number.toString())));
            } catch (NumberFormatException notFinite) {
                string(number.toString(), text); // NaN and the infinities
            }
        }

        private static @Nullable Object component(Record record, RecordComponent component) {
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                return accessor.invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read " + component.getName() + " of a "
                        + record.getClass().getName() + " in a request", e);
            }
        }

        private static String plain(BigDecimal number) {
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }

        private static void string(String value, StringBuilder text) {
            text.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> text.append("\\\"");
                    case '\\' -> text.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            text.append(String.format("\\u%04x", (int) c));
                        } else {
                            text.append(c);
                        }
                    }
                }
            }
            text.append('"');
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
