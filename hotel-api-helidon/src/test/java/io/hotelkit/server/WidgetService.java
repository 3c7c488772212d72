package io.hotelkit.server;

import static io.hotelkit.access.Role.AUDITOR;
import static io.hotelkit.access.Role.FRONT_DESK;
import static io.hotelkit.access.Role.HOUSEKEEPING;
import static io.hotelkit.server.Roles.allow;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.shared.NotAvailableException;
import io.hotelkit.billing.PaymentGatewayException;
import io.hotelkit.shared.ConflictException;
import io.hotelkit.shared.CurrencyMismatchException;
import io.hotelkit.shared.DuplicateException;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.IdempotencyKey;
import io.hotelkit.shared.IdempotencyKeyReusedException;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.StoreUnavailableException;
import io.hotelkit.shared.VersionConflictException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A test-only resource, {@code /v1/properties/{propertyId}/widgets}, written the way real resource services will be:
 * roles per route, a validated body with money, dates and a nested list, and an idempotent creation. It
 * also throws every kind of exception on request, to see each leave as its problem document.
 */
final class WidgetService implements HttpService {

    private final Idempotent idempotent;
    private final IdGenerator ids;
    private final Clock clock;
    private final Map<String, Widget> widgets = new ConcurrentHashMap<>();
    final AtomicInteger creations = new AtomicInteger();
    /** A creation named "slow" counts this down, then waits for {@link #release}. */
    volatile CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch release = new CountDownLatch(0);

    WidgetService(Idempotent idempotent, IdGenerator ids, Clock clock) {
        this.idempotent = idempotent;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .route(Method.GET, "/{propertyId}/widgets", allow(FRONT_DESK, HOUSEKEEPING, AUDITOR), this::list)
                .route(Method.POST, "/{propertyId}/widgets", allow(FRONT_DESK),
                        Routes.withBody(NewWidget.class, idempotent.creating(this::create)))
                .route(Method.GET, "/{propertyId}/widgets/{widgetId}", allow(FRONT_DESK, AUDITOR), this::get)
                .route(Method.GET, "/{propertyId}/failures/{kind}", allow(FRONT_DESK, HOUSEKEEPING, AUDITOR), this::fail));
    }

    record NewWidget(
            @NotBlank String name,
            @NotNull Money price,
            @Min(1) int size,
            @NotNull LocalDate madeOn,
            @Nullable List<@Valid @NotNull Part> parts) {}

    record Part(@NotBlank String code, @Min(1) int count) {}

    record Widget(String id, String propertyId, String name, Money price, int size, LocalDate madeOn,
                  @Nullable List<Part> parts, Instant createdAt) {}

    private Reply create(ServerRequest req, NewWidget body) {
        String property = req.path().pathParameters().get("propertyId");
        if (body.name().equals("conflict")) {
            throw new VersionConflictException("widget", "w", 1, 2);
        }
        if (body.name().equals("slow")) {
            entered.countDown();
            await(release);
        }
        creations.incrementAndGet();
        Widget widget = new Widget(ids.next(), property, body.name(), body.price(), body.size(), body.madeOn(),
                body.parts(), clock.instant());
        widgets.put(widget.id(), widget);
        return Reply.created("/v1/properties/" + property + "/widgets/" + widget.id(), widget);
    }

    private Reply list(ServerRequest req) {
        return Reply.ok(Page.Request.of(req).slice(widgets.values().stream()
                .sorted(Comparator.comparing(Widget::id)).toList(), Widget::id));
    }

    private Reply get(ServerRequest req) {
        String id = req.path().pathParameters().get("widgetId");
        Widget widget = widgets.get(id);
        if (widget == null) {
            throw new NotFoundException("widget", id);
        }
        return Reply.ok(widget);
    }

    private Reply fail(ServerRequest req) {
        String kind = req.path().pathParameters().get("kind");
        throw switch (kind) {
            case "not-found" -> new NotFoundException("widget", "W1");
            case "not-available" -> new NotAvailableException(NotAvailableException.Reason.SOLD_OUT,
                    PropertyId.of("P1"), "DBL", LocalDate.parse("2026-12-01"), "no DBL left on 2026-12-01");
            case "duplicate" -> new DuplicateException("guest", "jane@example.com", "G1");
            case "version" -> new VersionConflictException("booking", "B1", 3, 4);
            case "reused" -> new IdempotencyKeyReusedException(new IdempotencyKey("k", "abc"));
            case "store" -> new StoreUnavailableException("cannot connect",
                    new SQLException("connection to db.internal:5432 refused for user hotel"));
            case "illegal" -> new IllegalArgumentException("checkout date 2026-12-01 must be after checkin date 2026-12-03");
            case "invalid-field" -> new InvalidRequestException("checkin_date", "is before the business date 2026-11-25");
            case "gateway" -> new PaymentGatewayException("the payment gateway did not answer within the time limit");
            case "circuit-open" -> new PaymentGatewayException("the payment gateway is failing; calls are paused", true,
                    new IllegalStateException("open"));
            case "currency" -> new CurrencyMismatchException(Money.currency("EUR"), Money.currency("USD"));
            case "custom-conflict" -> new ConflictException("a custom refusal") {
                @Override
                public String code() {
                    return "custom-refusal";
                }
            };
            default -> new IllegalStateException("guest jane@example.com broke the widget at db.internal:5432");
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the slow creation");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
