package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceService;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.PropertyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Invoices: issued from a booking's folio ({@code POST .../bookings/{id}/invoices}), numbered without gaps
 * per property and year, never changed; corrected by a credit note that reverses one in full.
 */
final class InvoicesResource implements HttpService {

    /** How many invoices a status filter reads per round, looking for a page's worth that match. */
    private static final int SCAN = 500;

    private final InvoiceService invoices;
    private final Idempotent idempotent;

    InvoicesResource(InvoiceService invoices, Idempotent idempotent) {
        this.invoices = invoices;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.ISSUE_INVOICE, idempotent.creating(this::issue))
                .handle(Route.LIST_INVOICES, this::list)
                .handle(Route.GET_INVOICE, this::get)
                .handle(Route.ISSUE_CREDIT_NOTE, idempotent.creating(this::credit)));
    }

    /** Invoices every charge of the folio that no standing invoice has yet; 409 when there is none. */
    private Reply issue(ServerRequest req) {
        return created(invoices.issue(Params.property(req), Params.booking(req), null));
    }

    private Reply credit(ServerRequest req) {
        return created(invoices.credit(Params.property(req), Params.invoice(req), null));
    }

    /** Invoices and credit notes in issue order; with {@code ?status=} only those outstanding, paid or credited. */
    private Reply list(ServerRequest req) {
        PropertyId property = Params.property(req);
        Optional<InvoiceService.Status> status = Params.enumeration(req, "status", InvoiceService.Status.class);
        return Reply.ok(Page.Request.of(req).fetch((after, limit) -> matching(property, status.orElse(null), after, limit),
                (Invoice invoice) -> invoice.id().value()).map(invoice -> Views.InvoiceView.of(invoice, invoices)));
    }

    private List<Invoice> matching(PropertyId property, InvoiceService.@Nullable Status status, @Nullable String after,
                                   int limit) {
        if (status == null) {
            return invoices.invoices(property, after == null ? null : InvoiceId.of(after), limit);
        }
        List<Invoice> found = new ArrayList<>();
        InvoiceId cursor = after == null ? null : InvoiceId.of(after);
        List<Invoice> scanned;
        do {
            scanned = invoices.invoices(property, cursor, SCAN);
            for (Invoice invoice : scanned) {
                if (found.size() < limit && invoices.status(invoice) == status) {
                    found.add(invoice);
                }
            }
            cursor = scanned.isEmpty() ? cursor : scanned.getLast().id();
        } while (found.size() < limit && scanned.size() == SCAN);
        return found;
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(Views.InvoiceView.of(invoices.invoice(Params.property(req), Params.invoice(req)), invoices));
    }

    private Reply created(Invoice invoice) {
        return Reply.created("/v1/properties/" + invoice.propertyId().value() + "/invoices/" + invoice.id().value(),
                Views.InvoiceView.of(invoice, invoices));
    }
}
