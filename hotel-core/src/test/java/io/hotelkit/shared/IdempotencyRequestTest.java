package io.hotelkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.guests.NewGuest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one fingerprint scheme: the same request gives the same fingerprint, different ones never share one. */
class IdempotencyRequestTest {

    private static Idempotency.Request pay(String amount) {
        return Idempotency.Request.of("pay").with("booking_id", "b1").with("amount", Money.of(amount, "EUR"));
    }

    @Test
    void fields_in_any_order_and_equal_amounts_are_the_same_request() {
        assertThat(pay("10.00").fingerprint())
                .isEqualTo(Idempotency.Request.of("pay").with("amount", Money.of("10.0", "EUR")).with("booking_id", "b1")
                        .fingerprint())
                .hasSize(64);
        assertThat(pay("10.00").fingerprint()).isNotEqualTo(pay("10.01").fingerprint());
    }

    @Test
    void values_holding_separators_never_make_two_requests_one() {
        var joined = Idempotency.Request.of("charge").with("a", "x|y").with("b", "z");
        var split = Idempotency.Request.of("charge").with("a", "x").with("b", "y|z");
        var quoted = Idempotency.Request.of("charge").with("a", "x\",\"b\":\"y").with("b", null);

        assertThat(joined.fingerprint()).isNotEqualTo(split.fingerprint());
        assertThat(quoted.toString())
                .isEqualTo("{\"fields\":{\"a\":\"x\\\",\\\"b\\\":\\\"y\",\"b\":null},\"operation\":\"charge\"}");
        assertThat(Idempotency.Request.of("x").with("a", null).fingerprint())
                .isNotEqualTo(Idempotency.Request.of("x").with("a", "null").fingerprint())
                .isNotEqualTo(Idempotency.Request.of("x").fingerprint());
    }

    @Test
    void records_are_read_by_their_components_and_maps_by_sorted_keys() {
        Map<String, Object> oneOrder = new LinkedHashMap<>();
        oneOrder.put("pillow", "firm");
        oneOrder.put("floor", 3);
        Map<String, Object> otherOrder = new LinkedHashMap<>();
        otherOrder.put("floor", 3);
        otherOrder.put("pillow", "firm");
        var ana = new NewGuest("Ana", "ana@example.com", null, "PT", oneOrder, true);

        assertThat(Idempotency.Request.of("register guest").with("guest", ana).toString()).isEqualTo(
                "{\"fields\":{\"guest\":{\"email\":\"ana@example.com\",\"loyaltyOptIn\":true,\"name\":\"Ana\","
                        + "\"nationality\":\"PT\",\"phone\":null,\"preferences\":{\"floor\":3,\"pillow\":\"firm\"}}},"
                        + "\"operation\":\"register guest\"}");
        assertThat(Idempotency.Request.of("register guest").with("guest", ana).fingerprint()).isEqualTo(
                Idempotency.Request.of("register guest")
                        .with("guest", new NewGuest("Ana", "ana@example.com", null, "PT", otherOrder, true)).fingerprint());
        assertThat(Idempotency.Request.of("stay").with("stay", Stay.of("2026-12-01", "2026-12-03")).toString())
                .contains("{\"checkin\":\"2026-12-01\",\"checkout\":\"2026-12-03\"}");
    }

    @Test
    void a_value_without_a_canonical_form_is_refused_rather_than_rendered_by_its_to_string() {
        assertThatThrownBy(() -> Idempotency.Request.of("x").with("thing", new Object()).fingerprint())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no canonical form for a java.lang.Object");
        assertThatThrownBy(() -> Idempotency.Request.of("x").with("a", 1).with("a", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    }
}
