package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.shared.EventType;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Outbox;
import io.hotelkit.shared.PropertyId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code /v1/properties/{propertyId}/audit?entity=&id=}: who changed a thing, what they did and when, newest first,
 * from the outbox every change is recorded in.
 */
final class AuditResource implements HttpService {

    private static final Set<String> ENTITIES = Arrays.stream(EventType.values()).map(EventType::entity)
            .collect(Collectors.toCollection(TreeSet::new));

    private final Outbox outbox;
    private final InventoryService inventory;

    AuditResource(Outbox outbox, InventoryService inventory) {
        this.outbox = outbox;
        this.inventory = inventory;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes.handle(Route.AUDIT_TRAIL, this::trail));
    }

    /** Newest first, a page read from the store at a time; the cursor holds the position of the page's last event. */
    private Reply trail(ServerRequest req) {
        PropertyId property = Params.property(req);
        inventory.property(property);
        String entity = Params.requiredQuery(req, "entity");
        if (!ENTITIES.contains(entity)) {
            throw new InvalidRequestException("entity", "must be one of " + String.join(", ", ENTITIES));
        }
        String id = Params.requiredQuery(req, "id");
        Page.Request page = Page.Request.of(req);
        long before = page.cursor() == null ? Long.MAX_VALUE : position(page.cursor());
        // One more than the page holds, to know whether another page follows; the store reads no more.
        List<EventView> newestFirst = outbox.history(property, entity, id, before, page.limit() + 1).stream()
                .map(EventView::of)
                .toList();
        if (newestFirst.size() <= page.limit()) {
            return Reply.ok(new Page<>(newestFirst, null));
        }
        List<EventView> items = newestFirst.subList(0, page.limit());
        return Reply.ok(new Page<>(items, Page.cursorOf(Long.toString(items.getLast().position()))));
    }

    private static long position(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this list gave");
        }
    }
}
