package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.inventory.Property;
import io.hotelkit.operations.NightAudit;
import java.time.LocalDate;
import io.hotelkit.shared.PropertyId;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code /v1/properties/{propertyId}/business-date} and {@code .../night-audit}: the day the front office works on,
 * and closing it.
 */
final class OperationsResource implements HttpService {

    private final InventoryService inventory;
    private final NightAudit nightAudit;
    private final Consumer<PropertyId> afterAudit;

    /** @param afterAudit what follows a night audit, without blocking it: the forecast's training */
    OperationsResource(InventoryService inventory, NightAudit nightAudit, Consumer<PropertyId> afterAudit) {
        this.inventory = inventory;
        this.nightAudit = nightAudit;
        this.afterAudit = afterAudit;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.GET_BUSINESS_DATE, this::businessDate)
                .handle(Route.RUN_NIGHT_AUDIT, this::close));
    }

    record BusinessDate(String propertyId, LocalDate businessDate) {}

    /**
     * What a night audit did.
     *
     * @param nightsCharged in-house bookings whose night it charged now (a night charged by an earlier,
     *     interrupted audit is not charged again)
     */
    record AuditResult(LocalDate closedDate, LocalDate businessDate, int nightsCharged, int noShows,
                       List<String> releasedBlocks, List<DepositsResource.OverdueDeposit> overdueDeposits) {}

    private Reply businessDate(ServerRequest req) {
        Property property = inventory.property(Params.property(req));
        return Reply.ok(new BusinessDate(property.id().value(), property.businessDate()));
    }

    /**
     * Closes the business date: charges every guest in the house for the night, marks the unarrived as
     * no-shows, releases blocks that are due, and moves the date on by one day.
     */
    private Reply close(ServerRequest req) {
        NightAudit.Result result = nightAudit.close(Params.property(req));
        afterAudit.accept(Params.property(req));
        return Reply.ok(new AuditResult(result.closedDate(), result.businessDate(), result.charged(), result.noShows(),
                result.releasedBlocks(), result.overdueDeposits().stream()
                        .map(status -> new DepositsResource.OverdueDeposit(status.bookingId().value(), status.due(), status.paid(),
                                status.outstanding(), java.util.Objects.requireNonNull(status.dueOn())))
                        .toList()));
    }
}
