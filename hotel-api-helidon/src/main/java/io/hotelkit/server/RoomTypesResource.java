package io.hotelkit.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hotelkit.inventory.AgeBand;
import io.hotelkit.shared.InvalidRequestException;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.inventory.RoomType;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/** {@code /v1/properties/{propertyId}/room-types}: the kinds of room a property sells. */
final class RoomTypesResource implements HttpService {

    private final InventoryService inventory;
    private final Idempotent idempotent;

    RoomTypesResource(InventoryService inventory, Idempotent idempotent) {
        this.inventory = inventory;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_ROOM_TYPE, NewRoomType.class, idempotent.creating(this::create))
                .handle(Route.LIST_ROOM_TYPES, this::list)
                .handle(Route.GET_ROOM_TYPE, this::get));
    }

    record NewRoomType(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(1) @Max(100) Integer maxAdults,
            @NotNull @Min(0) @Max(100) Integer maxChildren,
            @NotNull @Min(1) @Max(200) Integer maxOccupancy,
            @Nullable @Min(1) @Max(200) Integer baseOccupancy,
            @Nullable @Min(0) @Max(10_000) Integer overbookingLimit,
            @Nullable @Size(max = 18) List<@NotNull @Valid AgeBandBody> ageBands) {}

    /** Children of ages {@code min_age} to {@code max_age}: free, or at the plan's child price (see {@link AgeBand}). */
    record AgeBandBody(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}") String code,
            @NotNull @Min(0) @Max(17) Integer minAge,
            @NotNull @Min(0) @Max(17) Integer maxAge,
            @NotNull AgeBand.Price price) {}

    /** @param ageBands absent when the type has none, as for types made before them */
    record RoomTypeView(String code, String name, int maxAdults, int maxChildren, int maxOccupancy, int baseOccupancy,
                        int overbookingLimit, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AgeBandBody> ageBands) {

        static RoomTypeView of(RoomType type) {
            return new RoomTypeView(type.code(), type.name(), type.maxAdults(), type.maxChildren(), type.maxOccupancy(),
                    type.baseOccupancy(), type.overbookingLimit(), type.ageBands().stream()
                            .map(b -> new AgeBandBody(b.code(), b.minAge(), b.maxAge(), b.price())).toList());
        }
    }

    /** The bands of a body, each checked, and none overlapping another: 400 naming the band at fault. */
    private static List<AgeBand> ageBands(@Nullable List<AgeBandBody> bodies) {
        List<AgeBand> bands = new ArrayList<>();
        if (bodies == null) {
            return bands;
        }
        for (int i = 0; i < bodies.size(); i++) {
            AgeBandBody body = bodies.get(i);
            if (body.minAge() > body.maxAge()) {
                throw new InvalidRequestException("age_bands[" + i + "].max_age", "must be at least min_age " + body.minAge());
            }
            AgeBand band = new AgeBand(body.code(), body.minAge(), body.maxAge(), body.price());
            for (AgeBand other : bands) {
                if (band.minAge() <= other.maxAge() && other.minAge() <= band.maxAge()) {
                    throw new InvalidRequestException("age_bands[" + i + "]", "overlaps band " + other.code());
                }
                if (band.code().equals(other.code())) {
                    throw new InvalidRequestException("age_bands[" + i + "].code", "is the code of another band");
                }
            }
            bands.add(band);
        }
        return bands;
    }

    private Reply create(ServerRequest req, NewRoomType body) {
        PropertyId property = Params.property(req);
        RoomType type = inventory.addRoomType(property, body.code(), body.name(), body.maxAdults(), body.maxChildren(),
                body.maxOccupancy(), body.baseOccupancy(), body.overbookingLimit(), ageBands(body.ageBands()));
        return Reply.created("/v1/properties/" + property.value() + "/room-types/" + type.code(), RoomTypeView.of(type));
    }

    /** The property's room types, in code order. */
    private Reply list(ServerRequest req) {
        return Reply.ok(Page.Request.of(req).slice(inventory.roomTypes(Params.property(req)).stream()
                .map(RoomTypeView::of).sorted(Comparator.comparing(RoomTypeView::code)).toList(), RoomTypeView::code));
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(RoomTypeView.of(inventory.roomType(Params.property(req), Params.path(req, "roomTypeCode"))));
    }
}
