package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Folio windows, routing, moves, voids, allowances, partial credit notes, companies, payments on account and ageing over HTTP. */
@RoutingTest
class FolioWindowsResourceTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private static final AtomicInteger EMAILS = new AtomicInteger();
    private final Lisbon lisbon;
    private final String booking;

    FolioWindowsResourceTest(DirectClient client) {
        super(client);
        this.lisbon = Lisbon.setUp(api, fixture);
        this.booking = lisbon.path("/bookings/" + lisbon.book(lisbon.today, lisbon.day(2),
                "windows" + EMAILS.incrementAndGet() + "@example.com").json().path("id").asText());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private String company(String limit) {
        var created = api.post(lisbon.path("/companies"), lisbon.manager, """
                {"kind": "company", "name": "Acme Lda", "address": {"line1": "Rua Augusta 1", "postal_code": "1100-048",
                 "city": "Lisboa", "country": "PT"}, "vat_id": "PT500000000", "credit_limit": {"amount": "%s", "currency": "EUR"}}"""
                .formatted(limit));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private Api.Response open(String body) {
        return api.post(booking + "/folios", lisbon.frontDesk, body);
    }

    private Api.Response charge(String amount, String category) {
        return api.post(booking + "/charges", lisbon.frontDesk, """
                {"description": "Extra", "amount": {"amount": "%s", "currency": "EUR"}, "category": "%s"}""".formatted(amount, category));
    }

    private JsonNode window(int window) {
        return api.get(booking + "/folios/" + window, lisbon.auditor).json();
    }

    @Test
    void a_company_window_takes_the_routed_extras_and_the_guests_folio_keeps_the_rest() {
        String acme = company("1000.00");
        var opened = open("{\"payer_kind\": \"company\", \"company_id\": \"" + acme + "\"}");
        var routed = api.put(booking + "/folios/2/routing", lisbon.frontDesk, "{\"routes\": [\"room\", \"extra:minibar\"]}");
        charge("12.50", "minibar");
        charge("30.00", "spa");

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.header("Location")).contains(booking + "/folios/2");
        assertThat(opened.json().path("payer").path("kind").asText()).isEqualTo("company");
        assertThat(routed.json().path("routes")).extracting(JsonNode::asText).containsExactly("room", "extra:minibar");
        assertThat(window(2).path("balance").path("amount").asText()).isEqualTo("12.50");
        var folio = api.get(booking + "/folio", lisbon.auditor).json();
        assertThat(folio.path("lines")).hasSize(1);
        assertThat(folio.path("balance").path("amount").asText()).isEqualTo("30.00");
        assertThat(api.get(booking + "/folios", lisbon.frontDesk).json()).hasSize(2);
        var company = api.get(lisbon.path("/companies/" + acme), lisbon.frontDesk).json();
        assertThat(company.path("exposure").path("amount").asText()).isEqualTo("12.50");
        assertThat(company.path("balance").path("amount").asText()).isEqualTo("0.00");
    }

    @Test
    void a_charge_past_the_credit_limit_is_409_naming_the_limit_and_changes_nothing() {
        String small = company("20.00");
        open("{\"payer_kind\": \"company\", \"company_id\": \"" + small + "\"}");
        api.put(booking + "/folios/2/routing", lisbon.frontDesk, "{\"routes\": [\"extra\"]}");

        var refused = charge("25.00", "bar");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("credit-limit-exceeded");
        assertThat(refused.json().path("detail").asText()).contains("credit limit of 20.00");
        assertThat(window(2).path("lines")).isEmpty();
        assertThat(window(1).path("lines")).isEmpty();
    }

    @Test
    void check_out_bills_the_company_window_to_its_account_and_payments_on_account_settle_it() {
        String acme = company("1000.00");
        open("{\"payer_kind\": \"company\", \"company_id\": \"" + acme + "\"}");
        api.put(booking + "/folios/2/routing", lisbon.frontDesk, "{\"routes\": [\"room\", \"tax\", \"city_tax\"]}");
        assertThat(api.post(booking + "/check-in", lisbon.frontDesk).status()).isEqualTo(200);
        charge("8.00", "bar");
        var early = api.post(booking + "/check-out", lisbon.frontDesk);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problem()).isEqualTo("balance-not-zero");

        var paid = api.post(lisbon.path("/payments"), lisbon.frontDesk, """
                {"booking_id": "%s", "amount": {"amount": "8.00", "currency": "EUR"}, "method": "cash"}"""
                .formatted(booking.substring(booking.lastIndexOf('/') + 1)));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        var out = api.post(booking + "/check-out", lisbon.frontDesk);
        assertThat(out.status()).as(out.toString()).isEqualTo(200);

        var company = api.get(lisbon.path("/companies/" + acme), lisbon.auditor).json();
        String owed = company.path("balance").path("amount").asText();
        assertThat(company.path("open_items")).hasSize(1);
        assertThat(owed).isNotEqualTo("0.00");
        String invoiceId = company.path("open_items").path(0).path("invoice_id").asText();
        var invoice = api.get(lisbon.path("/invoices/" + invoiceId), lisbon.auditor).json();
        assertThat(invoice.path("bill_to").asText()).isEqualTo("Acme Lda");
        assertThat(invoice.path("status").asText()).isEqualTo("outstanding");
        assertThat(window(2).path("balance").path("amount").asText()).isEqualTo("0.00");

        var tooMuch = api.post(lisbon.path("/companies/" + acme + "/payments"), lisbon.frontDesk, """
                {"amount": {"amount": "%s", "currency": "EUR"}, "method": "bank_transfer",
                 "allocations": [{"invoice_id": "%s", "amount": {"amount": "9999.00", "currency": "EUR"}}]}""".formatted(owed, invoiceId));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().path("errors").path(0).path("field").asText()).isEqualTo("allocations");
        var payment = api.post(lisbon.path("/companies/" + acme + "/payments"), lisbon.frontDesk, """
                {"amount": {"amount": "%s", "currency": "EUR"}, "method": "bank_transfer", "reference": "TRF 42"}""".formatted(owed),
                "Idempotency-Key", "acme-trf-42");
        var again = api.post(lisbon.path("/companies/" + acme + "/payments"), lisbon.frontDesk, """
                {"amount": {"amount": "%s", "currency": "EUR"}, "method": "bank_transfer", "reference": "TRF 42"}""".formatted(owed),
                "Idempotency-Key", "acme-trf-42");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        assertThat(payment.json().path("balance").path("amount").asText()).isEqualTo("0.00");
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(api.get(lisbon.path("/companies/" + acme), lisbon.auditor).json().path("entries")).hasSize(3);
        assertThat(api.get(lisbon.path("/invoices/" + invoiceId), lisbon.auditor).json().path("status").asText()).isEqualTo("paid");
        var ageing = api.get(lisbon.path("/reports/ageing"), lisbon.auditor);
        assertThat(ageing.status()).as(ageing.toString()).isEqualTo(200);
        assertThat(ageing.json().path("total").path("balance").path("amount").asText()).isEqualTo("0.00");
        assertThat(api.delete(lisbon.path("/companies/" + acme), lisbon.manager).problem()).isEqualTo("company-in-use");
    }

    @Test
    void a_void_today_an_allowance_by_a_manager_and_a_move_each_add_a_line_and_never_edit_one() {
        String line = charge("40.00", "spa").json().path("id").asText();
        String minibar = charge("9.00", "minibar").json().path("id").asText();
        open("{\"payer_kind\": \"person\", \"name\": \"Rui Costa\"}");

        var voided = api.post(booking + "/folios/1/lines/" + minibar + "/void", lisbon.frontDesk, "{\"reason\": \"wrong room\"}");
        var twice = api.post(booking + "/folios/1/lines/" + minibar + "/void", lisbon.frontDesk, "{\"reason\": \"wrong room\"}");
        var byFrontDesk = api.post(booking + "/folios/1/lines/" + line + "/allowances", lisbon.frontDesk,
                "{\"amount\": {\"amount\": \"5.00\", \"currency\": \"EUR\"}, \"reason\": \"goodwill\"}");
        var allowance = api.post(booking + "/folios/1/lines/" + line + "/allowances", lisbon.manager,
                "{\"amount\": {\"amount\": \"5.00\", \"currency\": \"EUR\"}, \"reason\": \"goodwill\"}");
        var tooLarge = api.post(booking + "/folios/1/lines/" + line + "/allowances", lisbon.manager,
                "{\"amount\": {\"amount\": \"35.01\", \"currency\": \"EUR\"}, \"reason\": \"goodwill\"}");
        var moved = api.post(booking + "/folios/1/lines/" + line + "/move", lisbon.frontDesk, "{\"window\": 2}");

        assertThat(voided.status()).as(voided.toString()).isEqualTo(201);
        assertThat(voided.json().path("kind").asText()).isEqualTo("void");
        assertThat(voided.json().path("amount").path("amount").asText()).isEqualTo("-9.00");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(byFrontDesk.status()).isEqualTo(403);
        assertThat(allowance.status()).as(allowance.toString()).isEqualTo(201);
        assertThat(allowance.json().path("kind").asText()).isEqualTo("allowance");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().path("errors").path(0).path("field").asText()).isEqualTo("amount");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(409);
        assertThat(moved.problem()).isEqualTo("line-corrected");
        String other = charge("15.00", "bar").json().path("id").asText();
        var move = api.post(booking + "/folios/1/lines/" + other + "/move", lisbon.frontDesk, "{\"window\": 2}");
        assertThat(move.status()).as(move.toString()).isEqualTo(201);
        assertThat(move.json().path("out").path("kind").asText()).isEqualTo("transfer");
        assertThat(move.json().path("in").path("kind").asText()).isEqualTo("extra");
        assertThat(window(2).path("balance").path("amount").asText()).isEqualTo("15.00");
        assertThat(window(1).path("balance").path("amount").asText()).isEqualTo("35.00");
        var trail = api.get(lisbon.path("/audit?entity=folio&id=" + booking.substring(booking.lastIndexOf('/') + 1)), lisbon.auditor);
        assertThat(trail.json().path("items")).extracting(item -> item.path("type").asText())
                .contains("folio.line_voided", "folio.allowance_posted", "folio.charge_moved", "folio.window_opened");
    }

    @Test
    void a_partial_credit_note_credits_chosen_lines_and_front_desk_may_credit_only_in_full() {
        String spa = charge("80.00", "spa").json().path("id").asText();
        charge("20.00", "bar");
        String invoice = api.post(booking + "/invoices", lisbon.frontDesk).json().path("id").asText();
        String body = """
                {"lines": [{"folio_line_id": "%s", "amount": {"amount": "30.00", "currency": "EUR"}}], "reason": "goodwill"}"""
                .formatted(spa);

        var byFrontDesk = api.post(lisbon.path("/invoices/" + invoice + "/credit-notes"), lisbon.frontDesk, body);
        var note = api.post(lisbon.path("/invoices/" + invoice + "/credit-notes"), lisbon.manager, body);
        var noReason = api.post(lisbon.path("/invoices/" + invoice + "/credit-notes"), lisbon.manager,
                "{\"lines\": [{\"folio_line_id\": \"" + spa + "\"}]}");

        assertThat(byFrontDesk.status()).isEqualTo(403);
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(note.json().path("total").path("amount").asText()).isEqualTo("-30.00");
        assertThat(note.json().path("credits").asText()).isEqualTo(invoice);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(api.get(lisbon.path("/invoices/" + invoice), lisbon.auditor).json().path("total").path("amount").asText())
                .isEqualTo("100.00");
        assertThat(window(1).path("balance").path("amount").asText()).isEqualTo("70.00");
    }

    @Test
    void bad_input_is_a_4xx_naming_the_field_and_changes_nothing() {
        String acme = company("100.00");
        assertThat(field(open("{\"payer_kind\": \"company\"}"))).isEqualTo("company_id");
        assertThat(field(open("{\"payer_kind\": \"company\", \"company_id\": \"nope\"}"))).isEqualTo("company_id");
        assertThat(field(open("{\"payer_kind\": \"person\"}"))).isEqualTo("name");
        assertThat(field(open("{\"payer_kind\": \"guest\", \"company_id\": \"" + acme + "\"}"))).isEqualTo("company_id");
        assertThat(open("{\"payer_kind\": \"nobody\"}").status()).isEqualTo(400);
        assertThat(field(api.put(booking + "/folios/1/routing", lisbon.frontDesk, "{\"routes\": [\"room\"]}"))).isEqualTo("window");
        open("{\"payer_kind\": \"person\", \"name\": \"Rui Costa\"}");
        assertThat(field(api.put(booking + "/folios/2/routing", lisbon.frontDesk, "{\"routes\": [\"payment\"]}"))).isEqualTo("routes");
        assertThat(field(api.put(booking + "/folios/2/routing", lisbon.frontDesk, "{\"routes\": [\"extra\", \"extra:bar\"]}")))
                .isEqualTo("routes");
        assertThat(api.get(booking + "/folios/9", lisbon.frontDesk).status()).isEqualTo(404);
        assertThat(api.get(booking + "/folios/x", lisbon.frontDesk).status()).isEqualTo(404);
        String line = charge("10.00", "bar").json().path("id").asText();
        assertThat(field(api.post(booking + "/folios/1/lines/" + line + "/move", lisbon.frontDesk, "{\"window\": 7}"))).isEqualTo("to_window");
        assertThat(field(api.post(booking + "/folios/1/lines/" + line + "/void", lisbon.frontDesk, "{\"reason\": \"\"}"))).isEqualTo("reason");
        assertThat(api.post(booking + "/folios/1/lines/nope/void", lisbon.frontDesk, "{\"reason\": \"x\"}").status()).isEqualTo(404);
        assertThat(field(api.post(lisbon.path("/companies"), lisbon.manager, """
                {"kind": "company", "name": "Bad", "address": {"line1": "R", "postal_code": "1", "city": "L", "country": "pt"},
                 "credit_limit": {"amount": "1.00", "currency": "EUR"}}"""))).isEqualTo("address.country");
        assertThat(field(api.post(lisbon.path("/companies"), lisbon.manager, """
                {"kind": "company", "name": "Bad", "address": {"line1": "R", "postal_code": "1", "city": "L", "country": "PT"},
                 "credit_limit": {"amount": "-1.00", "currency": "EUR"}}"""))).isEqualTo("credit_limit");
        assertThat(field(api.post(lisbon.path("/companies/" + acme + "/payments"), lisbon.frontDesk, """
                {"amount": {"amount": "0.00", "currency": "EUR"}, "method": "cash"}"""))).isEqualTo("amount");
        assertThat(window(1).path("lines")).hasSize(1);
        assertThat(api.get(booking + "/folios", lisbon.frontDesk).json()).hasSize(2);
        assertThat(api.get(lisbon.path("/companies"), lisbon.frontDesk).json().path("items")).hasSize(1);
        assertThat(api.get(lisbon.path("/companies/" + acme), lisbon.frontDesk).json().path("entries")).isEmpty();
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().path("errors").path(0).path("field").asText();
    }
}
