package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.billing.FolioLine;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.reservations.FolioCharges;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code /v1/properties/{propertyId}/bookings/{bookingId}/folio} and {@code .../charges}: a booking's account and its extras. */
final class FoliosResource implements HttpService {

    private final FolioCharges charges;
    private final InventoryService inventory;
    private final Idempotent idempotent;

    FoliosResource(FolioCharges charges, InventoryService inventory, Idempotent idempotent) {
        this.charges = charges;
        this.inventory = inventory;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.GET_FOLIO, this::folio)
                .handle(Route.POST_CHARGE, NewCharge.class, idempotent.creating(this::charge)));
    }

    /**
     * An extra on the folio (minibar, restaurant, parking).
     *
     * @param category lower-case letters and {@code _}, such as {@code minibar}
     * @param date the business date it belongs to; today's when left out, never a later one
     */
    record NewCharge(
            @NotBlank @Size(max = 200) String description,
            @NotNull Money amount,
            @NotNull @Pattern(regexp = "[a-z][a-z_]{0,31}") String category,
            @Nullable LocalDate date) {}

    private Reply folio(ServerRequest req) {
        return Reply.ok(Views.FolioView.of(charges.folio(Params.property(req), Params.booking(req))));
    }

    private Reply charge(ServerRequest req, NewCharge body) {
        PropertyId property = Params.property(req);
        BookingId booking = Params.booking(req);
        Money amount = Params.positive(body.amount(), inventory.property(property).currency(), "amount");
        FolioLine line = charges.charge(property, booking, body.description(), amount, body.category(), body.date(),
                Idempotent.key(req));
        return Reply.created("/v1/properties/" + property.value() + "/bookings/" + booking.value() + "/folio",
                Views.FolioLineView.of(line));
    }
}
