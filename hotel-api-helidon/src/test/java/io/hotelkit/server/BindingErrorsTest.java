package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a body that does not bind, or is not valid, is refused: the field by its JSON path, and what it must be. */
class BindingErrorsTest {

    enum Colour { RED, DARK_GREEN }

    record Line(int count, String text) {}

    record Nights(int value) {
        Nights {
            if (value < 1) {
                throw new IllegalArgumentException("a stay has at least 1 night");
            }
        }
    }

    record Order(String guestName, List<Line> lines, Colour colour, LocalDate arrival, Nights nights) {}

    record Room(@NotBlank String guestName) {}

    record Rooms(@Valid List<Room> roomList) {}

    private static ValidatorFactory validators;

    @BeforeAll
    static void buildValidators() {
        validators = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void closeValidators() {
        validators.close();
    }

    @Test
    void an_unknown_field_is_named_by_its_json_path() {
        Problem problem = refusalOf("""
                {"guest_name": "Ann", "lines": [{"count": 1, "text": "a"}, {"count": 2, "text": "b", "colour": "red"}]}""");

        assertThat(problem.code()).isEqualTo("invalid-request");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("lines[1].colour", "unknown field"));
        assertThat(problem.detail()).isEqualTo("lines[1].colour: unknown field");
    }

    @Test
    void a_value_of_the_wrong_type_says_what_it_must_be_in_json_words() {
        Problem problem = refusalOf("""
                {"lines": [{"count": "1", "text": "a"}]}""");

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("lines[0].count", "must be a whole number"));
    }

    @Test
    void an_unknown_enum_value_lists_the_values_in_lower_case() {
        Problem problem = refusalOf("""
                {"colour": "blue"}""");

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("colour", "must be one of red, dark_green"));
    }

    @Test
    void a_date_that_is_no_date_says_the_format_and_the_range() {
        Problem problem = refusalOf("""
                {"arrival": "1 December"}""");

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("arrival",
                "must be a date (YYYY-MM-DD) from " + Json.EARLIEST_DATE + " to " + Json.LATEST_DATE));
    }

    @Test
    void a_value_its_constructor_refuses_is_refused_with_the_constructors_reason() {
        Problem problem = refusalOf("""
                {"nights": {"value": 0}}""");

        assertThat(problem.errors()).containsExactly(new Problem.FieldError("nights", "a stay has at least 1 night"));
    }

    @Test
    void bad_syntax_is_malformed_json_with_its_line_and_never_the_text() {
        Problem problem = refusalOf("{\"guest_name\": \"Ann\",\n  \"lines\": [}");

        assertThat(problem.code()).isEqualTo("malformed-json");
        assertThat(problem.detail()).matches("the body is not valid JSON \\(line 2, column \\d+\\)").doesNotContain("Ann");
        assertThat(problem.errors()).isNull();
    }

    @Test
    void a_bean_validation_path_is_written_in_json_names_with_indexes() {
        Validator validator = validators.getValidator();
        var violations = validator.validate(new Rooms(List.of(new Room("Ann"), new Room(" "))));

        assertThat(violations).singleElement()
                .extracting(v -> BindingErrors.path(v.getPropertyPath()))
                .isEqualTo("room_list[1].guest_name");
    }

    @Test
    void several_invalid_fields_are_listed_in_the_order_of_their_paths() {
        Problem problem = BindingErrors.invalid(List.of(
                new Problem.FieldError("rooms[1].name", "must not be blank"),
                new Problem.FieldError("adults", "must be at least 1"),
                new Problem.FieldError("adults", "must be a whole number"))).problem();

        assertThat(problem.errors()).extracting(e -> e.field() + ": " + e.message()).containsExactly(
                "adults: must be a whole number", "adults: must be at least 1", "rooms[1].name: must not be blank");
        assertThat(problem.detail()).isEqualTo("3 fields are invalid");
    }

    private static Problem refusalOf(String json) {
        IOException error = catchThrowableOfType(IOException.class, () -> Json.mapper().readValue(json, Order.class));
        assertThat(error).as("Jackson refuses %s", json).isNotNull();
        return BindingErrors.refusal(error).problem();
    }
}
