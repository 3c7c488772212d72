package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.billing.CompanyId;
import io.hotelkit.billing.Folio;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.billing.Payer;
import io.hotelkit.billing.RoutingRule;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.reservations.FolioWindows;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code .../bookings/{bookingId}/folios}: a booking's folio windows, their routing, and moving and correcting
 * their lines. Window 1 is the guest's folio that {@code .../folio} has always shown.
 */
final class FolioWindowsResource implements HttpService {

    private final FolioWindows windows;
    private final InventoryService inventory;
    private final Idempotent idempotent;

    FolioWindowsResource(FolioWindows windows, InventoryService inventory, Idempotent idempotent) {
        this.windows = windows;
        this.inventory = inventory;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.LIST_FOLIOS, this::list)
                .handle(Route.OPEN_FOLIO, NewWindow.class, idempotent.creating(this::open))
                .handle(Route.GET_FOLIO_WINDOW, this::get)
                .handle(Route.SET_FOLIO_ROUTING, NewRouting.class, this::route)
                .handle(Route.MOVE_FOLIO_LINE, NewMove.class, idempotent.creating(this::move))
                .handle(Route.VOID_FOLIO_LINE, NewVoid.class, idempotent.creating(this::voidLine))
                .handle(Route.POST_ALLOWANCE, NewAllowance.class, idempotent.creating(this::allowance)));
    }

    /**
     * Who a new window is billed to.
     *
     * @param payerKind guest, person or company
     * @param name the person's name, for a person
     * @param companyId the company, for a company
     */
    record NewWindow(@NotNull Payer.Kind payerKind, @Nullable @Size(min = 1, max = 200) String name,
            @Nullable @Size(min = 1, max = 64) String companyId) {}

    /** @param routes what the window takes: {@code room}, {@code tax}, {@code city_tax}, {@code extra}, {@code extra:minibar} */
    record NewRouting(@NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z_]{1,16}(:[a-z][a-z_]{0,31})?") String> routes) {}

    /** @param bookingId the booking to move to (this one when left out); @param window its window */
    record NewMove(@Nullable @Size(min = 1, max = 64) String bookingId, @NotNull Integer window) {}

    record NewVoid(@NotBlank @Size(max = 200) String reason) {}

    record NewAllowance(@NotNull Money amount, @NotBlank @Size(max = 200) String reason) {}

    private Reply list(ServerRequest req) {
        return Reply.ok(windows.windows(Params.property(req), Params.booking(req)).stream().map(Views.FolioWindowView::of).toList());
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(Views.FolioWindowView.of(windows.window(Params.property(req), Params.booking(req), window(req))));
    }

    private Reply open(ServerRequest req, NewWindow body) {
        PropertyId property = Params.property(req);
        BookingId booking = Params.booking(req);
        Payer payer = switch (body.payerKind()) {
            case GUEST -> {
                refuseExtra(body.name(), "name", body.companyId(), "company_id");
                yield Payer.guest();
            }
            case PERSON -> {
                refuseExtra(body.companyId(), "company_id", null, null);
                if (body.name() == null || body.name().isBlank()) {
                    throw new InvalidRequestException("name", "a person as payer needs a name");
                }
                yield Payer.person(body.name());
            }
            case COMPANY -> {
                refuseExtra(body.name(), "name", null, null);
                if (body.companyId() == null) {
                    throw new InvalidRequestException("company_id", "a company as payer needs a company_id");
                }
                yield Payer.company(CompanyId.of(body.companyId()));
            }
        };
        Folio opened;
        try {
            opened = windows.open(property, booking, payer, Idempotent.key(req));
        } catch (NotFoundException e) {
            if ("company".equals(e.kind())) {
                throw new InvalidRequestException("company_id", "the property has no company '" + body.companyId() + "'");
            }
            throw e;
        }
        return Reply.created(location(opened), Views.FolioWindowView.of(opened));
    }

    private Reply route(ServerRequest req, NewRouting body) {
        List<RoutingRule> rules = body.routes().stream().map(FolioWindows::rule).toList();
        return Reply.ok(Views.FolioWindowView.of(windows.route(Params.property(req), Params.booking(req), window(req), rules)));
    }

    private Reply move(ServerRequest req, NewMove body) {
        PropertyId property = Params.property(req);
        BookingId booking = Params.booking(req);
        BookingId to = booking;
        if (body.bookingId() != null) {
            try {
                to = BookingId.of(body.bookingId());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("booking_id", "not a booking id");
            }
        }
        FolioWindows.Move move;
        try {
            move = windows.move(property, booking, window(req), Params.path(req, "lineId"), to, body.window(), Idempotent.key(req));
        } catch (NotFoundException e) {
            if ("booking".equals(e.kind()) && !to.equals(booking) && e.key().equals(to.value())) {
                throw new InvalidRequestException("booking_id", "the property has no booking '" + to + "'");
            }
            throw e;
        }
        return Reply.created(location(move.target()), new Views.MoveView(Views.FolioLineView.of(move.out()), Views.FolioLineView.of(move.in()),
                move.target().bookingId().value(), move.target().window()));
    }

    private Reply voidLine(ServerRequest req, NewVoid body) {
        FolioLine line = windows.voidLine(Params.property(req), Params.booking(req), window(req), Params.path(req, "lineId"),
                body.reason(), Idempotent.key(req));
        return Reply.created(windowPath(req), Views.FolioLineView.of(line));
    }

    private Reply allowance(ServerRequest req, NewAllowance body) {
        PropertyId property = Params.property(req);
        Money amount = Params.positive(body.amount(), inventory.property(property).currency(), "amount");
        FolioLine line = windows.allowance(property, Params.booking(req), window(req), Params.path(req, "lineId"), amount, body.reason(),
                Idempotent.key(req));
        return Reply.created(windowPath(req), Views.FolioLineView.of(line));
    }

    private static void refuseExtra(@Nullable String value, String field, @Nullable String other, @Nullable String otherField) {
        if (value != null) {
            throw new InvalidRequestException(field, "not taken for this payer_kind");
        }
        if (other != null && otherField != null) {
            throw new InvalidRequestException(otherField, "not taken for this payer_kind");
        }
    }

    /** The window in the path: 1 to 8, else 404 (there is no such window). */
    static int window(ServerRequest req) {
        String value = Params.path(req, "window");
        if (!value.matches("[1-8]")) {
            throw new NotFoundException("folio window", value);
        }
        return Integer.parseInt(value);
    }

    private static String windowPath(ServerRequest req) {
        return "/v1/properties/" + Params.property(req).value() + "/bookings/" + Params.booking(req).value() + "/folios/" + window(req);
    }

    private static String location(Folio folio) {
        return "/v1/properties/" + folio.propertyId().value() + "/bookings/" + folio.bookingId().value() + "/folios/" + folio.window();
    }
}
