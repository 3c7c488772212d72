package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Folios, charges, payments, refunds, invoices and credit notes. */
@RoutingTest
class BillingResourcesTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();
    private static final AtomicInteger EMAILS = new AtomicInteger();
    private final Lisbon lisbon;
    private final String booking;

    BillingResourcesTest(DirectClient client) {
        super(client);
        this.lisbon = Lisbon.setUp(api, fixture);
        this.booking = lisbon.path("/bookings/" + lisbon.book("2026-12-01", "2026-12-03",
                "billing" + EMAILS.incrementAndGet() + "@example.com").json().path("id").asText());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private String bookingId() {
        return booking.substring(booking.lastIndexOf('/') + 1);
    }

    private Api.Response charge(String amount, String currency, String... headers) {
        return api.post(booking + "/charges", lisbon.frontDesk, """
                {"description": "Dinner", "amount": {"amount": "%s", "currency": "%s"}, "category": "restaurant"}"""
                .formatted(amount, currency), headers);
    }

    private Api.Response pay(String amount, String method, String token, String... headers) {
        return api.post(lisbon.path("/payments"), lisbon.frontDesk, """
                {"booking_id": "%s", "amount": {"amount": "%s", "currency": "EUR"}, "method": "%s"%s}"""
                .formatted(bookingId(), amount, method, token == null ? "" : ", \"card_token\": \"" + token + "\""),
                headers);
    }

    @Test
    void a_charge_goes_on_the_folio_dated_today_and_a_retry_with_its_key_posts_it_once() {
        var first = charge("45.00", "EUR", "Idempotency-Key", "dinner-1");
        var retry = charge("45.00", "EUR", "Idempotency-Key", "dinner-1");

        var folio = api.get(booking + "/folio", lisbon.auditor).json();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("kind").asText()).isEqualTo("extra");
        assertThat(first.json().path("date").asText()).isEqualTo(lisbon.today);
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(folio.path("lines")).hasSize(1);
        assertThat(folio.path("balance").path("amount").asText()).isEqualTo("45.00");
    }

    @Test
    void a_charge_in_another_currency_or_not_above_zero_is_400() {
        assertThat(charge("45.00", "USD").problem()).isEqualTo("currency-mismatch");
        assertThat(charge("0.00", "EUR").status()).isEqualTo(400);
        assertThat(charge("12.345", "EUR").status()).isEqualTo(400);
    }

    @Test
    void a_declined_card_is_a_declined_payment_that_leaves_the_folio_as_it_was() {
        charge("45.00", "EUR");

        var declined = pay("45.00", "card", "tok_declined");

        assertThat(declined.status()).as(declined.toString()).isEqualTo(201);
        assertThat(declined.json().path("status").asText()).isEqualTo("declined");
        assertThat(api.get(booking + "/folio", lisbon.frontDesk).json().path("balance").path("amount").asText())
                .isEqualTo("45.00");
    }

    @Test
    void a_card_number_instead_of_a_token_is_refused_and_never_echoed() {
        var refused = pay("45.00", "card", "4111 1111 1111 1111");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("4111");
    }

    @Test
    void a_payment_can_be_refunded_up_to_what_it_took() {
        charge("45.00", "EUR");
        var paid = pay("45.00", "cash", null);
        String payment = lisbon.path("/payments/" + paid.json().path("id").asText());

        var part = api.post(payment + "/refunds", lisbon.frontDesk, "{\"amount\": {\"amount\": \"20.00\", \"currency\": \"EUR\"}}");
        var tooMuch = api.post(payment + "/refunds", lisbon.frontDesk, "{\"amount\": {\"amount\": \"30.00\", \"currency\": \"EUR\"}}");

        assertThat(part.status()).as(part.toString()).isEqualTo(201);
        assertThat(part.json().path("payment_id").asText()).isEqualTo(paid.json().path("id").asText());
        assertThat(tooMuch.status()).isEqualTo(409);
        var read = api.get(payment, lisbon.auditor).json();
        assertThat(read.path("refundable").path("amount").asText()).isEqualTo("25.00");
        assertThat(read.path("refunds")).hasSize(1);
        assertThat(api.get(booking + "/folio", lisbon.frontDesk).json().path("balance").path("amount").asText())
                .isEqualTo("20.00");
    }

    @Test
    void a_payment_for_a_booking_of_another_property_is_400() {
        Lisbon porto = Lisbon.setUp(api, fixture);

        var refused = api.post(porto.path("/payments"), porto.frontDesk, """
                {"booking_id": "%s", "amount": {"amount": "1.00", "currency": "EUR"}, "method": "cash"}"""
                .formatted(bookingId()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("booking_id");
    }

    @Test
    void invoices_are_listed_by_status_and_a_folio_with_nothing_to_invoice_is_409() {
        charge("45.00", "EUR");
        var outstanding = api.post(booking + "/invoices", lisbon.frontDesk);
        var nothingLeft = api.post(booking + "/invoices", lisbon.frontDesk);

        var owing = api.get(lisbon.path("/invoices?status=outstanding"), lisbon.auditor).json();
        pay("45.00", "bank_transfer", null);
        var paid = api.get(lisbon.path("/invoices?status=paid"), lisbon.frontDesk).json();

        assertThat(outstanding.status()).as(outstanding.toString()).isEqualTo(201);
        assertThat(outstanding.json().path("status").asText()).isEqualTo("outstanding");
        assertThat(outstanding.json().path("lines").get(0).path("kind").asText()).isEqualTo("extra");
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(owing.path("items").findValuesAsText("id")).containsExactly(outstanding.json().path("id").asText());
        assertThat(paid.path("items").findValuesAsText("id")).containsExactly(outstanding.json().path("id").asText());
        assertThat(api.get(lisbon.path("/invoices?status=outstanding"), lisbon.auditor).json().path("items")).isEmpty();
    }

    /** The ids of every page of {@code list}, following next_cursor, each page of {@code limit}. */
    private List<List<String>> pages(String list, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get(lisbon.path(list + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor)),
                    lisbon.auditor).json();
            pages.add(page.path("items").findValuesAsText("id"));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null && pages.size() < 1_000);
        return pages;
    }

    private String invoice(String bookingPath, String amount) {
        api.post(bookingPath + "/charges", lisbon.frontDesk, """
                {"description": "Dinner", "amount": {"amount": "%s", "currency": "EUR"}, "category": "restaurant"}"""
                .formatted(amount));
        var issued = api.post(bookingPath + "/invoices", lisbon.frontDesk);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().path("id").asText();
    }

    @Test
    void a_status_list_pages_through_the_matching_invoices_only() {
        List<String> outstanding = new ArrayList<>();
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String other = lisbon.path("/bookings/" + lisbon.booking(lisbon.frontDesk, 10 + i));
            String id = invoice(other, "20.00");
            if (i % 2 == 0) {
                api.post(lisbon.path("/payments"), lisbon.frontDesk, """
                        {"booking_id": "%s", "amount": {"amount": "20.00", "currency": "EUR"}, "method": "cash"}"""
                        .formatted(other.substring(other.lastIndexOf('/') + 1)));
                paid.add(id);
            } else {
                outstanding.add(id);
            }
        }

        assertThat(pages("/invoices?status=paid", 1).stream().flatMap(List::stream)).containsExactlyElementsOf(paid);
        assertThat(pages("/invoices?status=outstanding", 1).stream().flatMap(List::stream))
                .containsExactlyElementsOf(outstanding);
        assertThat(pages("/invoices?status=credited", 2)).containsExactly(List.of());
    }

    @Test
    void a_status_page_looks_at_500_invoices_at_most_and_goes_on_from_there() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < InvoicesResource.MAX_SCAN + 2; i++) {
            all.add(invoice(booking, "1.00"));
        }

        List<List<String>> none = pages("/invoices?status=paid", 10);
        List<List<String>> owed = pages("/invoices?status=outstanding", 500);

        assertThat(none).as("the first page looked at 500 and found none; the second at the last 2").hasSize(2)
                .allSatisfy(page -> assertThat(page).isEmpty());
        assertThat(owed.stream().flatMap(List::stream)).containsExactlyElementsOf(all);
    }

    @Test
    void a_credit_note_cannot_be_credited_and_an_invoice_only_once() {
        charge("45.00", "EUR");
        String invoice = lisbon.path("/invoices/" + api.post(booking + "/invoices", lisbon.frontDesk).json().path("id").asText());
        var note = api.post(invoice + "/credit-notes", lisbon.frontDesk).json();

        assertThat(note.path("kind").asText()).isEqualTo("credit_note");
        assertThat(note.path("credits").asText()).isEqualTo(invoice.substring(invoice.lastIndexOf('/') + 1));
        assertThat(api.post(invoice + "/credit-notes", lisbon.frontDesk).status()).isEqualTo(409);
        assertThat(api.post(lisbon.path("/invoices/" + note.path("id").asText() + "/credit-notes"), lisbon.frontDesk)
                .status()).isEqualTo(409);
    }

    @Test
    void auditors_read_billing_and_change_none_of_it() {
        assertThat(api.get(booking + "/folio", lisbon.auditor).status()).isEqualTo(200);
        assertThat(charge("1.00", "EUR").status()).isEqualTo(201);
        assertThat(api.post(booking + "/charges", lisbon.auditor, "{}").status()).isEqualTo(403);
        assertThat(api.post(booking + "/invoices", lisbon.auditor).status()).isEqualTo(403);
        assertThat(api.get(booking + "/folio", lisbon.channel).status()).isEqualTo(403);
    }
}
