package io.hotelkit.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.reservations.PriceMismatchException;
import io.hotelkit.reservations.RoomNotAvailableException;
import io.hotelkit.billing.BalanceNotZeroException;
import io.hotelkit.billing.PaymentGatewayException;
import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.CurrencyMismatchException;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.HotelException;
import io.hotelkit.shared.IdempotencyKeyReusedException;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The one place where exceptions become HTTP responses: every error, whoever throws it, leaves as an
 * {@code application/problem+json} document. Nothing of an unexpected exception reaches the client; the
 * server log gets its stack trace without its message, which might hold a guest's personal data.
 */
final class Problems implements ErrorHandler<Throwable> {

    private static final System.Logger LOG = System.getLogger(Problems.class.getName());

    @Override
    public void handle(ServerRequest req, ServerResponse res, Throwable error) {
        if (error instanceof ApiException api) {
            send(res, api.problem(), api.headers());
            return;
        }
        // A database that went away mid-request may be back in a second (the gate refuses the rest until then).
        send(res, problemOf(req, error), error instanceof StoreUnavailableException ? Map.of("Retry-After", "1") : Map.of());
    }

    static void send(ServerResponse res, Problem problem, Map<String, String> headers) {
        res.status(Status.create(problem.status()));
        headers.forEach(res::header);
        res.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        res.send(Json.bytes(problem));
    }

    private static Problem problemOf(ServerRequest req, Throwable error) {
        return switch (error) {
            case NotFoundException e -> Problem.of(404, e.code(), "Not found", e.getMessage());
            case DuplicateException e -> Problem.of(409, e.code(), "Conflict", e.getMessage())
                    .withExistingId(e.existingId().orElse(null));
            case NotAvailableException e -> Problem.of(409, e.code(), "Not available", e.getMessage())
                    .withReason(e.reason().name().toLowerCase(Locale.ROOT));
            case RoomNotAvailableException e -> Problem.of(409, e.code(), "Not available", e.getMessage())
                    .withReason(e.reason().name().toLowerCase(Locale.ROOT)).withRoom(e.room(), e.roomType());
            case PriceMismatchException e -> Problem.of(409, e.code(), "Conflict", e.getMessage())
                    .withRoom(e.room(), e.roomType()).withExpectedPrice(e.expected(), e.tolerance());
            case BalanceNotZeroException e -> Problem.of(409, e.code(), "Conflict", e.getMessage()).withBalance(e.balance());
            case ConflictException e -> Problem.of(409, e.code(), "Conflict", e.getMessage());
            case IdempotencyKeyReusedException e -> Problem.of(422, e.code(), "Idempotency key reused", e.getMessage());
            case StoreUnavailableException e -> {
                // The cause's class only: a driver's message can quote the values of the statement that failed.
                LOG.log(Level.WARNING, "store unavailable in " + where(req) + ": "
                        + (e.getCause() == null ? e.getClass().getName() : e.getCause().getClass().getName()));
                yield Problem.of(503, e.code(), "Service unavailable",
                        "the database cannot be reached; nothing was changed; retry later");
            }
            case PaymentGatewayException e -> {
                LOG.log(Level.WARNING, "payment gateway failed in " + where(req) + ": " + e.code());
                yield Problem.of(502, e.code(), "Bad gateway", e.getMessage()
                        + "; nothing was recorded; retry with the same Idempotency-Key");
            }
            case HotelException e -> Problem.of(409, e.code(), "Conflict", e.getMessage());
            case CurrencyMismatchException e -> Problem.of(400, "currency-mismatch", "Invalid request", e.getMessage());
            case InvalidRequestException e -> Problem.of(400, "invalid-request", "Invalid request",
                    e.field() + ": " + e.getMessage()).withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())));
            case IllegalArgumentException e -> Problem.of(400, "invalid-request", "Invalid request", e.getMessage());
            case HttpException e when e.status().code() == 404 -> Problem.of(404, "not-found", "Not found",
                    "nothing at " + req.prologue().method().text() + " " + req.path().rawPathNoParams());
            case HttpException e when e.status().code() < 500 -> Problem.of(e.status().code(),
                    "http-" + e.status().code(), e.status().reasonPhrase(), e.status().reasonPhrase());
            default -> {
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.ERROR, "unexpected error in " + where(req) + ", incident " + incident + "\n"
                        + withoutMessages(error));
                yield Problem.of(500, "internal-error", "Internal server error",
                        "an unexpected error; the server log has incident " + incident);
            }
        };
    }

    /** The route template, never the path itself: paths and queries can hold e-mail addresses. */
    private static String where(ServerRequest req) {
        return req.prologue().method().text() + " " + Routes.template(req).orElse("(no route)");
    }

    static String withoutMessages(Throwable error) {
        StringBuilder trace = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            trace.append(t == error ? "" : "caused by ").append(t.getClass().getName()).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                trace.append("\tat ").append(frame).append('\n');
            }
        }
        return trace.toString();
    }
}
