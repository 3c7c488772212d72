package io.hotelkit.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A refusal at the HTTP level (authentication, limits, malformed requests) rather than a business rule:
 * those are core's {@link io.hotelkit.shared.HotelException}s. Rendered by {@link Problems} like every error.
 */
final class ApiException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    private ApiException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    private static ApiException of(int status, String code, String title, String detail) {
        return new ApiException(Problem.of(status, code, title, detail), Map.of());
    }

    static ApiException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiException(Problem.of(400, "invalid-request", "Invalid request", detail).withErrors(errors),
                Map.of());
    }

    static ApiException badRequest(String detail) {
        return of(400, "invalid-request", "Invalid request", detail);
    }

    static ApiException malformedJson(String detail) {
        return of(400, "malformed-json", "Malformed JSON", detail);
    }

    static ApiException cardData(String field) {
        return new ApiException(Problem.of(400, "card-data-refused", "Invalid request",
                "raw card data is never accepted; send the gateway's card_token instead")
                .withErrors(List.of(new Problem.FieldError(field, "card numbers and security codes are refused"))),
                Map.of());
    }

    /** Money in a request is in the property's currency, or the request is refused. */
    static ApiException currencyMismatch(String field, String expected, String actual) {
        return new ApiException(Problem.of(400, "currency-mismatch", "Invalid request",
                field + ": amounts are in the property's currency " + expected + ", not " + actual)
                .withErrors(List.of(new Problem.FieldError(field, "must be in " + expected))), Map.of());
    }

    static ApiException unauthorized(String detail) {
        return new ApiException(Problem.of(401, "unauthorized", "Unauthorized", detail),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    static ApiException forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    static ApiException notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    static ApiException methodNotAllowed(String method, String allowed) {
        return new ApiException(Problem.of(405, "method-not-allowed", "Method not allowed",
                method + " is not allowed here; allowed: " + allowed), Map.of("Allow", allowed));
    }

    static ApiException preconditionRequired(String detail) {
        return of(428, "precondition-required", "Precondition required", detail);
    }

    static ApiException conflict(String code, String detail) {
        return of(409, code, "Conflict", detail);
    }

    static ApiException payloadTooLarge(long limit) {
        return of(413, "payload-too-large", "Payload too large",
                "a request body may have at most " + limit + " bytes");
    }

    static ApiException unsupportedMediaType(String contentType) {
        return of(415, "unsupported-media-type", "Unsupported media type",
                "a request body must be application/json, not " + contentType);
    }

    static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(Problem.of(503, "unavailable", "Service unavailable", detail),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** The database does not answer: nothing was done; a second later it may. */
    static ApiException databaseUnavailable() {
        return new ApiException(Problem.of(503, "store-unavailable", "Service unavailable",
                "the database cannot be reached; nothing was changed; retry later"), Map.of("Retry-After", "1"));
    }

    static ApiException rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, ceilSeconds(retryAfter));
        return new ApiException(Problem.of(429, "rate-limited", "Too many requests",
                "this API key has used its requests; retry in " + seconds + " s"),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    static long ceilSeconds(Duration duration) {
        long seconds = duration.toSeconds();
        return duration.toNanosPart() > 0 ? seconds + 1 : seconds;
    }

    Problem problem() {
        return problem;
    }

    Map<String, String> headers() {
        return headers;
    }
}
