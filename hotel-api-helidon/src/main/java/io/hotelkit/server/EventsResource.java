package io.hotelkit.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.hotelkit.access.ApiKey;
import io.hotelkit.access.ApiKeys;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * {@code /v1/properties/{propertyId}/events}: the property's domain events as Server-Sent Events, for staff
 * dashboards. Each event's {@code id:} is its outbox position, {@code event:} its type
 * ({@code booking.created}) and {@code data:} its JSON. A client that reconnects with
 * {@code Last-Event-ID} misses nothing; without it the stream starts with the next event.
 *
 * <p>A stream holds at most one page of events at a time and no queue: it reads the outbox after the
 * last position it sent. Streams are capped in number (503 past the cap), send a comment when quiet so
 * that a client that has gone is noticed, end when their key is revoked, and end after {@link #LIFETIME},
 * for the client to reconnect.
 */
final class EventsResource implements HttpService {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int PAGE = 200;

    private final Outbox outbox;
    private final InventoryService inventory;
    private final ApiKeys apiKeys;
    private final Semaphore streams;
    private final Duration heartbeat;

    EventsResource(Outbox outbox, InventoryService inventory, ApiKeys apiKeys, int maxStreams, Duration heartbeat) {
        this.outbox = outbox;
        this.inventory = inventory;
        this.apiKeys = apiKeys;
        this.streams = new Semaphore(maxStreams);
        this.heartbeat = heartbeat;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes.stream(Route.EVENTS, this::stream));
    }

    private void stream(ServerRequest req, ServerResponse res) {
        PropertyId property = Params.property(req);
        inventory.property(property);
        long after = lastEventId(req);
        if (!streams.tryAcquire()) {
            throw ApiException.unavailable("too many event streams are open; retry in a minute", 60);
        }
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            follow(property, Caller.of(req).id(), after, sink);
        } catch (UncheckedIOException gone) {
            // the client went away; there is nothing left to send it
        } finally {
            streams.release();
        }
    }

    private void follow(PropertyId property, String key, long after, SseSink sink) {
        long position = after;
        long started = System.nanoTime();
        long lastSent = started;
        while (System.nanoTime() - started < LIFETIME.toNanos()) {
            List<Outbox.StoredEvent> page = outbox.readAfter(position, PAGE);
            for (Outbox.StoredEvent stored : page) {
                position = stored.position();
                if (property.equals(stored.event().propertyId())) {
                    sink.emit(SseEvent.builder()
                            .id(Long.toString(stored.position()))
                            .name(stored.event().type().code())
                            .data(Json.text(EventView.of(stored)))
                            .build());
                    lastSent = System.nanoTime();
                }
            }
            if (page.size() < PAGE) {
                if (System.nanoTime() - lastSent >= heartbeat.toNanos()) {
                    if (revoked(key)) {
                        return;
                    }
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                    lastSent = System.nanoTime();
                }
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private boolean revoked(String key) {
        return apiKeys.findBy(key).map(ApiKey::isRevoked).orElse(true);
    }

    /** Waits for the next poll; false when the server is stopping. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Where to resume: after {@code Last-Event-ID}, or after the newest event now. */
    private long lastEventId(ServerRequest req) {
        String header = req.headers().first(LAST_EVENT_ID).orElse(null);
        if (header == null || header.isBlank()) {
            return outbox.lastPosition();
        }
        try {
            long position = Long.parseLong(header.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidRequestException("Last-Event-ID", "must be the id of an event this stream sent");
    }
}
