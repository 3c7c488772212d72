package io.hotelkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import io.hotelkit.access.Role;
import io.hotelkit.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Sample(String guestName, LocalDate checkinDate, Instant createdAt, Money total, Role role) {}

    private static final Sample SAMPLE = new Sample("Ann", LocalDate.parse("2026-12-01"),
            Instant.parse("2026-11-25T08:00:00.123Z"), Money.of("123.40", "EUR"), Role.FRONT_DESK);

    @Test
    void writes_snake_case_iso_dates_utc_instants_string_money_and_lower_case_enums() {
        assertThat(Json.text(SAMPLE)).isEqualTo("""
                {"guest_name":"Ann","checkin_date":"2026-12-01","created_at":"2026-11-25T08:00:00.123Z",\
                "total":{"amount":"123.40","currency":"EUR"},"role":"front_desk"}""");
    }

    @Test
    void reads_what_it_writes() throws Exception {
        assertThat(Json.read(Json.bytes(SAMPLE), Sample.class)).isEqualTo(SAMPLE);
    }

    @Test
    void money_keeps_its_currencys_scale() {
        assertThat(Json.text(Money.of("5", "EUR"))).isEqualTo("{\"amount\":\"5.00\",\"currency\":\"EUR\"}");
        assertThat(Json.text(Money.of("500", "JPY"))).isEqualTo("{\"amount\":\"500\",\"currency\":\"JPY\"}");
    }

    @Test
    void money_as_a_number_is_refused() {
        assertThatThrownBy(() -> Json.read("{\"amount\": 12.5, \"currency\": \"EUR\"}".getBytes(), Money.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void money_with_an_unknown_field_is_refused() {
        assertThatThrownBy(() -> Json.read(
                "{\"amount\": \"1.00\", \"currency\": \"EUR\", \"fx\": \"1\"}".getBytes(), Money.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void scalars_are_not_coerced_between_types() {
        record Numbers(int count, String text, boolean flag) {}

        assertThatThrownBy(() -> Json.read("{\"count\": \"1\", \"text\": \"a\", \"flag\": true}".getBytes(), Numbers.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("{\"count\": 1, \"text\": 1, \"flag\": true}".getBytes(), Numbers.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.read("{\"count\": 1, \"text\": \"a\", \"flag\": 1}".getBytes(), Numbers.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void a_duplicate_field_is_refused() {
        assertThatThrownBy(() -> Json.read("{\"amount\": \"1.00\", \"amount\": \"2.00\", \"currency\": \"EUR\"}"
                .getBytes(), Money.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void an_enum_by_number_is_refused() {
        assertThatThrownBy(() -> Json.read("1".getBytes(), Role.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void the_canonical_text_ignores_key_order() {
        var a = Json.read("{\"b\": 1, \"a\": {\"y\": 2, \"x\": 3}}", com.fasterxml.jackson.databind.JsonNode.class);
        var b = Json.read("{\"a\": {\"x\": 3, \"y\": 2}, \"b\": 1}", com.fasterxml.jackson.databind.JsonNode.class);

        assertThat(Json.canonical(a)).isEqualTo(Json.canonical(b));
    }
}
