package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Room types, rooms, rate plans, their grids, and blocks. */
@RoutingTest
class SetUpResourcesTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private final Lisbon lisbon;

    SetUpResourcesTest(DirectClient client) {
        super(client);
        this.lisbon = Lisbon.setUp(api, fixture);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private static List<String> field(JsonNode page, String name) {
        List<String> values = new ArrayList<>();
        page.path("items").forEach(item -> values.add(item.path(name).asText()));
        return values;
    }

    @Test
    void room_types_are_listed_in_code_order_with_their_defaults() {
        var types = api.get(lisbon.path("/room-types"), lisbon.frontDesk).json();

        assertThat(field(types, "code")).containsExactly("DBL", "SGL");
        assertThat(types.path("items").get(0).path("base_occupancy").asInt()).isEqualTo(2);
        assertThat(types.path("items").get(0).path("overbooking_limit").asInt()).isZero();
        assertThat(api.get(lisbon.path("/room-types/SGL"), lisbon.auditor).json().path("max_occupancy").asInt())
                .isEqualTo(1);
    }

    @Test
    void a_room_type_taking_more_guests_than_its_adults_and_children_is_400() {
        var refused = api.post(lisbon.path("/room-types"), lisbon.manager, """
                {"code": "BAD", "name": "Bad", "max_adults": 1, "max_children": 0, "max_occupancy": 3}""");

        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void a_room_of_an_unknown_type_is_400_and_a_taken_number_409() {
        var unknownType = api.post(lisbon.path("/rooms"), lisbon.manager, "{\"number\": \"999\", \"room_type\": \"XXL\"}");
        var taken = api.post(lisbon.path("/rooms"), lisbon.manager, "{\"number\": \"101\", \"room_type\": \"DBL\"}");

        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().path("errors").get(0).path("field").asText()).isEqualTo("room_type");
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void rooms_with_a_stay_are_only_those_free_every_night_of_it() {
        String id = lisbon.book("2026-11-26", "2026-11-28", "free@example.com").json().path("id").asText();
        api.post(lisbon.path("/bookings/" + id + "/assign-room"), lisbon.frontDesk, "{\"room_number\": \"101\"}");

        var free = api.get(lisbon.path("/rooms?checkin_date=2026-11-27&checkout_date=2026-11-29&room_type=DBL"),
                lisbon.frontDesk).json();
        var afterwards = api.get(lisbon.path("/rooms?checkin_date=2026-11-28&checkout_date=2026-11-29&room_type=DBL"),
                lisbon.frontDesk).json();

        assertThat(field(free, "number")).containsExactly("102", "103");
        assertThat(field(afterwards, "number")).containsExactly("101", "102", "103");
    }

    @Test
    void a_stay_with_its_checkout_before_its_checkin_is_400() {
        var refused = api.get(lisbon.path("/rooms?checkin_date=2026-11-27&checkout_date=2026-11-27"), lisbon.frontDesk);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("checkout_date");
    }

    @Test
    void housekeeping_sets_a_room_status_and_may_do_nothing_else() {
        var dirty = api.patch(lisbon.path("/rooms/102"), lisbon.housekeeping, "{\"housekeeping_status\": \"dirty\"}");

        assertThat(dirty.status()).as(dirty.toString()).isEqualTo(200);
        assertThat(dirty.json().path("housekeeping_status").asText()).isEqualTo("dirty");
        assertThat(api.post(lisbon.path("/rooms"), lisbon.housekeeping, "{\"number\": \"9\", \"room_type\": \"DBL\"}")
                .status()).isEqualTo(403);
        assertThat(api.get(lisbon.path("/bookings"), lisbon.housekeeping).status()).isEqualTo(403);
        assertThat(api.patch(lisbon.path("/rooms/102"), lisbon.housekeeping, "{\"housekeeping_status\": \"sparkling\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void a_room_out_of_order_leaves_the_inventory_until_the_period_is_ended() {
        var out = api.post(lisbon.path("/rooms/103/out-of-order"), lisbon.manager, """
                {"from": "2026-12-01", "to": "2026-12-03", "reason": "new carpet"}""");
        assertThat(out.status()).as(out.toString()).isEqualTo(201);
        assertThat(out.json().path("out_of_order").get(0).path("reason").asText()).isEqualTo("new carpet");
        var during = api.get(lisbon.path("/rooms?checkin_date=2026-12-01&checkout_date=2026-12-02"), lisbon.frontDesk).json();

        var ended = api.delete(lisbon.path("/rooms/103/out-of-order?from=2026-12-01"), lisbon.manager);
        var after = api.get(lisbon.path("/rooms?checkin_date=2026-12-01&checkout_date=2026-12-02"), lisbon.frontDesk).json();

        assertThat(field(during, "number")).doesNotContain("103");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("out_of_order")).isEmpty();
        assertThat(field(after, "number")).contains("103");
    }

    @Test
    void a_room_held_by_a_booking_cannot_go_out_of_order_then() {
        String id = lisbon.book("2026-12-10", "2026-12-12", "ooo@example.com").json().path("id").asText();
        api.post(lisbon.path("/bookings/" + id + "/assign-room"), lisbon.frontDesk, "{\"room_number\": \"102\"}");
        api.post(lisbon.path("/rooms/101/out-of-order"), lisbon.manager,
                "{\"from\": \"2026-12-10\", \"to\": \"2026-12-11\", \"reason\": \"paint\"}");
        api.post(lisbon.path("/rooms/103/out-of-order"), lisbon.manager,
                "{\"from\": \"2026-12-10\", \"to\": \"2026-12-11\", \"reason\": \"paint\"}");

        var refused = api.post(lisbon.path("/rooms/102/out-of-order"), lisbon.manager,
                "{\"from\": \"2026-12-10\", \"to\": \"2026-12-11\", \"reason\": \"leak\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("not-available");
    }

    @Test
    void a_derived_plan_reads_as_its_parents_grid_adjusted_and_has_no_grid_of_its_own() {
        var grid = api.get(lisbon.path("/rate-plans/NRF/prices?room_type=DBL&from=2026-11-25&to=2026-11-27"),
                lisbon.frontDesk);
        var own = api.put(lisbon.path("/rate-plans/NRF/prices"), lisbon.manager, """
                [{"room_type": "DBL", "from": "2026-11-25", "to": "2026-11-26",
                  "amount": {"amount": "1.00", "currency": "EUR"}}]""");

        assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
        assertThat(field(grid.json(), "date")).containsExactly("2026-11-25", "2026-11-26");
        assertThat(grid.json().path("items").get(0).path("amount").path("amount").asText()).isEqualTo("90.00");
        assertThat(own.status()).isEqualTo(400);
        var plan = api.get(lisbon.path("/rate-plans/NRF"), lisbon.auditor).json();
        assertThat(plan.path("derived_from").path("rate_plan").asText()).isEqualTo("FLEX");
        assertThat(plan.path("cancellation_policy").path("penalty").asText()).isEqualTo("full_stay");
    }

    @Test
    void a_price_update_sets_restrictions_night_by_night_and_later_rows_win() {
        var set = api.put(lisbon.path("/rate-plans/FLEX/prices"), lisbon.manager, """
                [{"room_type": "DBL", "from": "2026-12-24", "to": "2026-12-27",
                  "amount": {"amount": "150.00", "currency": "EUR"}, "min_stay": 2},
                 {"room_type": "DBL", "from": "2026-12-25", "to": "2026-12-26",
                  "amount": {"amount": "180.00", "currency": "EUR"}, "closed_to_arrival": true}]""");

        var grid = api.get(lisbon.path("/rate-plans/FLEX/prices?room_type=DBL&from=2026-12-24&to=2026-12-27"),
                lisbon.manager).json().path("items");

        assertThat(set.status()).isEqualTo(204);
        assertThat(grid.get(0).path("amount").path("amount").asText()).isEqualTo("150.00");
        assertThat(grid.get(0).path("min_stay").asInt()).isEqualTo(2);
        assertThat(grid.get(1).path("amount").path("amount").asText()).isEqualTo("180.00");
        assertThat(grid.get(1).path("closed_to_arrival").asBoolean()).isTrue();
        assertThat(grid.get(1).path("min_stay").isNull()).isTrue();
    }

    @Test
    void a_price_in_another_currency_is_400_naming_its_row() {
        var refused = api.put(lisbon.path("/rate-plans/FLEX/prices"), lisbon.manager, """
                [{"room_type": "DBL", "from": "2026-12-01", "to": "2026-12-02",
                  "amount": {"amount": "100.00", "currency": "EUR"}},
                 {"room_type": "DBL", "from": "2026-12-02", "to": "2026-12-03",
                  "amount": {"amount": "100.00", "currency": "USD"}}]""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problem()).isEqualTo("currency-mismatch");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("[1].amount");
    }

    @Test
    void a_price_row_without_an_amount_is_400_naming_its_index() {
        var refused = api.put(lisbon.path("/rate-plans/FLEX/prices"), lisbon.manager, """
                [{"room_type": "DBL", "from": "2026-12-01", "to": "2026-12-02"}]""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("[0].amount");
    }

    @Test
    void front_desk_reads_rates_but_only_managers_set_them() {
        assertThat(api.get(lisbon.path("/rate-plans"), lisbon.frontDesk).status()).isEqualTo(200);
        assertThat(api.put(lisbon.path("/rate-plans/FLEX/prices"), lisbon.frontDesk, "[]").status()).isEqualTo(403);
    }

    @Test
    void a_block_holds_rooms_shows_its_pick_up_and_gives_all_back_when_cancelled() {
        var block = api.post(lisbon.path("/blocks"), lisbon.manager, """
                {"code": "WEDDING", "name": "Costa wedding", "room_type": "DBL", "rate_plan": "FLEX",
                 "from": "2026-12-05", "to": "2026-12-07", "rooms": 2, "release_date": "2026-11-28",
                 "status": "definite"}""");
        assertThat(block.status()).as(block.toString()).isEqualTo(201);
        var guest = api.post(lisbon.path("/bookings"), lisbon.frontDesk, """
                {"guest": {"name": "Rui Costa", "email": "rui@example.com"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "2026-12-05", "checkout_date": "2026-12-06", "adults": 2, "block": "WEDDING"}""");
        assertThat(guest.status()).as(guest.toString()).isEqualTo(201);
        var offers = api.get(lisbon.path("/availability?checkin_date=2026-12-05&checkout_date=2026-12-06&room_type=DBL"
                + "&rate_plan=FLEX"), lisbon.frontDesk).json();

        var nights = api.get(lisbon.path("/blocks/WEDDING"), lisbon.frontDesk).json().path("nights");
        var cancelled = api.post(lisbon.path("/blocks/WEDDING/cancel"), lisbon.manager);

        assertThat(offers.path("offers").get(0).path("available").asInt()).isEqualTo(1);
        assertThat(nights.get(0).path("held").asInt()).isEqualTo(2);
        assertThat(nights.get(0).path("picked_up").asInt()).isEqualTo(1);
        assertThat(nights.get(1).path("picked_up").asInt()).isZero();
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("nights").get(0).path("held").asInt()).isEqualTo(1);
        assertThat(api.post(lisbon.path("/blocks/WEDDING/cancel"), lisbon.manager).status()).isEqualTo(409);
    }
}
