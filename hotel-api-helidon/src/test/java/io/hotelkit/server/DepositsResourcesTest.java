package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

/** Deposit policies on rate plans, a booking's deposit, deposit payments, card guarantees and the overdue list, over HTTP. */
@RoutingTest
class DepositsResourcesTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private final Lisbon lisbon;

    DepositsResourcesTest(DirectClient client) {
        super(client);
        this.lisbon = Lisbon.setUp(api, fixture);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private Api.Response policy(String json) {
        return api.put(lisbon.path("/rate-plans/FLEX/deposit-policy"), lisbon.manager, json);
    }

    private String book(int from, int to) {
        return lisbon.book(lisbon.day(from), lisbon.day(to), Lisbon.unique("deposit") + "@example.com").json().path("id").asText();
    }

    private String amount(Api.Response response, String field) {
        return response.json().path(field).path("amount").asText();
    }

    @Test
    void a_policy_that_does_not_add_up_is_400_naming_its_field_and_changes_nothing() {
        var noPercent = policy("{\"kind\": \"percent\"}");
        var tooFar = policy("{\"kind\": \"full_stay\", \"days_before_arrival\": 731}");
        var created = api.post(lisbon.path("/rate-plans"), lisbon.manager, """
                {"code": "DEP", "name": "Deposit", "cancellation_policy": {"free_until_days_before": 2, "penalty": "none"},
                 "deposit_policy": {"kind": "first_night", "percent": 10}}""");

        assertThat(noPercent.status()).as(noPercent.toString()).isEqualTo(400);
        assertThat(noPercent.json().path("errors").path(0).path("field").asText()).isEqualTo("deposit_policy.percent");
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.json().path("errors").path(0).path("field").asText()).isEqualTo("deposit_policy.days_before_arrival");
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.json().path("errors").path(0).path("field").asText()).isEqualTo("deposit_policy.percent");
        assertThat(policy("{\"kind\": \"weekly\"}").status()).isEqualTo(400);
        assertThat(api.get(lisbon.path("/rate-plans/FLEX"), lisbon.manager).json().path("deposit_policy").path("kind").asText())
                .isEqualTo("none");
        assertThat(api.get(lisbon.path("/rate-plans/DEP"), lisbon.manager).status()).isEqualTo(404);
    }

    @Test
    void a_booking_shows_its_deposit_and_a_free_cancellation_refunds_it_and_releases_the_card() {
        var set = policy("{\"kind\": \"percent\", \"percent\": 30, \"days_before_arrival\": 7}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("deposit_policy").path("days_before_arrival").asInt()).isEqualTo(7);
        String booking = book(20, 22);
        String path = lisbon.path("/bookings/" + booking);

        var due = api.get(path + "/deposit", lisbon.auditor);
        assertThat(due.status()).as(due.toString()).isEqualTo(200);
        assertThat(amount(due, "due")).isEqualTo("60.00");
        assertThat(amount(due, "paid")).isEqualTo("0.00");
        assertThat(due.json().path("due_on").asText()).isEqualTo(lisbon.day(13));
        assertThat(due.json().path("overdue").asBoolean()).isFalse();

        var paid = api.post(path + "/deposit/payments", lisbon.frontDesk, """
                {"amount": {"amount": "60.00", "currency": "EUR"}, "method": "card", "card_token": "tok_visa"}""",
                "Idempotency-Key", "deposit-1");
        var again = api.post(path + "/deposit/payments", lisbon.frontDesk, """
                {"amount": {"amount": "60.00", "currency": "EUR"}, "method": "card", "card_token": "tok_visa"}""",
                "Idempotency-Key", "deposit-1");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(paid.body());
        var guarantee = api.post(path + "/authorisations", lisbon.frontDesk, "{\"card_token\": \"tok_visa\"}");
        assertThat(guarantee.status()).as(guarantee.toString()).isEqualTo(201);
        assertThat(guarantee.json().path("status").asText()).isEqualTo("authorised");
        assertThat(amount(guarantee, "amount")).isEqualTo("100.00"); // the first night: more than the deposit
        var held = api.get(path + "/deposit", lisbon.frontDesk);
        assertThat(amount(held, "paid")).isEqualTo("60.00");
        assertThat(amount(held, "outstanding")).isEqualTo("0.00");

        assertThat(api.post(path + "/cancel", lisbon.frontDesk, "{\"reason\": \"plans changed\"}").status()).isEqualTo(200);

        var settled = api.get(path + "/deposit", lisbon.frontDesk);
        assertThat(amount(settled, "paid")).isEqualTo("0.00");
        assertThat(settled.json().path("settled_on").asText()).isEqualTo(lisbon.today);
        assertThat(settled.json().path("authorisations").path(0).path("status").asText()).isEqualTo("voided");
        assertThat(api.get(path + "/folio", lisbon.frontDesk).json().path("balance").path("amount").asText()).isEqualTo("0.00");
    }

    @Test
    void a_deposit_not_paid_when_due_is_listed_as_overdue_until_it_is_paid() {
        assertThat(policy("{\"kind\": \"first_night\"}").status()).isEqualTo(200);
        String booking = book(5, 7);
        String report = lisbon.path("/reports/overdue-deposits");

        var overdue = api.get(report, lisbon.manager);
        assertThat(overdue.status()).as(overdue.toString()).isEqualTo(200);
        assertThat(overdue.json().path("items")).singleElement().satisfies(item -> {
            assertThat(item.path("booking_id").asText()).isEqualTo(booking);
            assertThat(item.path("outstanding").path("amount").asText()).isEqualTo("100.00");
            assertThat(item.path("due_on").asText()).isEqualTo(lisbon.today);
        });
        assertThat(api.get(lisbon.path("/bookings/" + booking + "/deposit"), lisbon.frontDesk).json().path("overdue").asBoolean())
                .isTrue();

        api.post(lisbon.path("/bookings/" + booking + "/deposit/payments"), lisbon.frontDesk,
                "{\"amount\": {\"amount\": \"100.00\", \"currency\": \"EUR\"}, \"method\": \"bank_transfer\"}");

        assertThat(api.get(report + "?date=" + lisbon.day(3), lisbon.auditor).json().path("items")).isEmpty();
    }

    @Test
    void a_declined_card_is_a_declined_guarantee_and_a_deposit_after_arrival_is_409() {
        String booking = book(3, 4);
        var declined = api.post(lisbon.path("/bookings/" + booking + "/authorisations"), lisbon.frontDesk, """
                {"card_token": "tok_declined", "amount": {"amount": "50.00", "currency": "EUR"}}""");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(201);
        assertThat(declined.json().path("status").asText()).isEqualTo("declined");

        String inHouse = lisbon.checkedIn();
        var late = api.post(lisbon.path("/bookings/" + inHouse + "/deposit/payments"), lisbon.frontDesk,
                "{\"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"method\": \"cash\"}");
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.problem()).isEqualTo("booking-not-changeable");
        var usd = api.post(lisbon.path("/bookings/" + booking + "/deposit/payments"), lisbon.frontDesk,
                "{\"amount\": {\"amount\": \"10.00\", \"currency\": \"USD\"}, \"method\": \"cash\"}");
        assertThat(usd.status()).isEqualTo(400);
    }
}
