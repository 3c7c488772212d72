package io.hotelkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void equality_ignores_the_scale_of_the_amount() {
        assertThat(Money.of(new BigDecimal("10.0"), Money.currency("EUR"))).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("10.00", "EUR")).hasSameHashCodeAs(Money.of("10", "EUR"));
    }

    @Test
    void amounts_finer_than_the_currency_are_refused_not_rounded() {
        assertThatThrownBy(() -> Money.of("10.005", "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EUR amounts have at most 2 decimals, not 10.005");
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).hasMessageContaining("JPY amounts have at most 0 decimals");
    }

    @Test
    void money_of_two_currencies_does_not_add_up() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("expected an amount in EUR, got USD");
    }

    @Test
    void bad_numbers_and_currencies_are_named() {
        assertThatThrownBy(() -> Money.of("12,50", "EUR")).hasMessage("not a decimal amount: '12,50'");
        assertThatThrownBy(() -> Money.of("1.00", "EURO")).hasMessage("not an ISO 4217 currency code: 'EURO'");
        assertThatThrownBy(() -> Money.of((String) null, "EUR")).isInstanceOf(NullPointerException.class).hasMessage("amount");
        assertThatThrownBy(() -> Money.of("-1.00", "EUR").requirePositive("a payment"))
                .hasMessage("a payment must be more than zero: -1.00 EUR");
    }
}
