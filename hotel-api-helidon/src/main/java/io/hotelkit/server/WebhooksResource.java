package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.shared.IdGenerator;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/properties/{propertyId}/webhooks}: a property's webhook subscriptions (admin, manager), their delivery
 * log, the redelivery of one event and the replay from a position. The signing secret is in the creation's
 * answer and nowhere else; creation takes no {@code Idempotency-Key}, since a stored reply would keep it.
 */
final class WebhooksResource implements HttpService {

    /** Subscriptions a property may have, so that one key cannot make the server call out without bound. */
    static final int MAX_PER_PROPERTY = 20;

    private final Webhooks webhooks;
    private final InventoryService inventory;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    WebhooksResource(Webhooks webhooks, InventoryService inventory, Outbox outbox, IdGenerator ids, Clock clock) {
        this.webhooks = webhooks;
        this.inventory = inventory;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_WEBHOOK, NewWebhook.class, this::create)
                .handle(Route.LIST_WEBHOOKS, this::list)
                .handle(Route.GET_WEBHOOK, req -> Reply.ok(WebhookView.of(subscription(req))))
                .handle(Route.DELETE_WEBHOOK, this::delete)
                .handle(Route.LIST_WEBHOOK_DELIVERIES, this::deliveries)
                .handle(Route.REDELIVER_WEBHOOK_EVENT, Redelivery.class, this::redeliver)
                .handle(Route.REPLAY_WEBHOOK, Replay.class, this::replay));
    }

    record NewWebhook(
            @NotBlank @Size(max = 2048) String url,
            @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 64) String> eventTypes) {}

    record Redelivery(@NotNull @Min(1) Long position) {}

    record Replay(@NotNull @Min(1) Long fromPosition) {}

    record WebhookView(String id, String url, List<String> eventTypes, String status, Instant createdAt, long position,
                       int failedAttempts, @Nullable Instant nextAttemptAt, @Nullable Instant failingSince,
                       @Nullable Instant disabledAt) {
        static WebhookView of(WebhookStore.Subscription s) {
            return new WebhookView(s.id(), s.url(), s.eventTypes(), s.status().name().toLowerCase(Locale.ROOT),
                    s.createdAt(), s.position(), s.attempts(), s.nextAttemptAt(), s.failingSince(), s.disabledAt());
        }
    }

    /** The one answer that holds the secret. */
    record CreatedWebhook(String id, String url, List<String> eventTypes, String status, Instant createdAt, long position,
                          String secret) {}

    record DeliveryView(long seq, Instant attemptedAt, String eventId, String eventType, long position,
                        @Nullable Integer status, long latencyMs, @Nullable String responseStart, @Nullable String error,
                        boolean manual) {
        static DeliveryView of(WebhookStore.Delivery d) {
            return new DeliveryView(d.seq(), d.attemptedAt(), d.eventId(), d.eventType(), d.position(), d.status(),
                    d.latencyMs(), d.responseStart(), d.error(), d.manual());
        }
    }

    private Reply create(ServerRequest req, NewWebhook body) {
        PropertyId property = Params.property(req);
        inventory.property(property);
        URI url;
        try {
            url = WebhookTargets.parse(body.url());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("url", e.getMessage());
        }
        webhooks.targets().refusal(url).ifPresent(refusal -> {
            throw new InvalidRequestException("url", refusal);
        });
        Set<String> types = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.eventTypes().size(); i++) {
            String type = body.eventTypes().get(i).strip();
            if (webhooks.events().known(type)) {
                types.add(type);
            } else {
                errors.add(new Problem.FieldError("event_types[" + i + "]",
                        "must be one of " + String.join(", ", webhooks.events().types())));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (webhooks.store().list(property).size() >= MAX_PER_PROPERTY) {
            throw ApiException.conflict("too-many-webhooks", "a property has at most " + MAX_PER_PROPERTY
                    + " webhook subscriptions; delete one first");
        }
        String secret = WebhookSecrets.newSecret();
        WebhookStore.Subscription subscription = new WebhookStore.Subscription(property, ids.next(), url.toString(),
                List.copyOf(types), webhooks.secrets().seal(secret), WebhookStore.Status.ACTIVE,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), outbox.lastPosition(), 0, null, null, null);
        webhooks.store().create(subscription);
        WebhookView view = WebhookView.of(subscription);
        return Reply.created("/v1/properties/" + property.value() + "/webhooks/" + subscription.id(), new CreatedWebhook(
                view.id(), view.url(), view.eventTypes(), view.status(), view.createdAt(), view.position(), secret));
    }

    private Reply list(ServerRequest req) {
        PropertyId property = Params.property(req);
        inventory.property(property);
        return Reply.ok(Page.Request.of(req).slice(webhooks.store().list(property).stream().map(WebhookView::of).toList(),
                WebhookView::id));
    }

    private WebhookStore.Subscription subscription(ServerRequest req) {
        PropertyId property = Params.property(req);
        inventory.property(property);
        String id = Params.path(req, "webhookId");
        return webhooks.store().find(property, id).orElseThrow(() -> new NotFoundException("webhook", id));
    }

    private Reply delete(ServerRequest req) {
        WebhookStore.Subscription subscription = subscription(req);
        webhooks.store().delete(subscription.propertyId(), subscription.id());
        return Reply.noContent();
    }

    /** Newest first; the cursor is the last entry's sequence number. */
    private Reply deliveries(ServerRequest req) {
        WebhookStore.Subscription subscription = subscription(req);
        Page.Request page = Page.Request.of(req);
        long before = Long.MAX_VALUE;
        if (page.cursor() != null) {
            try {
                before = Long.parseLong(page.cursor());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("cursor", "is not a cursor this list gave");
            }
        }
        List<DeliveryView> found = webhooks.store().deliveries(subscription.propertyId(), subscription.id(), before,
                page.limit() + 1).stream().map(DeliveryView::of).toList();
        if (found.size() <= page.limit()) {
            return Reply.ok(new Page<>(found, null));
        }
        List<DeliveryView> items = found.subList(0, page.limit());
        return Reply.ok(new Page<>(items, Page.cursorOf(Long.toString(items.getLast().seq()))));
    }

    /** Asks for one event to be delivered again, whatever the subscription's position, on its next round. */
    private Reply redeliver(ServerRequest req, Redelivery body) {
        WebhookStore.Subscription subscription = subscription(req);
        List<Outbox.StoredEvent> event = outbox.readAfter(body.position() - 1, 1);
        if (event.isEmpty() || event.getFirst().position() != body.position()
                || !subscription.propertyId().equals(event.getFirst().event().propertyId())) {
            throw new InvalidRequestException("position", "no event of this property has this position");
        }
        webhooks.store().requestRedelivery(subscription.propertyId(), subscription.id(), body.position(), clock.instant());
        return new Reply(202, new RedeliveryView(subscription.id(), body.position(), event.getFirst().event().id()), Map.of());
    }

    record RedeliveryView(String webhookId, long position, String eventId) {}

    /** Delivers again every event from a position on, in order; a disabled subscription is enabled. */
    private Reply replay(ServerRequest req, Replay body) {
        WebhookStore.Subscription subscription = subscription(req);
        long last = outbox.lastPosition();
        if (body.fromPosition() > last + 1) {
            throw new InvalidRequestException("from_position", "must be at most " + (last + 1) + ", one past the newest event");
        }
        webhooks.store().replayFrom(subscription.propertyId(), subscription.id(), body.fromPosition());
        return Reply.ok(WebhookView.of(webhooks.store().find(subscription.propertyId(), subscription.id())
                .orElseThrow(() -> new NotFoundException("webhook", subscription.id()))));
    }
}
