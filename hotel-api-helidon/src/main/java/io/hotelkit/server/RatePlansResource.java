package io.hotelkit.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hotelkit.rates.RatePackage;
import io.hotelkit.shared.InvalidRequestException;
import java.util.ArrayList;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.inventory.Property;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.DepositPolicy;
import io.hotelkit.server.DepositsResource.DepositPolicyBody;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.PriceRow;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.RateService;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/properties/{propertyId}/rate-plans}: how room types are sold, and each plan's nightly grid of prices
 * and restrictions ({@code .../prices}). A derived plan has no grid of its own: it reads as its parent's,
 * adjusted.
 */
final class RatePlansResource implements HttpService {

    /** Rows in one price update; {@link RateService#MAX_NIGHTS_PER_UPDATE} bounds the nights they cover. */
    static final int MAX_PRICE_ROWS = 5_000;

    private final RateService rates;
    private final InventoryService inventory;
    private final Idempotent idempotent;

    RatePlansResource(RateService rates, InventoryService inventory, Idempotent idempotent) {
        this.rates = rates;
        this.inventory = inventory;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_RATE_PLAN, NewRatePlan.class, idempotent.creating(this::create))
                .handle(Route.LIST_RATE_PLANS, this::list)
                .handle(Route.GET_RATE_PLAN, this::get)
                .handle(Route.SET_DEPOSIT_POLICY, DepositPolicyBody.class, this::setDepositPolicy)
                .handle(Route.SET_PRICES, this::setPrices)
                .handle(Route.GET_PRICES, this::prices));
    }

    record NewRatePlan(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}") String code,
            @NotBlank @Size(max = 200) String name,
            @Nullable MealPlan mealPlan,
            @NotNull @Valid Views.Policy cancellationPolicy,
            @Nullable @Valid Derivation derivedFrom,
            @Nullable @DecimalMin("0") @DecimalMax(value = "100", inclusive = false) BigDecimal channelPriceTolerancePercent,
            @Nullable @Valid DepositPolicyBody depositPolicy,
            @Nullable @Size(max = RatePlan.MAX_PACKAGES) List<@NotNull @Valid PackageBody> packages) {}

    /** Something the plan includes besides the room, priced on top of it (see {@link RatePackage}). */
    record PackageBody(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "[a-z][a-z_]{0,31}") String category,
            @NotNull RatePackage.Basis basis,
            @NotNull Money price) {}

    record Derivation(
            @NotBlank @Size(max = 32) String ratePlan,
            @NotNull @DecimalMin(value = "-100", inclusive = false) @DecimalMax("1000") BigDecimal adjustmentPercent) {}

    /** @param packages absent when the plan has none, as for plans made before them */
    record RatePlanView(String code, String name, MealPlan mealPlan, Views.Policy cancellationPolicy,
                        @Nullable Derivation derivedFrom, @Nullable BigDecimal channelPriceTolerancePercent,
                        DepositPolicyBody depositPolicy,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PackageBody> packages) {

        static RatePlanView of(RatePlan plan) {
            return new RatePlanView(plan.code(), plan.name(), plan.mealPlan(), Views.Policy.of(plan.cancellationPolicy()),
                    plan.derivation().map(d -> new Derivation(d.parentRatePlan(), d.adjustmentPercent())).orElse(null),
                    plan.channelPriceTolerance(), DepositPolicyBody.of(plan.depositPolicy()), plan.packages().stream()
                            .map(p -> new PackageBody(p.code(), p.name(), p.category(), p.basis(), p.price())).toList());
        }
    }

    /** The packages of a body: 400 naming the one at fault. */
    private static List<RatePackage> packages(@Nullable List<PackageBody> bodies) {
        List<RatePackage> packages = new ArrayList<>();
        if (bodies == null) {
            return packages;
        }
        for (int i = 0; i < bodies.size(); i++) {
            PackageBody body = bodies.get(i);
            String at = "packages[" + i + "]";
            if (body.category().equals("room") || body.category().equals("city_tax")) {
                throw new InvalidRequestException(at + ".category", "is a charge category other than room and city_tax");
            }
            if (body.price().isNegative()) {
                throw new InvalidRequestException(at + ".price", "must not be negative");
            }
            if (packages.stream().anyMatch(other -> other.code().equals(body.code()))) {
                throw new InvalidRequestException(at + ".code", "is the code of another package of the plan");
            }
            packages.add(new RatePackage(body.code(), body.name(), body.category(), body.basis(), body.price()));
        }
        return packages;
    }

    /** One row of a price update: the same price and restrictions every night of {@code [from, to)}. */
    record PriceRowBody(
            @NotBlank @Size(max = 32) String roomType,
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotNull Money amount,
            @Nullable Money extraAdult,
            @Nullable Money extraChild,
            @Nullable @Min(1) @Max(730) Integer minStay,
            @Nullable @Min(1) @Max(730) Integer maxStay,
            @Nullable Boolean closed,
            @Nullable Boolean closedToArrival,
            @Nullable Boolean closedToDeparture) {}

    /** One night of a grid. */
    record NightRate(String roomType, LocalDate date, Money amount, Money extraAdult, Money extraChild,
                     @Nullable Integer minStay, @Nullable Integer maxStay, boolean closed, boolean closedToArrival,
                     boolean closedToDeparture) {

        static NightRate of(DailyRate rate) {
            return new NightRate(rate.roomType(), rate.night(), rate.amount(), rate.extraAdult(), rate.extraChild(),
                    rate.minStay(), rate.maxStay(), rate.closed(), rate.closedToArrival(), rate.closedToDeparture());
        }
    }

    private Reply create(ServerRequest req, NewRatePlan body) {
        PropertyId property = Params.property(req);
        DerivedRate derived = body.derivedFrom() == null ? null
                : new DerivedRate(body.derivedFrom().ratePlan(), body.derivedFrom().adjustmentPercent());
        RatePlan plan = rates.addRatePlan(property, body.code(), body.name(), body.mealPlan(),
                body.cancellationPolicy().toPolicy(), derived, body.channelPriceTolerancePercent(),
                body.depositPolicy() == null ? DepositPolicy.none() : body.depositPolicy().toPolicy("deposit_policy"),
                packages(body.packages()));
        return Reply.created("/v1/properties/" + property.value() + "/rate-plans/" + plan.code(), RatePlanView.of(plan));
    }

    /** Gives a plan another deposit policy; bookings made before keep theirs. */
    private Reply setDepositPolicy(ServerRequest req, DepositPolicyBody body) {
        DepositPolicy policy = body.toPolicy("deposit_policy");
        return Reply.ok(RatePlanView.of(rates.setDepositPolicy(Params.property(req), Params.path(req, "ratePlanCode"), policy)));
    }

    private Reply list(ServerRequest req) {
        return Reply.ok(Page.Request.of(req).slice(rates.ratePlans(Params.property(req)).stream()
                .map(RatePlanView::of).sorted(Comparator.comparing(RatePlanView::code)).toList(), RatePlanView::code));
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(RatePlanView.of(rates.ratePlan(Params.property(req), Params.path(req, "ratePlanCode"))));
    }

    /** Sets the rows, later rows winning a night two rows name; all or nothing. */
    private Reply setPrices(ServerRequest req) {
        List<PriceRowBody> body = Bodies.readList(req, PriceRowBody.class, MAX_PRICE_ROWS);
        PropertyId id = Params.property(req);
        Property property = inventory.property(id);
        List<PriceRow> rows = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            PriceRowBody row = body.get(i);
            String at = "[" + i + "].";
            rows.add(new PriceRow(row.roomType(), Params.range(row.from(), row.to(), at + "to"),
                    Params.inCurrency(row.amount(), property.currency(), at + "amount"),
                    Params.inCurrencyOrNull(row.extraAdult(), property.currency(), at + "extra_adult"),
                    Params.inCurrencyOrNull(row.extraChild(), property.currency(), at + "extra_child"),
                    row.minStay(), row.maxStay(), Boolean.TRUE.equals(row.closed()),
                    Boolean.TRUE.equals(row.closedToArrival()), Boolean.TRUE.equals(row.closedToDeparture())));
        }
        rates.setPrices(id, Params.path(req, "ratePlanCode"), rows);
        return Reply.noContent();
    }

    /** The grid of one room type for {@code [from, to)}, a row a priced night; at most 731 nights, one page. */
    private Reply prices(ServerRequest req) {
        LocalDate from = Params.date(req, "from");
        List<DailyRate> grid = rates.prices(Params.property(req), Params.path(req, "ratePlanCode"),
                Params.requiredQuery(req, "room_type"), Params.range(from, Params.date(req, "to"), "to"));
        return Reply.ok(new Page<>(grid.stream().map(NightRate::of).toList(), null));
    }
}
