package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.inventory.NewProperty;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.TaxPolicy;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code /v1/properties}: admins open properties; every key reads those in its scope. */
final class PropertiesResource implements HttpService {

    private final InventoryService inventory;
    private final Idempotent idempotent;

    PropertiesResource(InventoryService inventory, Idempotent idempotent) {
        this.inventory = inventory;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_PROPERTY, NewPropertyBody.class, idempotent.creating(this::create))
                .handle(Route.LIST_PROPERTIES, this::list)
                .handle(Route.GET_PROPERTY, this::get));
    }

    record NewPropertyBody(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}") String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String timezone,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull LocalTime checkInTime,
            @NotNull LocalTime checkOutTime,
            @Nullable @Min(1) @Max(Property.LONGEST_MAX_STAY_NIGHTS) Integer maxStayNights,
            @Valid Views.@Nullable Tax tax,
            @Nullable LocalDate businessDate,
            @Nullable @Pattern(regexp = "[a-z]{2,3}") String language,
            @Nullable @Size(min = 1, max = 500) String address,
            @Nullable @Size(min = 1, max = 32) String vatId) {}

    private Reply create(ServerRequest req, NewPropertyBody body) {
        if (!Caller.of(req).apiKey().allProperties()) {
            throw ApiException.forbidden("a key scoped to some properties cannot open a property: it could never see it");
        }
        Currency currency = currency(body.currency());
        TaxPolicy taxes = body.tax() == null ? null : body.tax().toPolicy(currency);
        Property property = inventory.createProperty(new NewProperty(body.code(), body.name(), timezone(body.timezone()),
                currency, body.checkInTime(), body.checkOutTime(), body.maxStayNights(), taxes, body.businessDate(), body.language(), body.address(), body.vatId()));
        return Reply.created("/v1/properties/" + property.id().value(), Views.PropertyView.of(property));
    }

    /** The caller's properties: all of them, or those its key is scoped to. */
    private Reply list(ServerRequest req) {
        Caller caller = Caller.of(req);
        Page.Request page = Page.Request.of(req);
        if (caller.apiKey().allProperties()) {
            return Reply.ok(page.fetch((after, limit) -> inventory.properties(after == null ? null : PropertyId.of(after), limit),
                    (Property p) -> p.id().value()).map(Views.PropertyView::of));
        }
        List<Property> scoped = caller.apiKey().propertyIds().stream()
                .map(this::propertyIfAny)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(p -> p.id().value()))
                .toList();
        return Reply.ok(page.slice(scoped, p -> p.id().value()).map(Views.PropertyView::of));
    }

    private Optional<Property> propertyIfAny(PropertyId id) {
        try {
            return Optional.of(inventory.property(id));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(Views.PropertyView.of(inventory.property(Params.property(req))));
    }

    private static ZoneId timezone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timezone", "must be an IANA time zone such as 'Europe/Lisbon', not '"
                    + timezone + "'");
        }
    }

    private static Currency currency(String code) {
        try {
            return Money.currency(Objects.requireNonNull(code));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("currency", "must be an ISO 4217 code such as 'EUR', not '" + code + "'");
        }
    }
}
