package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.hotelkit.access.Role;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@RoutingTest
class GuestsResourceTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private static final AtomicInteger EMAILS = new AtomicInteger();
    private final String frontDesk = fixture.key(Role.FRONT_DESK);
    private final String manager = fixture.key(Role.MANAGER);

    GuestsResourceTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private static String email() {
        return "guest" + EMAILS.incrementAndGet() + "@example.com";
    }

    private Api.Response register(String email, String more) {
        return api.post("/v1/guests", frontDesk, """
                {"name": "Maria Santos", "email": "%s", "phone": "+351 912 345 678", "nationality": "PT",
                 "preferences": {"pillow": "firm", "floor": {"high": true}, "allergies": ["feathers"]}%s}"""
                .formatted(email, more));
    }

    @Test
    void a_guest_is_registered_with_free_form_preferences() {
        var created = register(email(), ", \"loyalty_opt_in\": true");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("preferences").path("floor").path("high").asBoolean()).isTrue();
        assertThat(created.json().path("loyalty_opt_in").asBoolean()).isTrue();
        assertThat(created.header("Location")).contains("/v1/guests/" + created.json().path("id").asText());
    }

    @Test
    void a_taken_email_is_409_with_the_existing_guests_id() {
        String email = email();
        String first = register(email, "").json().path("id").asText();

        var again = register(email.toUpperCase(), "");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("existing_id").asText()).isEqualTo(first);
        assertThat(again.body()).doesNotContain(email);
    }

    @Test
    void guests_are_found_by_email_and_by_part_of_the_name_and_managers_may_read_them() {
        String email = email();
        String id = register(email, "").json().path("id").asText();

        var byEmail = api.get("/v1/guests?email=" + email, manager).json();
        var byName = api.get("/v1/guests?name=santos", frontDesk).json();

        assertThat(byEmail.path("items")).hasSize(1);
        assertThat(byEmail.path("items").get(0).path("id").asText()).isEqualTo(id);
        assertThat(byName.path("items").findValuesAsText("id")).contains(id);
        assertThat(api.get("/v1/guests/" + id, manager).status()).isEqualTo(200);
        assertThat(api.patch("/v1/guests/" + id, manager, "{\"name\": \"M. Santos\"}").status()).isEqualTo(403);
    }

    @Test
    void a_change_replaces_what_it_gives_and_keeps_the_rest() {
        String id = register(email(), "").json().path("id").asText();

        var changed = api.patch("/v1/guests/" + id, frontDesk, "{\"phone\": \"+351 213 000 000\", \"preferences\": {}}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("phone").asText()).isEqualTo("+351 213 000 000");
        assertThat(changed.json().path("name").asText()).isEqualTo("Maria Santos");
        assertThat(changed.json().path("preferences").size()).isZero();
    }

    @Test
    void a_card_number_in_the_preferences_is_refused() {
        var refused = register(email(), ", \"loyalty_opt_in\": false").status();
        var card = api.post("/v1/guests", frontDesk, """
                {"name": "Maria Santos", "email": "%s", "preferences": {"card_number": "4111111111111111"}}"""
                .formatted(email()));

        assertThat(refused).isEqualTo(201);
        assertThat(card.status()).isEqualTo(400);
        assertThat(card.problem()).isEqualTo("card-data-refused");
        assertThat(card.body()).doesNotContain("4111");
    }

    @Test
    void an_export_holds_everything_and_an_erasure_keeps_the_bookings_anonymised() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        String email = email();
        String bookingId = lisbon.book("2026-12-01", "2026-12-02", email).json().path("id").asText();
        String guestId = api.get(lisbon.path("/bookings/" + bookingId), lisbon.frontDesk).json().path("guest_id").asText();

        var export = api.get("/v1/guests/" + guestId + "/export", frontDesk);
        var erased = api.delete("/v1/guests/" + guestId, frontDesk);
        var afterwards = api.get("/v1/guests/" + guestId, frontDesk).json();

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.json().path("guest").path("email").asText()).isEqualTo(email);
        assertThat(export.json().path("bookings").get(0).path("id").asText()).isEqualTo(bookingId);
        assertThat(export.json().path("folios")).hasSize(1);
        assertThat(erased.status()).isEqualTo(200);
        assertThat(afterwards.path("name").asText()).isEqualTo("erased");
        assertThat(afterwards.path("email").isNull()).isTrue();
        assertThat(afterwards.path("erased_at").isNull()).isFalse();
        assertThat(api.get(lisbon.path("/bookings/" + bookingId), lisbon.frontDesk).status()).isEqualTo(200);
        assertThat(api.get("/v1/guests?email=" + email, frontDesk).json().path("items")).isEmpty();
        assertThat(api.patch("/v1/guests/" + guestId, frontDesk, "{\"name\": \"Back\"}").status()).isEqualTo(409);
    }

    @Test
    void a_new_guest_has_a_basic_loyalty_account_with_no_points() {
        String id = register(email(), "").json().path("id").asText();

        var loyalty = api.get("/v1/guests/" + id + "/loyalty", frontDesk).json();

        assertThat(loyalty.path("tier").asText()).isEqualTo("basic");
        assertThat(loyalty.path("points").asLong()).isZero();
        assertThat(loyalty.path("history")).isEmpty();
    }

    @Test
    void an_unknown_guest_is_404() {
        assertThat(api.get("/v1/guests/NOPE", frontDesk).status()).isEqualTo(404);
        assertThat(api.get("/v1/guests/NOPE/loyalty", frontDesk).status()).isEqualTo(404);
    }

    @Test
    void a_key_scoped_to_a_property_reaches_only_the_guests_booked_or_registered_there() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        Lisbon porto = Lisbon.setUp(api, fixture);
        String inLisbon = email();
        String inBoth = email();
        String lisbonGuest = lisbon.book(lisbon.today, "2026-12-10", inLisbon).json().path("guest_id").asText();
        String bothGuest = lisbon.book(lisbon.today, "2026-12-10", inBoth).json().path("guest_id").asText();
        porto.book(frontDesk, porto.today, "2026-12-10", inBoth); // a key for all properties links the chain's guest
        String chains = register(email(), "").json().path("id").asText();
        String portos = api.post("/v1/guests", porto.frontDesk, """
                {"name": "Rui Costa", "email": "%s"}""".formatted(email())).json().path("id").asText();

        assertThat(api.get("/v1/guests/" + lisbonGuest, porto.frontDesk).status()).isEqualTo(404);
        assertThat(api.get("/v1/guests/" + lisbonGuest + "/export", porto.frontDesk).status()).isEqualTo(404);
        assertThat(api.delete("/v1/guests/" + lisbonGuest, porto.frontDesk).status()).isEqualTo(404);
        assertThat(api.get("/v1/guests?email=" + inLisbon, porto.frontDesk).json().path("items")).isEmpty();
        var taken = api.post(porto.path("/bookings"), porto.frontDesk, """
                {"guest": {"name": "Ana Silva", "email": "%s"}, "room_type": "DBL", "rate_plan": "FLEX",
                 "checkin_date": "%s", "checkout_date": "2026-12-10", "adults": 2}""".formatted(inLisbon, porto.today));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().has("existing_id")).isFalse();
        assertThat(api.get("/v1/guests/" + chains, porto.frontDesk).status()).isEqualTo(404);
        assertThat(api.get("/v1/guests/" + portos, porto.frontDesk).status()).isEqualTo(200);
        assertThat(api.get("/v1/guests/" + portos, porto.manager).status()).isEqualTo(200);
        assertThat(api.get("/v1/guests/" + portos, lisbon.frontDesk).status()).isEqualTo(404);

        var export = api.get("/v1/guests/" + bothGuest + "/export", porto.frontDesk);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().path("bookings")).hasSize(1);
        assertThat(export.json().path("bookings").get(0).path("id").asText()).doesNotContain(lisbon.id);
        assertThat(api.get("/v1/guests/" + bothGuest + "/export", frontDesk).json().path("bookings")).hasSize(2);
        assertThat(api.get("/v1/guests/" + lisbonGuest, lisbon.frontDesk).status()).isEqualTo(200);
    }
}
