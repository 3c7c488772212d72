package io.hotelkit.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hotelkit.inventory.TaxPolicy;
import java.math.BigDecimal;
import java.util.function.Function;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.availability.Availability;
import io.hotelkit.availability.EngineView;
import io.hotelkit.availability.AvailabilityQuery;
import io.hotelkit.availability.AvailabilitySearch;
import io.hotelkit.availability.Offer;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.Stay;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** {@code /v1/properties/{propertyId}/availability}: what can be sold for a stay now, offer by offer. */
final class AvailabilityResource implements HttpService {

    private final AvailabilitySearch search;
    private final EngineView engine;
    private final RenderedOffers rendered;
    private final @Nullable SharedOffers shared;

    /** @param shared the answers instances share, or {@code null} to keep them in this process only */
    AvailabilityResource(AvailabilitySearch search, EngineView engine, RenderedOffers rendered, @Nullable SharedOffers shared) {
        this.search = search;
        this.engine = engine;
        this.rendered = rendered;
        this.shared = shared;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes.handle(Route.SEARCH_AVAILABILITY, this::search));
    }

    record AvailabilityView(LocalDate checkinDate, LocalDate checkoutDate, int nights, List<OfferView> offers) {

        /** The offers without their splits. */
        static AvailabilityView of(Availability availability) {
            return of(availability, offer -> null);
        }

        static AvailabilityView of(Availability availability, Function<Offer, TaxPolicy.@Nullable Split> splits) {
            return new AvailabilityView(availability.stay().checkin(), availability.stay().checkout(),
                    availability.nights(), availability.offers().stream().map(offer -> OfferView.of(offer, splits.apply(offer))).toList());
        }
    }

    /**
     * @param charges with {@code breakdown=true}: the total split by charge (the room, each package of the plan,
     *     the city tax), as the folio will hold it once every night is posted
     * @param vat with {@code breakdown=true}: per VAT rate, the net, VAT and gross of the charges
     */
    record OfferView(String roomType, String ratePlan, int available, Money total, List<Views.NightPrice> nightly,
                     Views.Policy cancellationPolicy,
                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<ChargeView> charges,
                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Views.VatLine> vat) {

        static OfferView of(Offer offer, TaxPolicy.@Nullable Split split) {
            return new OfferView(offer.roomType(), offer.ratePlan(), offer.available(), offer.total(),
                    offer.nightly().stream().map(n -> new Views.NightPrice(n.date(), n.amount())).toList(),
                    Views.Policy.of(offer.cancellationPolicy()),
                    split == null ? null : split.charges().stream().map(ChargeView::of).toList(),
                    split == null ? null : split.vat().stream().map(v -> new Views.VatLine(v.percent(), v.net(), v.vat(), v.gross()))
                            .toList());
        }
    }

    /**
     * One charge of an offer, summed over the stay.
     *
     * @param kind room, package or city_tax
     * @param code {@code room}, the package's code, or {@code city_tax}
     * @param amount as the folio's lines will have it (VAT included in it, or not, as the property says)
     * @param vatOnTop the VAT added on top of it; zero when VAT is included in prices
     */
    record ChargeView(TaxPolicy.LineKind kind, String code, String category, @Nullable BigDecimal vatPercent, Money amount,
                      Money vatOnTop) {

        static ChargeView of(TaxPolicy.ChargeTotal charge) {
            return new ChargeView(charge.kind(), charge.code(), charge.category(), charge.vatPercent(), charge.amount(),
                    charge.vatOnTop());
        }
    }

    private Reply search(ServerRequest req) {
        Stay stay = Params.stay(Params.date(req, "checkin_date"), Params.date(req, "checkout_date"));
        Occupancy occupancy = Params.occupancy(req);
        boolean breakdown = Params.bool(req, "breakdown", false);
        AvailabilityQuery query = new AvailabilityQuery(Params.property(req), stay, occupancy,
                Params.query(req, "room_type").orElse(null), Params.query(req, "rate_plan").orElse(null));
        // The version first: an answer rendered after a write is kept under the version before it, which
        // no later search asks for. A search refused (the stay before the business date, say) is not kept,
        // and any change of the property that could refuse a kept one (the business date moving on) moves
        // the version too. An unknown property is 404 here as in the search.
        // This instance's own kept answers first (no round trip), then those instances share, if any.
        long version = engine.version(query.propertyId());
        Supplier<byte[]> render = () -> Json.bytes(AvailabilityView.of(search.search(query),
                breakdown ? offer -> engine.split(query.propertyId(), offer, occupancy) : offer -> null));
        SharedOffers instances = shared;
        return Reply.ok(new Reply.Rendered(rendered.get(query, breakdown, version,
                instances == null ? render : () -> instances.get(query, breakdown, version, render))));
    }
}
