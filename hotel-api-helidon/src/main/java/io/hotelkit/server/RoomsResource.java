package io.hotelkit.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.inventory.HousekeepingStatus;
import io.hotelkit.inventory.InventoryService;
import io.hotelkit.inventory.OutOfOrder;
import io.hotelkit.inventory.Room;
import io.hotelkit.shared.InvalidRequestException;
import io.hotelkit.shared.PropertyId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/properties/{propertyId}/rooms}: the physical rooms, their housekeeping status and the periods they are
 * out of order; with {@code ?checkin_date=&checkout_date=} only the rooms free every night of that stay.
 */
final class RoomsResource implements HttpService {

    private final InventoryService inventory;
    private final Idempotent idempotent;

    RoomsResource(InventoryService inventory, Idempotent idempotent) {
        this.inventory = inventory;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.define(rules, routes -> routes
                .handle(Route.CREATE_ROOM, NewRoom.class, idempotent.creating(this::create))
                .handle(Route.LIST_ROOMS, this::list)
                .handle(Route.GET_ROOM, this::get)
                .handle(Route.UPDATE_ROOM, RoomChanges.class, this::update)
                .handle(Route.TAKE_ROOM_OUT_OF_ORDER, NewOutOfOrder.class, idempotent.creating(this::takeOutOfOrder))
                .handle(Route.END_ROOM_OUT_OF_ORDER, this::endOutOfOrder));
    }

    record NewRoom(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}") String number,
            @NotBlank @Size(max = 32) String roomType,
            @Nullable @Size(min = 1, max = 16) String floor) {}

    record RoomChanges(@NotNull HousekeepingStatus housekeepingStatus) {}

    record NewOutOfOrder(@NotNull LocalDate from, @NotNull LocalDate to, @NotBlank @Size(max = 200) String reason) {}

    record RoomView(String number, String roomType, @Nullable String floor, HousekeepingStatus housekeepingStatus,
                    List<OutOfOrderView> outOfOrder) {

        static RoomView of(Room room) {
            return new RoomView(room.number(), room.roomType(), room.floor(), room.housekeeping(),
                    room.outOfOrder().stream().map(OutOfOrderView::of).toList());
        }
    }

    record OutOfOrderView(LocalDate from, LocalDate to, String reason) {

        static OutOfOrderView of(OutOfOrder period) {
            return new OutOfOrderView(period.period().start(), period.period().end(), period.reason());
        }
    }

    private Reply create(ServerRequest req, NewRoom body) {
        PropertyId property = Params.property(req);
        Room room = inventory.addRoom(property, body.number(), body.roomType(), body.floor());
        return Reply.created(location(property, room), RoomView.of(room));
    }

    /** Rooms in number order; with a stay, only those free every night of it (of one type, with {@code room_type}). */
    private Reply list(ServerRequest req) {
        PropertyId property = Params.property(req);
        Optional<LocalDate> checkin = Params.optionalDate(req, "checkin_date");
        Optional<LocalDate> checkout = Params.optionalDate(req, "checkout_date");
        Optional<String> roomType = Params.query(req, "room_type");
        List<Room> rooms;
        if (checkin.isPresent() || checkout.isPresent()) {
            LocalDate from = checkin.orElseThrow(() -> new InvalidRequestException("checkin_date",
                    "is required with checkout_date"));
            LocalDate to = checkout.orElseThrow(() -> new InvalidRequestException("checkout_date",
                    "is required with checkin_date"));
            rooms = inventory.freeRooms(property, Params.stay(from, to).nightsAsRange(), roomType.orElse(null));
        } else {
            rooms = inventory.rooms(property).stream()
                    .filter(room -> roomType.isEmpty() || room.roomType().equals(roomType.get()))
                    .toList();
        }
        List<RoomView> views = rooms.stream().map(RoomView::of).sorted(Comparator.comparing(RoomView::number)).toList();
        return Reply.ok(Page.Request.of(req).slice(views, RoomView::number));
    }

    private Reply get(ServerRequest req) {
        return Reply.ok(RoomView.of(inventory.room(Params.property(req), Params.path(req, "roomNumber"))));
    }

    private Reply update(ServerRequest req, RoomChanges body) {
        return Reply.ok(RoomView.of(inventory.setHousekeeping(Params.property(req), Params.path(req, "roomNumber"),
                body.housekeepingStatus())));
    }

    private Reply takeOutOfOrder(ServerRequest req, NewOutOfOrder body) {
        PropertyId property = Params.property(req);
        Room room = inventory.takeOutOfOrder(property, Params.path(req, "roomNumber"),
                Params.range(body.from(), body.to(), "to"), body.reason());
        return Reply.created(location(property, room), RoomView.of(room));
    }

    private Reply endOutOfOrder(ServerRequest req) {
        return Reply.ok(RoomView.of(inventory.endOutOfOrder(Params.property(req), Params.path(req, "roomNumber"),
                Params.date(req, "from"))));
    }

    private static String location(PropertyId property, Room room) {
        return "/v1/properties/" + property.value() + "/rooms/" + room.number();
    }
}
