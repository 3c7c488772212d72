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

/** What the staff console asks of the API beyond a plain client: who the key is, windows of stays, and the rest. */
@RoutingTest
class ConsoleApiTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private final Lisbon lisbon;

    ConsoleApiTest(DirectClient client) {
        super(client);
        this.lisbon = Lisbon.setUp(api, fixture);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void a_key_reads_its_own_role_and_scope_and_never_its_plain_value() {
        JsonNode me = api.get("/v1/api-key", lisbon.housekeeping).json();

        assertThat(me.path("role").asText()).isEqualTo("housekeeping");
        assertThat(me.path("property_ids").get(0).asText()).isEqualTo(lisbon.id);
        assertThat(me.has("key")).isFalse();
        assertThat(api.get("/v1/api-key", null).status()).isEqualTo(401);
    }

    @Test
    void bookings_of_a_window_are_the_stays_with_a_night_in_it() {
        String before = lisbon.booking(lisbon.frontDesk, 1);
        String inside = lisbon.booking(lisbon.frontDesk, 3);
        String after = lisbon.booking(lisbon.frontDesk, 5);

        JsonNode window = api.get(lisbon.path("/bookings?from=" + lisbon.day(2) + "&to=" + lisbon.day(5)), lisbon.manager).json();
        JsonNode fromOnly = api.get(lisbon.path("/bookings?from=" + lisbon.day(2)), lisbon.frontDesk).json();

        assertThat(ids(window)).contains(inside).doesNotContain(before, after);
        assertThat(ids(fromOnly)).contains(inside, after).doesNotContain(before);
    }

    @Test
    void a_window_that_ends_before_it_starts_is_400_naming_to() {
        Api.Response refused = api.get(lisbon.path("/bookings?from=" + lisbon.day(3) + "&to=" + lisbon.day(3)), lisbon.manager);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("to");
    }

    @Test
    void a_manager_moves_a_booking_to_another_room_and_is_refused_one_a_guest_is_in() {
        String inHouse = lisbon.checkedIn();
        String occupied = api.get(lisbon.path("/bookings/" + inHouse), lisbon.manager).json().path("room_number").asText();
        String moved = lisbon.booking(lisbon.frontDesk);
        String free = List.of("101", "102", "103").stream().filter(room -> !room.equals(occupied)).findFirst().orElseThrow();

        Api.Response refused = api.post(lisbon.path("/bookings/" + moved + "/assign-room"), lisbon.manager,
                "{\"room_number\": \"" + occupied + "\"}");
        Api.Response assigned = api.post(lisbon.path("/bookings/" + moved + "/assign-room"), lisbon.manager,
                "{\"room_number\": \"" + free + "\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(assigned.json().path("room_number").asText()).isEqualTo(free);
    }

    @Test
    void a_payment_line_names_its_payment_so_that_it_can_be_refunded() {
        String payment = lisbon.payment();
        String booking = api.get(lisbon.path("/payments/" + payment), lisbon.frontDesk).json().path("booking_id").asText();

        JsonNode lines = api.get(lisbon.path("/bookings/" + booking + "/folio"), lisbon.frontDesk).json().path("lines");

        List<String> paymentIds = new ArrayList<>();
        lines.forEach(line -> paymentIds.add(line.path("kind").asText() + ":" + line.path("payment_id").asText(null)));
        assertThat(paymentIds).contains("payment:" + payment, "extra:null");
    }

    @Test
    void a_refused_check_out_says_what_is_owed_with_the_nights_still_to_charge() {
        String id = lisbon.checkedIn();

        Api.Response refused = api.post(lisbon.path("/bookings/" + id + "/check-out"), lisbon.frontDesk);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("balance-not-zero");
        assertThat(refused.json().path("balance").path("amount").asText()).isEqualTo("110.00");
        assertThat(refused.json().path("balance").path("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void the_invoices_of_one_booking_are_listed_by_its_id() {
        String invoice = lisbon.invoice();
        lisbon.invoice();
        String booking = api.get(lisbon.path("/invoices/" + invoice), lisbon.frontDesk).json().path("booking_id").asText();

        JsonNode page = api.get(lisbon.path("/invoices?booking_id=" + booking), lisbon.frontDesk).json();

        assertThat(ids(page)).containsExactly(invoice);
    }

    @Test
    void housekeeping_reads_today_s_arrivals_and_the_front_desk_a_booking_s_history() {
        String id = lisbon.booking(lisbon.frontDesk);

        JsonNode arrivals = api.get(lisbon.path("/reports/arrivals?date=" + lisbon.today), lisbon.housekeeping).json();
        JsonNode history = api.get(lisbon.path("/audit?entity=booking&id=" + id), lisbon.frontDesk).json();

        assertThat(arrivals.path("bookings").findValuesAsText("id")).contains(id);
        assertThat(history.path("items").get(0).path("type").asText()).isEqualTo("booking.created");
    }
}
