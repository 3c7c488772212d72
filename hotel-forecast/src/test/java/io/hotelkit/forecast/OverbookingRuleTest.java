package io.hotelkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotelkit.shared.Money;
import org.junit.jupiter.api.Test;

class OverbookingRuleTest {

    private static OverbookingRule rule(String walk, String empty, double risk) {
        return new OverbookingRule(Money.of(walk, "EUR"), Money.of(empty, "EUR"), risk);
    }

    @Test
    void nobody_cancelling_means_no_overbooking() {
        assertThat(rule("300", "100", 0.5).allowance(100, 0)).isZero();
        assertThat(rule("300", "100", 0.5).allowance(0, 0.3)).isZero();
    }

    @Test
    void the_allowance_is_the_smallest_that_reaches_the_critical_ratio() {
        // 100 rooms, 20 % cancel: X ~ Bin(100, 0.2), mean 20, sd 4. Critical ratio 0.25: P(X <= k) >= 0.25 first at k = 17.
        assertThat(rule("300", "100", 1).criticalRatio()).isEqualTo(0.25);
        assertThat(rule("300", "100", 1).allowance(100, 0.2)).isEqualTo(17);
        // a cheaper walk overbooks more
        assertThat(rule("100", "100", 1).allowance(100, 0.2)).isEqualTo(20);
    }

    @Test
    void the_hotels_risk_of_walking_caps_the_allowance() {
        // P(X < k) <= 1 %: k at most 11 for Bin(100, 0.2)
        assertThat(rule("100", "100", 0.01).allowance(100, 0.2)).isEqualTo(11);
        assertThat(rule("100", "100", 0).allowance(100, 0.2)).isLessThanOrEqualTo(5);
    }

    @Test
    void a_rule_refuses_what_makes_no_sense() {
        assertThatThrownBy(() -> rule("0", "100", 0.1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("walk cost");
        assertThatThrownBy(() -> rule("100", "100", 1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max walk risk");
        assertThatThrownBy(() -> new OverbookingRule(Money.of("100", "EUR"), Money.of("100", "USD"), 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one currency");
    }
}
