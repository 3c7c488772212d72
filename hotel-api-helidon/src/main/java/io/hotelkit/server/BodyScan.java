package io.hotelkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What every request body is scanned for once it is parsed and before any of it is bound: card data
 * ({@link CardData}, first, so that a body carrying a card number is refused as card data whatever else is
 * wrong with it), then text that is not {@link PlainText}. Both walk the JSON tree, so a refusal names the
 * field by its JSON path ({@code guests[1].note}).
 */
final class BodyScan {

    private BodyScan() {}

    /** @throws ApiException naming the first field that carries card data or text that is not plain */
    static void refuseIn(JsonNode body) {
        CardData.refuseIn(body);
        refuseNonPlainText(body, "", false);
    }

    /**
     * Every text in the body, values and field names, is {@link PlainText}; a field of long free text
     * ({@link PlainText#MULTI_LINE}), and everything inside one, may hold line breaks and tabs.
     */
    private static void refuseNonPlainText(JsonNode node, String path, boolean multiLine) {
        if (node.isTextual()) {
            PlainText.problem(node.asText(), multiLine).ifPresent(problem -> {
                throw invalid(path.isEmpty() ? "(body)" : path, problem);
            });
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                if (!PlainText.isPlain(name)) {
                    throw invalid(path.isEmpty() ? "(body)" : path, "holds a field name that is not plain text");
                }
                refuseNonPlainText(field.getValue(), path.isEmpty() ? name : path + "." + name,
                        multiLine || PlainText.MULTI_LINE.contains(name));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseNonPlainText(node.get(i), path + "[" + i + "]", multiLine);
            }
        }
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.invalid(List.of(new Problem.FieldError(field, message)));
    }
}
