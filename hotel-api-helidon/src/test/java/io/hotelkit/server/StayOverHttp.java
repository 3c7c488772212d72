package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A whole stay over real HTTP, as a hotel lives it: set up, search, book, change the booking, check in,
 * charge an extra, three night audits (time moves a day between them), pay, check out, invoice, credit
 * note; and the stay's events on the event stream and in the audit trail, each with the key that acted.
 * The same walk runs on each storage the server runs on: a subclass names it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StayOverHttp {

    private LiveServer server;
    private Fixture fixture;
    private Http1Client client;
    private Api api;

    /** A fixture on the storage under test. */
    abstract Fixture fixture();

    @BeforeAll
    void start() {
        server = LiveServer.start(fixture());
        fixture = server.fixture();
        client = server.client();
        api = server.api();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private static final String NAME = "Ana Silva";
    private static final String EMAIL = "ana.silva@example.com";
    private static final String PHONE = "+351 912 345 678";

    /**
     * The walk, with every response checked against the OpenAPI document, and the server's log checked
     * for the guest's personal data: none of it may be in any line.
     */
    @Test
    void a_guest_books_stays_pays_leaves_and_is_invoiced() throws Exception {
        try (CapturedLog log = new CapturedLog()) {
            walk();
            assertThat(log.text()).doesNotContain(NAME).doesNotContain(EMAIL).doesNotContain(PHONE)
                    .doesNotContain("Silva").doesNotContain("912 345");
        }
        OpenApiDocument document = OpenApiDocument.load();
        assertThat(api.exchanges()).hasSizeGreaterThan(30);
        List<String> violations = new ArrayList<>();
        for (Api.Exchange exchange : api.exchanges()) {
            violations.addAll(document.violations(exchange));
        }
        assertThat(violations).isEmpty();
    }

    private void walk() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);

        var offers = api.get(lisbon.path("/availability?checkin_date=2026-11-25&checkout_date=2026-11-27&adults=2"
                + "&room_type=DBL&rate_plan=FLEX"), lisbon.channel);
        assertThat(offers.status()).as(offers.toString()).isEqualTo(200);
        JsonNode offer = offers.json().path("offers").get(0);
        assertThat(offer.path("available").asInt()).isEqualTo(3);
        // two nights of 100.00, VAT 6 % on top, city tax 2.00 for each of two guests a night
        assertThat(offer.path("total").path("amount").asText()).isEqualTo("220.00");

        String stay = """
                {"guest": {"name": "%s", "email": "%s", "phone": "%s"}, "room_type": "DBL",
                 "rate_plan": "FLEX", "checkin_date": "2026-11-25", "checkout_date": "2026-11-27", "adults": 2}"""
                .formatted(NAME, EMAIL, PHONE);
        var booked = api.post(lisbon.path("/bookings"), lisbon.frontDesk, stay, "Idempotency-Key", "stay-1");
        var retried = api.post(lisbon.path("/bookings"), lisbon.frontDesk, stay, "Idempotency-Key", "stay-1");
        assertThat(retried.header("Idempotent-Replayed")).contains("true");
        var found = api.get("/v1/guests?email=" + EMAIL, lisbon.frontDesk);
        assertThat(found.json().path("items").get(0).path("phone").asText()).isEqualTo(PHONE);
        assertThat(api.get("/v1/guests?name=Silva", lisbon.frontDesk).json().path("items")).hasSize(1);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        JsonNode booking = booked.json();
        String id = booking.path("id").asText();
        String path = lisbon.path("/bookings/" + id);
        assertThat(booking.path("total").path("amount").asText()).isEqualTo("220.00");
        assertThat(booking.path("status").asText()).isEqualTo("confirmed");
        assertThat(booked.header("Location")).contains(path);

        var stale = api.patch(path, lisbon.frontDesk, "{\"checkout_date\": \"2026-11-28\"}", "If-Match", "7");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problem()).isEqualTo("version-conflict");
        var longer = api.patch(path, lisbon.frontDesk, "{\"checkout_date\": \"2026-11-28\"}",
                "If-Match", booked.header("ETag").orElseThrow());
        assertThat(longer.status()).as(longer.toString()).isEqualTo(200);
        assertThat(longer.json().path("nights").asInt()).isEqualTo(3);
        assertThat(longer.json().path("total").path("amount").asText()).isEqualTo("330.00");
        assertThat(longer.json().path("version").asLong()).isGreaterThan(booking.path("version").asLong());

        var checkedIn = api.post(path + "/check-in", lisbon.frontDesk);
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        assertThat(checkedIn.json().path("status").asText()).isEqualTo("checked_in");
        assertThat(checkedIn.json().path("room_number").asText()).isNotEmpty();

        var minibar = api.post(path + "/charges", lisbon.frontDesk, """
                {"description": "Minibar", "amount": {"amount": "12.50", "currency": "EUR"}, "category": "minibar"}""");
        assertThat(minibar.status()).as(minibar.toString()).isEqualTo(201);

        for (String closed : List.of("2026-11-25", "2026-11-26", "2026-11-27")) {
            var audit = api.post(lisbon.path("/night-audit"), lisbon.manager);
            assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
            assertThat(audit.json().path("closed_date").asText()).isEqualTo(closed);
            fixture.clock.advance(Duration.ofDays(1));
        }
        assertThat(api.get(lisbon.path("/business-date"), lisbon.auditor).json().path("business_date").asText())
                .isEqualTo("2026-11-28");

        var folio = api.get(path + "/folio", lisbon.frontDesk).json();
        assertThat(folio.path("balance").path("amount").asText()).isEqualTo("342.50");
        var leavingUnpaid = api.post(path + "/check-out", lisbon.frontDesk);
        assertThat(leavingUnpaid.status()).isEqualTo(409);

        var paid = api.post(lisbon.path("/payments"), lisbon.frontDesk, """
                {"booking_id": "%s", "amount": {"amount": "342.50", "currency": "EUR"}, "method": "card",
                 "card_token": "tok_visa"}""".formatted(id), "Idempotency-Key", "pay-1");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.json().path("status").asText()).isEqualTo("captured");
        assertThat(paid.json().path("gateway_reference").asText()).isNotEmpty();

        var checkedOut = api.post(path + "/check-out", lisbon.frontDesk);
        assertThat(checkedOut.status()).as(checkedOut.toString()).isEqualTo(200);
        assertThat(checkedOut.json().path("status").asText()).isEqualTo("checked_out");

        var invoice = api.post(path + "/invoices", lisbon.frontDesk);
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        assertThat(invoice.json().path("number").asText()).isEqualTo("2026-000001");
        assertThat(invoice.json().path("total").path("amount").asText()).isEqualTo("342.50");
        assertThat(invoice.json().path("bill_to").asText()).isEqualTo(NAME);
        assertThat(invoice.json().path("payment_hint").asText()).isEqualTo("****visa");
        assertThat(invoice.json().path("status").asText()).isEqualTo("paid");
        String invoicePath = lisbon.path("/invoices/" + invoice.json().path("id").asText());

        var credit = api.post(invoicePath + "/credit-notes", lisbon.frontDesk);
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
        assertThat(credit.json().path("number").asText()).isEqualTo("2026-000002");
        assertThat(credit.json().path("total").path("amount").asText()).isEqualTo("-342.50");
        assertThat(api.get(invoicePath, lisbon.auditor).json().path("status").asText()).isEqualTo("credited");

        List<JsonNode> streamed = events(lisbon, Set.of("booking.created", "booking.modified", "booking.checked_in",
                "payment.captured", "booking.checked_out", "invoice.issued", "invoice.credit_note_issued"));
        assertThat(streamed).extracting(e -> e.path("type").asText())
                .containsSubsequence("booking.created", "booking.modified", "booking.checked_in", "payment.captured",
                        "booking.checked_out", "invoice.issued", "invoice.credit_note_issued");
        String frontDeskKeyId = streamed.stream().filter(e -> e.path("type").asText().equals("booking.created"))
                .findFirst().orElseThrow().path("actor").asText();
        assertThat(frontDeskKeyId).isNotEqualTo("system");

        var trail = api.get(lisbon.path("/audit?entity=booking&id=" + id), lisbon.auditor);
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        trail.json().path("items").forEach(entry -> types.add(entry.path("type").asText()));
        assertThat(types).startsWith("booking.checked_out").endsWith("booking.created")
                .contains("booking.modified", "booking.checked_in");
        assertThat(trail.json().path("items").get(0).path("actor").asText()).isEqualTo(frontDeskKeyId);
    }

    /** Reads the property's event stream from its start until every one of {@code types} has come. */
    private List<JsonNode> events(Lisbon lisbon, Set<String> types) throws Exception {
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor();
             Http1ClientResponse response = client.get(lisbon.path("/events"))
                     .header(HeaderNames.AUTHORIZATION, "Bearer " + lisbon.auditor)
                     .header(HeaderNames.ACCEPT, "text/event-stream")
                     .header(HeaderNames.create("Last-Event-ID"), "0")
                     .request()) {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.headers().contentType().orElseThrow().text()).startsWith("text/event-stream");
            Future<List<JsonNode>> read = reader.submit(() -> {
                List<JsonNode> events = new ArrayList<>();
                Set<String> missing = new LinkedHashSet<>(types);
                BufferedReader lines = new BufferedReader(new InputStreamReader(response.inputStream(), StandardCharsets.UTF_8));
                String event = null;
                for (String line = lines.readLine(); line != null && !missing.isEmpty(); line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        JsonNode data = Json.read(line.substring(5).strip(), JsonNode.class);
                        assertThat(data.path("type").asText()).isEqualTo(event);
                        events.add(data);
                        missing.remove(event);
                    }
                }
                return events;
            });
            return read.get(30, TimeUnit.SECONDS);
        }
    }
}
