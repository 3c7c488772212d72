package io.hotelkit.server;

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
            @Nullable @Min(0) @Max(10_000) Integer overbookingLimit) {}

    record RoomTypeView(String code, String name, int maxAdults, int maxChildren, int maxOccupancy, int baseOccupancy,
                        int overbookingLimit) {

        static RoomTypeView of(RoomType type) {
            return new RoomTypeView(type.code(), type.name(), type.maxAdults(), type.maxChildren(), type.maxOccupancy(),
                    type.baseOccupancy(), type.overbookingLimit());
        }
    }

    private Reply create(ServerRequest req, NewRoomType body) {
        PropertyId property = Params.property(req);
        RoomType type = inventory.addRoomType(property, body.code(), body.name(), body.maxAdults(), body.maxChildren(),
                body.maxOccupancy(), body.baseOccupancy(), body.overbookingLimit());
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
