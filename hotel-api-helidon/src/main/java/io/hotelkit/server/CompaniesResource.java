package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.billing.CityLedger;
import io.hotelkit.billing.Company;
import io.hotelkit.billing.CompanyId;
import io.hotelkit.billing.PaymentMethod;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.InvoiceId;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.NotFoundException;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/properties/{propertyId}/companies}: companies and travel agents billed on account, their accounts
 * receivable and payments on account; and {@code .../reports/ageing}.
 */
final class CompaniesResource implements HttpService {

    private final CityLedger ledger;
    private final InventoryService inventory;
    private final Idempotent idempotent;

    CompaniesResource(CityLedger ledger, InventoryService inventory, Idempotent idempotent) {
        this.ledger = ledger;
        this.inventory = inventory;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_COMPANY, NewCompany.class, idempotent.creating(this::create))
                .handle(Route.LIST_COMPANIES, this::list)
                .handle(Route.GET_COMPANY, this::get)
                .handle(Route.UPDATE_COMPANY, NewCompany.class, this::update)
                .handle(Route.DELETE_COMPANY, this::delete)
                .handle(Route.RECORD_COMPANY_PAYMENT, NewAccountPayment.class, idempotent.creating(this::pay))
                .handle(Route.AGEING_REPORT, this::ageing));
    }

    record NewAddress(@NotBlank @Size(max = 200) String line1, @Nullable @Size(max = 200) String line2,
            @NotBlank @Size(max = 20) String postalCode, @NotBlank @Size(max = 100) String city,
            @NotNull @Pattern(regexp = "[A-Z]{2}") String country) {}

    /** A company's profile, to create it or to replace it. */
    record NewCompany(@NotNull Company.Kind kind, @NotBlank @Size(max = 200) String name, @NotNull @Valid NewAddress address,
            @Nullable @Pattern(regexp = "[A-Za-z0-9 .-]{2,32}") String vatId, @NotNull Money creditLimit) {}

    record NewAllocation(@NotNull @Size(min = 1, max = 64) String invoiceId, @NotNull Money amount) {}

    record NewAccountPayment(@NotNull Money amount, @NotNull PaymentMethod method, @Nullable @Size(min = 1, max = 100) String reference,
            @Nullable @Size(max = 100) List<@NotNull @Valid NewAllocation> allocations) {}

    private CityLedger.Profile profile(PropertyId property, NewCompany body) {
        Currency currency = inventory.property(property).currency();
        Money limit = Params.inCurrency(body.creditLimit(), currency, "credit_limit");
        if (limit.isNegative()) {
            throw new InvalidRequestException("credit_limit", "a credit limit is zero or more");
        }
        NewAddress a = body.address();
        try {
            return new CityLedger.Profile(body.kind(), body.name(), new Company.Address(a.line1(), a.line2(), a.postalCode(), a.city(),
                    a.country()), body.vatId(), limit);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("address", e.getMessage());
        }
    }

    private Reply create(ServerRequest req, NewCompany body) {
        PropertyId property = Params.property(req);
        Company company = ledger.create(property, profile(property, body), Idempotent.key(req));
        return Reply.created(location(company), Views.CompanyView.of(company, ledger));
    }

    private Reply list(ServerRequest req) {
        PropertyId property = Params.property(req);
        Page<Company> page = Page.Request.of(req).fetch(
                (after, limit) -> ledger.companies(property, after == null ? null : CompanyId.of(after), limit),
                (Company company) -> company.id().value());
        return Reply.ok(page.map(company -> Views.CompanyView.of(company, ledger)));
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(Views.CompanyView.of(ledger.company(Params.property(req), company(req)), ledger));
    }

    private Reply update(ServerRequest req, NewCompany body) {
        PropertyId property = Params.property(req);
        return Reply.ok(Views.CompanyView.of(ledger.update(property, company(req), profile(property, body)), ledger));
    }

    private Reply delete(ServerRequest req) {
        ledger.delete(Params.property(req), company(req));
        return Reply.noContent();
    }

    private Reply pay(ServerRequest req, NewAccountPayment body) {
        PropertyId property = Params.property(req);
        Currency currency = inventory.property(property).currency();
        Money amount = Params.positive(body.amount(), currency, "amount");
        List<CityLedger.Allocation> allocations = body.allocations() == null ? null : body.allocations().stream()
                .map(a -> new CityLedger.Allocation(invoiceId(a.invoiceId()), Params.inCurrency(a.amount(), currency, "allocations")))
                .toList();
        Company company = ledger.recordPayment(property, company(req), amount, body.method(), body.reference(), allocations,
                Idempotent.key(req));
        return Reply.created(location(company), Views.CompanyView.of(company, ledger));
    }

    private Reply ageing(ServerRequest req) {
        LocalDate date = Params.optionalDate(req, "date").orElse(null);
        return Reply.ok(Views.AgeingView.of(ledger.ageing(Params.property(req), date)));
    }

    private static InvoiceId invoiceId(String value) {
        try {
            return InvoiceId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("allocations", "not an invoice id: " + value);
        }
    }

    private static CompanyId company(ServerRequest req) {
        String value = Params.path(req, "companyId");
        try {
            return CompanyId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("company", value);
        }
    }

    private static String location(Company company) {
        return "/v1/properties/" + company.propertyId().value() + "/companies/" + company.id().value();
    }
}
