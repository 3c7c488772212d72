package io.hotelkit.server;

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

        static AvailabilityView of(Availability availability) {
            return new AvailabilityView(availability.stay().checkin(), availability.stay().checkout(),
                    availability.nights(), availability.offers().stream().map(OfferView::of).toList());
        }
    }

    record OfferView(String roomType, String ratePlan, int available, Money total, List<Views.NightPrice> nightly,
                     Views.Policy cancellationPolicy) {

        static OfferView of(Offer offer) {
            return new OfferView(offer.roomType(), offer.ratePlan(), offer.available(), offer.total(),
                    offer.nightly().stream().map(n -> new Views.NightPrice(n.date(), n.amount())).toList(),
                    Views.Policy.of(offer.cancellationPolicy()));
        }
    }

    private Reply search(ServerRequest req) {
        Stay stay = Params.stay(Params.date(req, "checkin_date"), Params.date(req, "checkout_date"));
        Occupancy occupancy = Occupancy.of(Params.integer(req, "adults", 2, 1, 100),
                Params.integer(req, "children", 0, 0, 100));
        AvailabilityQuery query = new AvailabilityQuery(Params.property(req), stay, occupancy,
                Params.query(req, "room_type").orElse(null), Params.query(req, "rate_plan").orElse(null));
        // The version first: an answer rendered after a write is kept under the version before it, which
        // no later search asks for. A search refused (the stay before the business date, say) is not kept,
        // and any change of the property that could refuse a kept one (the business date moving on) moves
        // the version too. An unknown property is 404 here as in the search.
        // This instance's own kept answers first (no round trip), then those instances share, if any.
        long version = engine.version(query.propertyId());
        Supplier<byte[]> render = () -> Json.bytes(AvailabilityView.of(search.search(query)));
        SharedOffers instances = shared;
        return Reply.ok(new Reply.Rendered(rendered.get(query, version,
                instances == null ? render : () -> instances.get(query, version, render))));
    }
}
