package io.hotelkit.server;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Request bodies: at most {@link #MAX_BYTES}, JSON, free of card data and of text that is not plain
 * ({@link BodyScan}), of the expected type, and valid by their Bean Validation constraints; every failure is
 * a 400 (413 when too large) naming the field by its JSON path ({@link BindingErrors}).
 */
final class Bodies {

    /** 1 MiB, the contract's limit for a request body. */
    static final int MAX_BYTES = 1 << 20;

    private Bodies() {}

    /** The request's body as a valid {@code type}. */
    static <T> T read(ServerRequest req, Class<T> type) {
        byte[] body = bytes(req);
        if (body.length == 0) {
            throw ApiException.badRequest("this request needs a JSON body");
        }
        T value = parse(body, type);
        if (value == null) {
            throw BindingErrors.invalid("(body)", "must be a JSON object, not null");
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
            throw BindingErrors.invalid("(body)", "must be an array");
        }
        if (items.size() > maxItems) {
            throw BindingErrors.invalid("(body)", "has at most " + maxItems + " items, not " + items.size());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                errors.add(new Problem.FieldError("[" + i + "]", "must not be null"));
                continue;
            }
            for (ConstraintViolation<T> v : Holder.VALIDATOR.validate(items.get(i))) {
                errors.add(new Problem.FieldError("[" + i + "]." + BindingErrors.path(v.getPropertyPath()), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw BindingErrors.invalid(errors);
        }
        return items;
    }

    private static byte[] bytes(ServerRequest req) {
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

    private static <T> T parse(byte[] body, Class<T> type) {
        return parse(body, Json.mapper().constructType(type));
    }

    private static <T> T parse(byte[] body, JavaType type) {
        try {
            JsonNode tree = Json.mapper().readTree(body);
            BodyScan.refuseIn(tree);
            return Json.mapper().treeToValue(tree, type);
        } catch (IOException e) {
            throw BindingErrors.refusal(e);
        }
    }

    private static void validate(Object value) {
        List<Problem.FieldError> errors = Holder.VALIDATOR.validate(value).stream()
                .map(v -> new Problem.FieldError(BindingErrors.path(v.getPropertyPath()), v.getMessage()))
                .toList();
        if (!errors.isEmpty()) {
            throw BindingErrors.invalid(errors);
        }
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
