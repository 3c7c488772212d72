package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * {@code GET /v1/properties/{propertyId}/ari}: a full resync, deltas after each kind of change, the cursor's
 * refusals, and the OpenTravel messages against the schema and the fixtures written from the specification.
 */
class AriResourceTest extends RoutingTestBase {

    private static final Fixture fixture = new Fixture();

    AriResourceTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture.routing(routing);
    }

    private Api.Response ari(Lisbon lisbon, String query) {
        var response = api.get(lisbon.path("/ari?" + query), lisbon.channel);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(OpenApiDocument.load().violations("GET", lisbon.path("/ari"), response)).isEmpty();
        return response;
    }

    private static List<JsonNode> rows(Api.Response response) {
        return StreamSupport.stream(response.json().path("nights").spliterator(), false).toList();
    }

    private static List<String> keys(Api.Response response) {
        return rows(response).stream()
                .map(row -> row.path("room_type").asText() + "/" + row.path("rate_plan").asText() + "/" + row.path("night").asText())
                .toList();
    }

    @Test
    void a_full_resync_holds_every_room_type_rate_plan_and_night_with_its_prices() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        var feed = ari(lisbon, "from=" + lisbon.day(1) + "&to=" + lisbon.day(3));

        assertThat(feed.json().path("full").asBoolean()).isTrue();
        assertThat(feed.json().path("currency").asText()).isEqualTo("EUR");
        assertThat(keys(feed)).containsExactly(
                "DBL/FLEX/" + lisbon.day(1), "DBL/FLEX/" + lisbon.day(2), "DBL/NRF/" + lisbon.day(1), "DBL/NRF/" + lisbon.day(2),
                "SGL/FLEX/" + lisbon.day(1), "SGL/FLEX/" + lisbon.day(2), "SGL/NRF/" + lisbon.day(1), "SGL/NRF/" + lisbon.day(2));
        JsonNode dbl = rows(feed).getFirst();
        assertThat(dbl.path("available").asInt()).isEqualTo(3);
        assertThat(dbl.path("closed").asBoolean()).isFalse();
        assertThat(dbl.path("max_stay").asInt()).isEqualTo(30); // the property's longest stay
        assertThat(dbl.path("min_stay").isNull()).isTrue();
        JsonNode price = dbl.path("price");
        assertThat(price.path("base_occupancy").asInt()).isEqualTo(2);
        assertThat(price.path("amount").path("amount").asText()).isEqualTo("100.00");
        assertThat(StreamSupport.stream(price.path("by_occupancy").spliterator(), false)
                .map(p -> p.path("adults").asInt() + "+" + p.path("children").asInt() + "=" + p.path("amount").path("amount").asText()))
                .containsExactly("1+0=100.00", "1+1=115.00", "2+0=100.00", "2+1=115.00");
        JsonNode nrf = rows(feed).get(2);
        assertThat(nrf.path("price").path("extra_child").path("amount").asText()).isEqualTo("13.50");
        JsonNode sgl = rows(feed).get(4);
        assertThat(sgl.path("available").asInt()).isEqualTo(1);
        assertThat(sgl.path("price").path("by_occupancy")).hasSize(1);
    }

    @Test
    void a_delta_after_a_booking_holds_its_room_type_and_nights_only_and_the_next_holds_nothing() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        String window = "from=" + lisbon.day(1) + "&to=" + lisbon.day(10);
        String cursor = ari(lisbon, window).json().path("next_cursor").asText();

        lisbon.book(lisbon.channel, lisbon.day(3), lisbon.day(5), "delta@example.com");
        var delta = ari(lisbon, window + "&since=" + cursor);

        assertThat(delta.json().path("full").asBoolean()).isFalse();
        assertThat(keys(delta)).containsExactly("DBL/FLEX/" + lisbon.day(3), "DBL/FLEX/" + lisbon.day(4),
                "DBL/NRF/" + lisbon.day(3), "DBL/NRF/" + lisbon.day(4));
        assertThat(rows(delta)).allSatisfy(row -> assertThat(row.path("available").asInt()).isEqualTo(2));
        String next = delta.json().path("next_cursor").asText();
        assertThat(next).isNotEqualTo(cursor);
        var quiet = ari(lisbon, window + "&since=" + next);
        assertThat(rows(quiet)).isEmpty();
        assertThat(quiet.json().path("next_cursor").asText()).isEqualTo(next);
    }

    @Test
    void a_price_change_moves_the_plan_and_the_plans_derived_from_it() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        String window = "from=" + lisbon.day(1) + "&to=" + lisbon.day(3) + "&room_type=SGL";
        String cursor = ari(lisbon, window).json().path("next_cursor").asText();

        var prices = api.put(lisbon.path("/rate-plans/FLEX/prices"), lisbon.manager, """
                [{"room_type": "SGL", "from": "%s", "to": "%s", "amount": {"amount": "60.00", "currency": "EUR"},
                  "min_stay": 2}]""".formatted(lisbon.day(1), lisbon.day(2)));
        assertThat(prices.status()).as(prices.toString()).isEqualTo(204);
        var delta = ari(lisbon, window + "&since=" + cursor);

        assertThat(keys(delta)).contains("SGL/FLEX/" + lisbon.day(1), "SGL/NRF/" + lisbon.day(1));
        JsonNode flex = rows(delta).getFirst();
        assertThat(flex.path("price").path("amount").path("amount").asText()).isEqualTo("60.00");
        assertThat(flex.path("min_stay").asInt()).isEqualTo(2);
        JsonNode nrf = rows(delta).stream().filter(r -> r.path("rate_plan").asText().equals("NRF")).findFirst().orElseThrow();
        assertThat(nrf.path("price").path("amount").path("amount").asText()).isEqualTo("54.00");
    }

    @Test
    void out_of_order_rooms_and_blocks_move_the_cursor_and_show_in_the_delta() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        String window = "from=" + lisbon.day(1) + "&to=" + lisbon.day(60) + "&rate_plan=FLEX";
        String cursor = ari(lisbon, window).json().path("next_cursor").asText();

        var outOfOrder = api.post(lisbon.path("/rooms/101/out-of-order"), lisbon.manager, """
                {"from": "%s", "to": "%s", "reason": "paint"}""".formatted(lisbon.day(30), lisbon.day(31)));
        assertThat(outOfOrder.status()).as(outOfOrder.toString()).isEqualTo(201);
        var afterOutOfOrder = ari(lisbon, window + "&since=" + cursor);
        assertThat(keys(afterOutOfOrder)).containsExactly("DBL/FLEX/" + lisbon.day(30));
        assertThat(rows(afterOutOfOrder).getFirst().path("available").asInt()).isEqualTo(2);

        lisbon.block(); // one DBL on day(40)
        var afterBlock = ari(lisbon, window + "&since=" + afterOutOfOrder.json().path("next_cursor").asText());
        assertThat(keys(afterBlock)).containsExactly("DBL/FLEX/" + lisbon.day(40));
        assertThat(rows(afterBlock).getFirst().path("available").asInt()).isEqualTo(2);
    }

    @Test
    void a_cursor_of_another_property_or_none_this_feed_gave_is_refused_naming_since() {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        Lisbon other = Lisbon.setUp(api, fixture);
        String theirs = ari(other, "").json().path("next_cursor").asText();

        for (String since : List.of(theirs, "not-a-cursor", "YXJpMTp4OjE", java.util.Base64.getUrlEncoder()
                .encodeToString(("ari1:" + lisbon.id + ":999999999").getBytes(StandardCharsets.UTF_8)))) {
            var refused = api.get(lisbon.path("/ari?since=" + since), lisbon.channel);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("since");
        }
    }

    @Test
    void the_opentravel_messages_are_those_written_from_the_specification() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        assertThat(lisbon.day(10)).isEqualTo("2026-12-05"); // the fixtures' dates
        var prices = api.put(lisbon.path("/rate-plans/FLEX/prices"), lisbon.manager, """
                [{"room_type": "SGL", "from": "%s", "to": "%s", "amount": {"amount": "80.00", "currency": "EUR"}, "min_stay": 2},
                 {"room_type": "SGL", "from": "%s", "to": "%s", "amount": {"amount": "80.00", "currency": "EUR"},
                  "closed_to_arrival": true}]""".formatted(lisbon.day(10), lisbon.day(11), lisbon.day(11), lisbon.day(12)));
        assertThat(prices.status()).as(prices.toString()).isEqualTo(204);
        String window = "from=" + lisbon.day(10) + "&to=" + lisbon.day(12);

        var avail = api.call(Method.GET, lisbon.path("/ari?" + window + "&room_type=SGL&rate_plan=FLEX"), lisbon.channel,
                null, null, "Accept", "application/xml");
        var rates = api.call(Method.GET, lisbon.path("/ari?" + window + "&room_type=DBL&rate_plan=NRF&message=rates"),
                lisbon.channel, null, null, "Accept", "application/xml");

        for (var response : List.of(avail, rates)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/xml");
            assertThat(OpenApiDocument.load().violations("GET", lisbon.path("/ari"), response)).isEmpty();
        }
        valid("OTA_HotelAvailNotifRQ.xsd", avail.body());
        valid("OTA_HotelRateAmountNotifRQ.xsd", rates.body());
        sameAs("avail-notif.xml", avail.body(), lisbon);
        sameAs("rate-amount-notif.xml", rates.body(), lisbon);
    }

    @Test
    void the_opentravel_feed_of_a_whole_window_is_valid() throws Exception {
        Lisbon lisbon = Lisbon.setUp(api, fixture);
        lisbon.book(lisbon.day(2), lisbon.day(4), "ota@example.com");
        for (String message : List.of("availability", "rates")) {
            var response = api.call(Method.GET, lisbon.path("/ari?message=" + message), lisbon.manager, null, null,
                    "Accept", "text/xml");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/xml");
            valid(message.equals("rates") ? "OTA_HotelRateAmountNotifRQ.xsd" : "OTA_HotelAvailNotifRQ.xsd", response.body());
        }
    }

    private static void valid(String schema, String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var url = AriResourceTest.class.getResource("/ota/" + schema);
        factory.newSchema(url).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static void sameAs(String fixtureFile, String xml, Lisbon lisbon) throws Exception {
        Document actual = parse(xml);
        String cursor = actual.getDocumentElement().getAttribute("EchoToken");
        assertThat(cursor).isNotBlank();
        String expectedText;
        try (InputStream in = AriResourceTest.class.getResourceAsStream("/ota/" + fixtureFile)) {
            expectedText = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${cursor}", cursor).replace("${hotel}", code(lisbon));
        }
        Document expected = parse(expectedText);
        assertThat(actual.getDocumentElement().isEqualNode(expected.getDocumentElement()))
                .as("%s%n  expected: %s%n  was: %s", fixtureFile, expectedText, xml).isTrue();
    }

    private static String code(Lisbon lisbon) {
        return fixture.hotel.inventory().property(io.hotelkit.shared.PropertyId.of(lisbon.id)).code();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setIgnoringComments(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        strip(document.getDocumentElement());
        return document;
    }

    /** Drops the whitespace between elements, which says nothing. */
    private static void strip(Element element) {
        List<Node> blank = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                blank.add(child);
            } else if (child instanceof Element nested) {
                strip(nested);
            }
        }
        blank.forEach(element::removeChild);
    }
}
