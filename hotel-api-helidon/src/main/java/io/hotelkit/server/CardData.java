package io.hotelkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderName;
import io.helidon.webserver.http.ServerRequest;
import io.hotelkit.billing.CardNumbers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place where card data is refused (PCI DSS 3.3, 3.4): only a gateway's token of a card
 * ({@code card_token}) is ever accepted. A request is refused with a 400 naming the field, before anything
 * of it is bound, stored or logged, if a card number ({@link CardNumbers}) is written in any text of its
 * body (string values, numbers, and the names of free-form objects' fields: special requests, preferences,
 * descriptions, reasons), if a body has a field named for card data ({@code card_number}, {@code cvv}), or
 * if a header the server keeps ({@link #KEPT_HEADERS}) holds one.
 */
final class CardData {

    /** The request headers whose values the server stores: an idempotency key is kept with its answer. */
    static final List<HeaderName> KEPT_HEADERS = List.of(Idempotent.KEY);

    private static final Set<String> CARD_FIELDS = Set.of(
            "cardnumber", "pan", "primaryaccountnumber", "cvv", "cvv2", "cvc", "cvc2", "cid", "securitycode",
            "cardsecuritycode");

    private CardData() {}

    /** @throws ApiException naming the field if {@code body} carries card data anywhere */
    static void refuseIn(JsonNode body) {
        refuseIn(body, "");
    }

    /** @throws ApiException naming the header if a header the server keeps holds a card number */
    static void refuseInHeaders(ServerRequest req) {
        for (HeaderName name : KEPT_HEADERS) {
            for (String value : req.headers().all(name, List::of)) {
                if (CardNumbers.containsCardNumber(value)) {
                    throw ApiException.cardData(name.defaultCase());
                }
            }
        }
    }

    private static void refuseIn(JsonNode node, String path) {
        if ((node.isTextual() && CardNumbers.containsCardNumber(node.textValue()))
                || (node.isNumber() && CardNumbers.containsCardNumber(node.decimalValue().toPlainString()))) {
            throw ApiException.cardData(path.isEmpty() ? "(body)" : path);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                if (CardNumbers.containsCardNumber(name)) {
                    // named without its name: an answer never repeats a card number
                    throw ApiException.cardData((path.isEmpty() ? "" : path + ".") + "(a field name)");
                }
                String fieldPath = path.isEmpty() ? name : path + "." + name;
                if (CARD_FIELDS.contains(name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""))) {
                    throw ApiException.cardData(fieldPath);
                }
                refuseIn(field.getValue(), fieldPath);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseIn(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
