package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Invoices as PDF, read back with PDFBox, and the books of a business date over HTTP: the finance report, and
 * the journal as JSON and CSV. A stay in Lisbon (6 % VAT on top, city tax 2.00 a person-night): two nights of
 * 100.00 for two adults and a minibar bill of 12.50, 232.50 in all, paid by card.
 */
@RoutingTest
class BooksResourcesTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();

    BooksResourcesTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    /** What a stay left: its booking's path, its first day and its invoice's path. */
    private record Stay(String booking, String arrival, String invoice) {}

    private Stay stay(Lisbon lisbon) {
        String arrival = lisbon.today;
        String booking = lisbon.path("/bookings/" + lisbon.book(arrival, lisbon.day(2), Lisbon.unique("books") + "@example.com")
                .json().path("id").asText());
        assertThat(api.post(booking + "/check-in", lisbon.frontDesk).status()).isEqualTo(200);
        assertThat(api.post(booking + "/charges", lisbon.frontDesk, """
                {"description": "Minibar", "amount": {"amount": "12.50", "currency": "EUR"}, "category": "minibar"}""")
                .status()).isEqualTo(201);
        for (int night = 0; night < 2; night++) {
            var audit = api.post(lisbon.path("/night-audit"), lisbon.manager);
            assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
            fixture.clock.advance(Duration.ofDays(1));
        }
        var paid = api.post(lisbon.path("/payments"), lisbon.frontDesk, """
                {"booking_id": "%s", "amount": {"amount": "232.50", "currency": "EUR"}, "method": "card",
                 "card_token": "tok_visa"}""".formatted(booking.substring(booking.lastIndexOf('/') + 1)));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(api.post(booking + "/check-out", lisbon.frontDesk).status()).isEqualTo(200);
        var invoice = api.post(booking + "/invoices", lisbon.frontDesk);
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        return new Stay(booking, arrival, lisbon.path("/invoices/" + invoice.json().path("id").asText()));
    }

    private static String text(Api.Download pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void an_invoice_asked_for_as_pdf_is_one_with_its_number_lines_vat_per_rate_and_total() throws IOException {
        Lisbon lisbon = Lisbon.setUp(api, fixture, """
                , "address": "Rua do Alecrim 12\\n1200-018 Lisboa", "vat_id": "PT509999990\"""");
        Stay stay = stay(lisbon);

        Api.Download pdf = api.download(stay.invoice(), lisbon.frontDesk, "application/pdf");
        String text = text(pdf);

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.disposition()).isEqualTo("inline; filename=\"2026-000001.pdf\"");
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(text).contains("Invoice 2026-000001", "Issue date: " + lisbon.day(2), "Lisbon Riverside", "Rua do Alecrim 12",
                "1200-018 Lisboa", "VAT id: PT509999990", "Bill to", "Ana Silva", "Minibar",
                "Room, night of " + stay.arrival(), "Total 232.50 EUR", "of which VAT 12.00 EUR", "Paid by card: ****visa");
        assertThat(lines(text)).contains("6 % 200.00 EUR 12.00 EUR 212.00 EUR", "0 % 20.50 EUR 0.00 EUR 20.50 EUR");
    }

    @Test
    void an_invoice_and_its_credit_note_print_in_the_property_s_language() throws IOException {
        Lisbon lisboa = Lisbon.setUp(api, fixture, ", \"language\": \"pt\", \"vat_id\": \"PT509999990\"");
        Stay stay = stay(lisboa);
        var credit = api.post(stay.invoice() + "/credit-notes", lisboa.frontDesk);

        String invoice = text(api.download(stay.invoice(), lisboa.auditor, "application/pdf"));
        String note = text(api.download(lisboa.path("/invoices/" + credit.json().path("id").asText()), lisboa.auditor,
                "application/json;q=0.5, application/pdf"));

        assertThat(invoice).contains("Fatura 2026-000001", "NIF: PT509999990", "Cliente", "Descrição",
                "Alojamento, noite de " + pt(stay.arrival()), "Taxa turística", "Resumo do IVA", "Total 232,50 EUR",
                "dos quais IVA 12,00 EUR");
        assertThat(lines(invoice)).contains("6 % 200,00 EUR 12,00 EUR 212,00 EUR");
        assertThat(note).contains("Nota de crédito 2026-000002", "Anula a fatura: 2026-000001", "Total -232,50 EUR",
                "dos quais IVA -12,00 EUR");
    }

    @Test
    void an_invoice_stays_json_unless_a_pdf_is_preferred() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        Stay stay = stay(lisbon);

        var plain = api.get(stay.invoice(), lisbon.frontDesk);
        var either = api.download(stay.invoice(), lisbon.frontDesk, "application/json, application/pdf;q=0.9");
        var anything = api.download(stay.invoice(), lisbon.frontDesk, "*/*");

        assertThat(plain.contentType()).startsWith("application/json");
        assertThat(plain.json().path("number").asText()).isEqualTo("2026-000001");
        assertThat(either.contentType()).startsWith("application/json");
        assertThat(anything.contentType()).startsWith("application/json");
        assertThat(api.download(stay.invoice(), lisbon.channel, "application/pdf").status()).isEqualTo(403);
    }

    @Test
    void the_finance_report_of_a_day_adds_up_to_its_trial_balance() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        Stay stay = stay(lisbon);

        JsonNode arrival = api.get(lisbon.path("/reports/finance?date=" + stay.arrival()), lisbon.auditor).json();
        JsonNode departure = api.get(lisbon.path("/reports/finance"), lisbon.manager).json();

        assertThat(arrival.path("trial_balance").path("opening").path("amount").asText()).isEqualTo("0.00");
        assertThat(arrival.path("trial_balance").path("charges").path("amount").asText()).isEqualTo("122.50");
        assertThat(arrival.path("trial_balance").path("closing").path("amount").asText()).isEqualTo("122.50");
        assertThat(arrival.path("revenue").findValuesAsText("category")).containsExactly("accommodation", "extras");
        assertThat(arrival.path("revenue").get(0).path("vat_percent").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(6));
        assertThat(arrival.path("revenue").get(0).path("vat").path("amount").asText()).isEqualTo("6.00");
        assertThat(arrival.path("city_tax").path("amount").asText()).isEqualTo("4.00");
        assertThat(arrival.path("guest_ledger").path("folios").get(0).path("in_house").asBoolean()).isTrue();
        assertThat(departure.path("date").asText()).isEqualTo(lisbon.day(2));
        assertThat(departure.path("trial_balance").path("opening").path("amount").asText()).isEqualTo("232.50");
        assertThat(departure.path("trial_balance").path("payments").path("amount").asText()).isEqualTo("232.50");
        assertThat(departure.path("trial_balance").path("closing").path("amount").asText()).isEqualTo("0.00");
        assertThat(departure.path("payments").get(0).path("method").asText()).isEqualTo("card");
        assertThat(departure.path("city_ledger").path("total").path("amount").asText()).isEqualTo("0.00");
    }

    @Test
    void the_journal_balances_as_json_and_as_csv() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        Stay stay = stay(lisbon);
        String path = lisbon.path("/reports/journal?date=" + stay.arrival());

        JsonNode json = api.get(path, lisbon.auditor).json();
        var csv = api.get(path + "&format=csv", lisbon.auditor);
        var accepted = api.call(io.helidon.http.Method.GET, path, lisbon.manager, null, null, "Accept", "text/csv");

        assertThat(json.path("debits")).isEqualTo(json.path("credits"));
        assertThat(json.path("debits").path("amount").asText()).isEqualTo("122.50");
        assertThat(json.path("entries")).hasSize(4);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).contains("attachment; filename=\"journal-" + stay.arrival() + ".csv\"");
        assertThat(accepted.body()).isEqualTo(csv.body());
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.getFirst()).isEqualTo("date,entry_id,booking_id,kind,description,account,debit,credit,currency");
        assertThat(rows).hasSize(1 + 8);
        assertThat(column(rows, 6)).isEqualByComparingTo(column(rows, 7)).isEqualByComparingTo("122.50");
        assertThat(csv.body()).contains(",room,\"Room, night of " + stay.arrival() + "\",revenue:accommodation,,100.00,EUR");
    }

    @Test
    void the_books_are_read_by_managers_and_auditors_only_and_refuse_a_bad_date_or_format_naming_it() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);

        assertThat(api.get(lisbon.path("/reports/finance"), lisbon.frontDesk).status()).isEqualTo(403);
        assertThat(api.get(lisbon.path("/reports/journal"), lisbon.housekeeping).status()).isEqualTo(403);
        assertThat(field(api.get(lisbon.path("/reports/finance?date=2026-13-01"), lisbon.auditor))).isEqualTo("date");
        assertThat(field(api.get(lisbon.path("/reports/journal?date=" + lisbon.day(1)), lisbon.auditor))).isEqualTo("date");
        assertThat(field(api.get(lisbon.path("/reports/journal?format=xml"), lisbon.auditor))).isEqualTo("format");
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asText();
    }

    /** The sum of a CSV column of amounts (no amount has a comma, no description here a quote). */
    private static BigDecimal column(List<String> rows, int fromEnd) {
        return rows.stream().skip(1).map(row -> {
            String[] cells = row.split(",");
            String cell = cells[cells.length - (9 - fromEnd)];
            return cell.isEmpty() ? BigDecimal.ZERO : new BigDecimal(cell);
        }).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).toList();
    }

    private static String pt(String isoDate) {
        String[] parts = isoDate.split("-");
        return parts[2] + "/" + parts[1] + "/" + parts[0];
    }
}
