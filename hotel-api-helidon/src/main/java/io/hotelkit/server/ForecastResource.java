package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.Hotel;
import io.hotelkit.forecast.BookingHistory;
import io.hotelkit.forecast.BookingSnapshot;
import io.hotelkit.forecast.CancellationModel;
import io.hotelkit.forecast.DemandForecaster;
import io.hotelkit.forecast.ForecastService;
import io.hotelkit.forecast.NightForecast;
import io.hotelkit.forecast.OverbookingRule;
import io.hotelkit.inventory.NightAllowance;
import io.hotelkit.inventory.Property;
import io.hotelkit.inventory.Room;
import io.hotelkit.reservations.Booking;
import io.hotelkit.reservations.BookingFilter;
import io.hotelkit.shared.BookingId;
import io.hotelkit.shared.DateRange;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/properties/{propertyId}/forecast}: per night and room type, the bookings on the books, the
 * cancellations and no-shows expected of them, the net demand and a recommended overbooking allowance;
 * training the property's model in the background; applying the recommendation. Also each booking's
 * chance of cancelling, and a room type's overbooking night by night.
 */
final class ForecastResource implements HttpService {

    /** The longest forecast or overbooking range one request asks for. */
    static final int MAX_NIGHTS = 366;
    private static final String DEFAULT_WALK_COST = "300";
    private static final String DEFAULT_EMPTY_ROOM_VALUE = "100";
    private static final double DEFAULT_MAX_WALK_RISK = 0.05;

    private final Hotel hotel;
    private final ForecastService forecasts;

    ForecastResource(Hotel hotel, ForecastService forecasts) {
        this.hotel = hotel;
        this.forecasts = forecasts;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.GET_FORECAST, this::forecast)
                .handle(Route.TRAIN_FORECAST, this::train)
                .handle(Route.APPLY_FORECAST, ApplyForecast.class, this::apply)
                .handle(Route.GET_CANCELLATION_FORECAST, this::cancellation)
                .handle(Route.SET_OVERBOOKING, NightsOverbooking.class, this::setOverbooking)
                .handle(Route.GET_OVERBOOKING, this::overbooking));
    }

    /**
     * Starts training the property's model from its finished bookings, on a thread of its own; returns at
     * once. Called by the night audit too.
     */
    void trainLater(PropertyId propertyId) {
        Property property = hotel.inventory().property(propertyId);
        forecasts.train(propertyId, () -> BookingHistory.labelled(allBookings(propertyId), property.timezone(), roomsPerType(propertyId)));
    }

    // ---- views -----------------------------------------------------------------------------------------------

    record ModelView(long version, Instant trainedAt, int trainedOn) {
        static @Nullable ModelView of(Optional<CancellationModel> model) {
            return model.map(m -> new ModelView(m.version(), m.trainedAt(), m.trainedOn())).orElse(null);
        }
    }

    record RuleView(Money walkCost, Money emptyRoomValue, double maxWalkRisk, double criticalRatio) {}

    /**
     * One night of one room type.
     *
     * @param overbooking the allowance the night has now; {@code recommendedOverbooking} the rule's
     */
    record NightView(LocalDate night, String roomType, int rooms, int onBooks, BigDecimal expectedCancellations,
                     BigDecimal netDemand, int overbooking, int recommendedOverbooking) {}

    record Forecast(String propertyId, LocalDate from, LocalDate to, ModelView model, RuleView rule, List<NightView> nights) {}

    /** @param lastFailure why the last training failed, if it did (too few finished bookings, say) */
    record Training(String propertyId, boolean training, @Nullable ModelView model, @Nullable String lastFailure) {}

    record CancellationForecast(String bookingId, BigDecimal probability, ModelView model, List<String> features) {}

    record ApplyForecast(
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @Nullable @DecimalMin("0.01") @DecimalMax("1000000") BigDecimal walkCost,
            @Nullable @DecimalMin("0.01") @DecimalMax("1000000") BigDecimal emptyRoomValue,
            @Nullable @DecimalMin("0") @DecimalMax("1") BigDecimal maxWalkRisk) {}

    record Applied(String propertyId, LocalDate from, LocalDate to, RuleView rule, List<OverbookingNight> nights) {}

    record OverbookingNight(LocalDate night, String roomType, int overbooking) {}

    /** @param overbooking the nights' allowance; {@code null} gives them the room type's own again */
    record NightsOverbooking(@NotNull LocalDate from, @NotNull LocalDate to, @Nullable @Min(0) @Max(NightAllowance.MAX) Integer overbooking) {}

    record Overbooking(String roomType, int overbookingLimit, List<OverbookingNight> nights) {}

    // ---- handlers --------------------------------------------------------------------------------------------

    private Reply forecast(ServerRequest req) {
        PropertyId propertyId = Params.property(req);
        Property property = hotel.inventory().property(propertyId);
        DateRange nights = nights(Params.date(req, "from"), Params.date(req, "to"));
        OverbookingRule rule = rule(property, Params.query(req, "walk_cost").map(v -> decimal("walk_cost", v)).orElse(null),
                Params.query(req, "empty_room_value").map(v -> decimal("empty_room_value", v)).orElse(null),
                Params.query(req, "max_walk_risk").map(v -> decimal("max_walk_risk", v)).orElse(null));
        CancellationModel model = requireModel(propertyId);
        List<NightForecast> forecast = forecast(property, nights, model, rule);
        Map<String, Map<LocalDate, Integer>> current = hotel.inventory().overbooking(propertyId, nights);
        List<NightView> views = forecast.stream().map(n -> new NightView(n.night(), n.roomType(), n.rooms(), n.onBooks(),
                scale(n.expectedCancellations()), scale(n.netDemand()),
                current.getOrDefault(n.roomType(), Map.of()).getOrDefault(n.night(), 0), n.recommendedAllowance())).toList();
        return Reply.ok(new Forecast(propertyId.value(), nights.start(), nights.end(), ModelView.of(Optional.of(model)),
                view(rule), views));
    }

    private Reply train(ServerRequest req) {
        PropertyId propertyId = Params.property(req);
        trainLater(propertyId);
        return new Reply(202, new Training(propertyId.value(), forecasts.training(propertyId), ModelView.of(forecasts.model(propertyId)),
                forecasts.lastFailure(propertyId).orElse(null)), Map.of());
    }

    private Reply apply(ServerRequest req, ApplyForecast body) {
        PropertyId propertyId = Params.property(req);
        Property property = hotel.inventory().property(propertyId);
        DateRange nights = nights(body.from(), body.to());
        OverbookingRule rule = rule(property, body.walkCost(), body.emptyRoomValue(), body.maxWalkRisk());
        List<NightForecast> forecast = forecast(property, nights, requireModel(propertyId), rule);
        List<OverbookingNight> set = new ArrayList<>();
        for (NightForecast night : forecast) {
            hotel.inventory().setOverbooking(propertyId, night.roomType(), DateRange.of(night.night(), night.night().plusDays(1)),
                    night.recommendedAllowance());
            set.add(new OverbookingNight(night.night(), night.roomType(), night.recommendedAllowance()));
        }
        return Reply.ok(new Applied(propertyId.value(), nights.start(), nights.end(), view(rule), set));
    }

    private Reply cancellation(ServerRequest req) {
        PropertyId propertyId = Params.property(req);
        Property property = hotel.inventory().property(propertyId);
        Booking booking = hotel.bookings().booking(propertyId, Params.booking(req));
        CancellationModel model = requireModel(propertyId);
        List<Booking> all = allBookings(propertyId);
        List<BookingSnapshot> snapshots = BookingHistory.snapshots(all, property.timezone(), roomsPerType(propertyId));
        BookingSnapshot snapshot = snapshots.get(indexOf(all, booking.id()));
        return Reply.ok(new CancellationForecast(booking.id().value(), BigDecimal.valueOf(model.probability(snapshot)).setScale(4,
                java.math.RoundingMode.HALF_EVEN), ModelView.of(Optional.of(model)), io.hotelkit.forecast.Features.NAMES));
    }

    private Reply setOverbooking(ServerRequest req, NightsOverbooking body) {
        PropertyId propertyId = Params.property(req);
        String roomType = Params.path(req, "roomTypeCode");
        DateRange nights = nights(body.from(), body.to());
        hotel.inventory().setOverbooking(propertyId, roomType, nights, body.overbooking());
        return overbooking(propertyId, roomType, nights);
    }

    private Reply overbooking(ServerRequest req) {
        return overbooking(Params.property(req), Params.path(req, "roomTypeCode"), nights(Params.date(req, "from"), Params.date(req, "to")));
    }

    private Reply overbooking(PropertyId propertyId, String roomType, DateRange nights) {
        int limit = hotel.inventory().roomType(propertyId, roomType).overbookingLimit();
        Map<LocalDate, Integer> perNight = hotel.inventory().overbooking(propertyId, nights).getOrDefault(roomType, Map.of());
        return Reply.ok(new Overbooking(roomType, limit, perNight.entrySet().stream()
                .map(e -> new OverbookingNight(e.getKey(), roomType, e.getValue())).toList()));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private List<NightForecast> forecast(Property property, DateRange nights, CancellationModel model, OverbookingRule rule) {
        List<Booking> all = allBookings(property.id());
        Map<String, Integer> rooms = roomsPerType(property.id());
        hotel.inventory().roomTypes(property.id()).forEach(type -> rooms.putIfAbsent(type.code(), 0));
        List<BookingSnapshot> snapshots = BookingHistory.snapshots(all, property.timezone(), rooms);
        List<BookingSnapshot> onBooks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Booking booking = all.get(i);
            if (booking.status().holdsInventory() && booking.stay().nightsAsRange().overlaps(nights)) {
                onBooks.add(snapshots.get(i));
            }
        }
        return new DemandForecaster(model, rule).forecast(nights, rooms, onBooks);
    }

    private CancellationModel requireModel(PropertyId propertyId) {
        return forecasts.model(propertyId).orElseThrow(() -> ApiException.conflict("no-forecast-model",
                "property " + propertyId.value() + " has no cancellation model yet: train one with POST /v1/properties/"
                        + propertyId.value() + "/forecast/train (the night audit trains one too)"));
    }

    private List<Booking> allBookings(PropertyId propertyId) {
        List<Booking> all = new ArrayList<>();
        BookingId after = null;
        while (true) {
            List<Booking> page = hotel.bookings().bookings(BookingFilter.ofProperty(propertyId), after, 500);
            all.addAll(page);
            if (page.size() < 500) {
                return all;
            }
            after = page.getLast().id();
        }
    }

    private Map<String, Integer> roomsPerType(PropertyId propertyId) {
        Map<String, Integer> rooms = new TreeMap<>();
        for (Room room : hotel.inventory().rooms(propertyId)) {
            rooms.merge(room.roomType(), 1, Integer::sum);
        }
        return rooms;
    }

    private static int indexOf(List<Booking> all, BookingId id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("booking " + id + " is not among its property's bookings");
    }

    private static DateRange nights(LocalDate from, LocalDate to) {
        DateRange range = Params.range(from, to, "to");
        if (range.nights() > MAX_NIGHTS) {
            throw new io.hotelkit.shared.InvalidRequestException("to", "a range has at most " + MAX_NIGHTS + " nights, not " + range.nights());
        }
        return range;
    }

    private static OverbookingRule rule(Property property, @Nullable BigDecimal walkCost, @Nullable BigDecimal emptyRoomValue,
            @Nullable BigDecimal maxWalkRisk) {
        Money walk = Money.of(walkCost != null ? walkCost : new BigDecimal(DEFAULT_WALK_COST), property.currency());
        Money empty = Money.of(emptyRoomValue != null ? emptyRoomValue : new BigDecimal(DEFAULT_EMPTY_ROOM_VALUE), property.currency());
        if (!walk.isPositive()) {
            throw new io.hotelkit.shared.InvalidRequestException("walk_cost", "walk cost must be above 0");
        }
        if (!empty.isPositive()) {
            throw new io.hotelkit.shared.InvalidRequestException("empty_room_value", "empty room value must be above 0");
        }
        double risk = maxWalkRisk != null ? maxWalkRisk.doubleValue() : DEFAULT_MAX_WALK_RISK;
        if (!(risk >= 0 && risk <= 1)) {
            throw new io.hotelkit.shared.InvalidRequestException("max_walk_risk", "max walk risk must be between 0 and 1");
        }
        return new OverbookingRule(walk, empty, risk);
    }

    private static BigDecimal decimal(String field, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new io.hotelkit.shared.InvalidRequestException(field, field + " must be a decimal number, not " + value);
        }
    }

    private static RuleView view(OverbookingRule rule) {
        return new RuleView(rule.walkCost(), rule.emptyRoomValue(), rule.maxWalkRisk(), rule.criticalRatio());
    }

    private static BigDecimal scale(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
