package io.hotelkit.server;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.billing.Invoice;
import io.hotelkit.billing.InvoiceService;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Invoices: issued from a booking's folio ({@code POST .../bookings/{bookingId}/invoices}), numbered without gaps
 * per property and year, never changed; corrected by a credit note that reverses one in full.
 */
final class InvoicesResource implements HttpService {

    /**
     * The most invoices one page of a {@code ?status=} list looks at. An invoice's status follows from its
     * folio's balance and its credit notes, so it is worked out invoice by invoice, not looked up: a page
     * stops after this many, however few matched, and its {@code next_cursor} goes on from there.
     */
    static final int MAX_SCAN = 500;

    static final MediaType PDF = MediaTypes.create("application", "pdf");

    /** Who may issue a partial credit note (front desk credits an invoice in full only). */
    static final Roles PARTIAL_CREDIT = Roles.allow(io.hotelkit.access.Role.MANAGER);

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
                .handle(Route.ISSUE_CREDIT_NOTE, NewCreditNote.class, NewCreditNote.FULL, idempotent.creating(this::credit)));
    }

    /**
     * Invoices every charge of the folio (of window {@code ?window=}, the guest's when left out) that no standing
     * invoice has yet; 409 when there is none. A company's window is billed to its account.
     */
    private Reply issue(ServerRequest req) {
        int window = Params.integer(req, "window", 1, 1, io.hotelkit.billing.Folio.MAX_WINDOWS);
        return created(window == 1 ? invoices.issue(Params.property(req), Params.booking(req), Idempotent.key(req))
                : invoices.issue(Params.property(req), Params.booking(req), window, Idempotent.key(req)));
    }

    /** A line of a partial credit note: the folio line on the invoice and how much of it (all that is left when left out). */
    record NewCreditLine(@NotNull @Size(min = 1, max = 64) String folioLineId, @Nullable Money amount) {}

    /** A partial credit note's lines and reason; no body (or an empty one) credits the invoice in full. */
    record NewCreditNote(@Nullable @Size(min = 1, max = 200) List<@NotNull @Valid NewCreditLine> lines,
            @Nullable @Size(min = 1, max = 200) String reason) {
        static final NewCreditNote FULL = new NewCreditNote(null, null);
    }

    private Reply credit(ServerRequest req, NewCreditNote body) {
        if (body.lines() == null) {
            if (body.reason() != null) {
                throw new InvalidRequestException("lines", "a reason goes with the lines of a partial credit note");
            }
            return created(invoices.credit(Params.property(req), Params.invoice(req), Idempotent.key(req)));
        }
        if (body.reason() == null) {
            throw new InvalidRequestException("reason", "a partial credit note needs a reason");
        }
        if (!PARTIAL_CREDIT.admits(Caller.of(req).role())) {
            throw ApiException.forbidden("an API key with role %s may not credit chosen lines; roles that may: %s".formatted(
                    Roles.wire(Caller.of(req).role()), PARTIAL_CREDIT));
        }
        PropertyId property = Params.property(req);
        java.util.Currency currency = invoices.invoice(property, Params.invoice(req)).total().currency();
        List<InvoiceService.CreditLine> lines = body.lines().stream().map(line -> new InvoiceService.CreditLine(line.folioLineId(),
                line.amount() == null ? null : Params.positive(line.amount(), currency, "lines"))).toList();
        return created(invoices.credit(property, Params.invoice(req), lines, body.reason(), Idempotent.key(req)));
    }

    /**
     * Invoices and credit notes in issue order; with {@code ?status=} only those outstanding, paid or
     * credited, with {@code ?booking_id=} only those of one booking, looking at {@link #MAX_SCAN} invoices at
     * most: such a page may hold fewer than {@code limit} items, even none, and still have a {@code next_cursor}.
     */
    private Reply list(ServerRequest req) {
        PropertyId property = Params.property(req);
        Optional<InvoiceService.Status> status = Params.enumeration(req, "status", InvoiceService.Status.class);
        Optional<String> booking = Params.query(req, "booking_id");
        Page.Request page = Page.Request.of(req);
        Page<Invoice> found = status.isEmpty() && booking.isEmpty()
                ? page.fetch((after, limit) -> invoices.invoices(property, after == null ? null : InvoiceId.of(after), limit),
                        (Invoice invoice) -> invoice.id().value())
                : page.filtered((after, limit) -> invoices.invoices(property, after == null ? null : InvoiceId.of(after), limit),
                        invoice -> invoice.id().value(),
                        invoice -> booking.map(id -> id.equals(invoice.bookingId().value())).orElse(true)
                                && status.map(wanted -> invoices.status(invoice) == wanted).orElse(true),
                        MAX_SCAN);
        return Reply.ok(found.map(invoice -> Views.InvoiceView.of(invoice, invoices)));
    }

    /** The invoice as JSON, or as a PDF when the request's {@code Accept} prefers {@code application/pdf}. */
    private Reply get(ServerRequest req) {
        Invoice invoice = invoices.invoice(Params.property(req), Params.invoice(req));
        MediaType wanted = req.headers().bestAccepted(MediaTypes.APPLICATION_JSON, PDF).orElse(MediaTypes.APPLICATION_JSON);
        if (!wanted.equals(PDF)) {
            return Reply.ok(Views.InvoiceView.of(invoice, invoices));
        }
        InvoicePdf.Parties parties = new InvoicePdf.Parties(invoices.seller(invoice), invoices.billTo(invoice), null,
                invoice.credits() == null ? null : invoices.invoice(invoice.propertyId(), invoice.credits()).number());
        return Reply.ok(new Reply.Document(InvoicePdf.render(invoice, parties, invoices.vatBreakdown(invoice)), PDF.text()))
                .withHeader("Content-Disposition", "inline; filename=\"" + invoice.number() + ".pdf\"");
    }

    private Reply created(Invoice invoice) {
        return Reply.created("/v1/properties/" + invoice.propertyId().value() + "/invoices/" + invoice.id().value(),
                Views.InvoiceView.of(invoice, invoices));
    }
}
