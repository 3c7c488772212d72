package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The scan of a parsed body before it is bound: card data first, then text that is not plain. */
class BodyScanTest {

    @Test
    void a_card_number_anywhere_is_refused_as_card_data_naming_its_path() {
        Problem problem = refusalOf("""
                {"guests": [{"name": "Ann"}, {"note": "card 4111 1111 1111 1111, thanks"}]}""");

        assertThat(problem.code()).isEqualTo("card-data-refused");
        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("guests[1].note", "card numbers and security codes are refused"));
    }

    @Test
    void a_field_named_for_card_data_is_refused_whatever_it_holds() {
        Problem problem = refusalOf("""
                {"payment": {"Card-Number": ""}}""");

        assertThat(problem.code()).isEqualTo("card-data-refused");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("payment.Card-Number");
    }

    @Test
    void card_data_is_refused_before_text_that_is_not_plain_even_when_it_comes_later() {
        Problem problem = refusalOf("""
                {"name": "A\\u0007nn", "notes": ["4111111111111111"]}""");

        assertThat(problem.code()).isEqualTo("card-data-refused");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("notes[0]");
    }

    @Test
    void a_control_character_is_refused_naming_its_field_and_where_it_is() {
        Problem problem = refusalOf("""
                {"guest": {"name": "A\\u0007nn"}}""");

        assertThat(problem.code()).isEqualTo("invalid-request");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("guest.name",
                "must not hold control characters; it holds \\u0007 at character 2"));
    }

    @Test
    void a_line_break_is_refused_in_one_line_text() {
        Problem problem = refusalOf("""
                {"rooms": [{"name": "a\\nb"}]}""");

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("rooms[0].name",
                "must not hold control characters; it holds \\u000A at character 2"));
    }

    @Test
    void free_text_and_everything_inside_it_may_hold_tabs_and_line_breaks() {
        JsonNode body = tree("""
                {"special_requests": "late\\r\\narrival", "preferences": {"pillow": ["soft\\tfirm"]}}""");

        assertThatCode(() -> BodyScan.refuseIn(body)).doesNotThrowAnyException();
    }

    @Test
    void free_text_still_refuses_other_control_characters() {
        Problem problem = refusalOf("""
                {"special_requests": "late\\u0000"}""");

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("special_requests",
                "must not hold control characters; it holds \\u0000 at character 5 (tabs and line breaks are allowed)"));
    }

    @Test
    void a_field_name_that_is_not_plain_text_is_refused_naming_the_object_that_holds_it() {
        Problem problem = refusalOf("""
                {"guest": {"na\\u0001me": "Ann"}}""");

        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("guest", "holds a field name that is not plain text"));
    }

    @Test
    void a_lone_surrogate_in_a_bare_string_body_is_refused_as_the_body() {
        Problem problem = refusalOf("\"\\ud800\"");

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("(body)",
                "must be valid Unicode text; it holds a lone surrogate (\\uD800) at character 1"));
    }

    @Test
    void plain_text_passes_with_numbers_booleans_and_nulls() {
        JsonNode body = tree("""
                {"name": "Zoë 🙂", "adults": 2, "vip": true, "company": null, "tags": ["a", "b"]}""");

        assertThatCode(() -> BodyScan.refuseIn(body)).doesNotThrowAnyException();
    }

    private static Problem refusalOf(String json) {
        JsonNode body = tree(json);
        ApiException refusal = catchThrowableOfType(ApiException.class, () -> BodyScan.refuseIn(body));
        assertThat(refusal).as("a refusal of %s", json).isNotNull();
        return refusal.problem();
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
