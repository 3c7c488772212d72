package io.hotelkit.availability;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.inventory.RoomType;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Rounding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A derived plan's nights are worked out when its base's are set, and offers keep slices of a plan's nights:
 * what a search answered must not change when prices are set after it, and what is searched after must
 * see them, in the base and in every plan derived from it.
 */
class DerivedNightsTest {

    private static final PropertyId PROPERTY = PropertyId.of("P1");
    private static final RoomType DOUBLE = new RoomType(PROPERTY, "DBL", "Double", 3, 2, 4, 2, 0, 1);
    private static final LocalDate FIRST = LocalDate.parse("2026-12-01");

    private final RateGrid grid = new RateGrid(Money.currency("EUR"), Rounding.HALF_UP);

    @Test
    void an_offer_keeps_its_prices_when_the_base_is_priced_again_and_a_new_search_sees_the_new_ones() {
        grid.define(plan("BAR", null));
        grid.define(plan("NRF", new DerivedRate("BAR", new BigDecimal("-10"))));
        setTwoNights("100.00");
        int slot = grid.slot("DBL");
        RateGrid.SearchPricing pricing = grid.forSearch(grid.plans());
        NightPrices[] before = search(pricing, slot);

        setTwoNights("200.00");
        NightPrices[] after = search(pricing, slot);

        // plans in code order: BAR, NRF
        assertThat(before[0].minor()).containsExactly(10_000, 10_000);
        assertThat(before[1].minor()).containsExactly(9_000, 9_000);
        assertThat(before[0].get(1).amount()).isEqualTo(eur("100.00"));
        assertThat(after[0].minor()).containsExactly(20_000, 20_000);
        assertThat(after[1].minor()).containsExactly(18_000, 18_000);
    }

    @Test
    void a_plan_derived_after_its_base_was_priced_is_priced_from_the_base_s_nights() {
        grid.define(plan("BAR", null));
        setTwoNights("99.99");
        grid.define(plan("NRF", new DerivedRate("BAR", new BigDecimal("-12.5"))));

        NightPrices[] offers = search(grid.forSearch(List.of("NRF")), grid.slot("DBL"));

        assertThat(offers[0].minor()).containsExactly(8_749, 8_749); // 99.99 * 0.875 = 87.49125
        assertThat(grid.rows("NRF", "DBL", io.hotelkit.shared.DateRange.of(FIRST, FIRST.plusDays(2))))
                .extracting(DailyRate::amount).containsExactly(eur("87.49"), eur("87.49"));
    }

    @Test
    void a_type_never_priced_is_refused_by_every_plan() {
        grid.define(plan("BAR", null));
        grid.define(plan("NRF", new DerivedRate("BAR", new BigDecimal("-10"))));
        setTwoNights("100.00");

        NightPrices[] offers = search(grid.forSearch(grid.plans()), grid.slot("SGL"));

        assertThat(offers).containsOnlyNulls();
    }

    @Test
    void an_amount_past_a_long_s_product_is_adjusted_exactly() {
        long huge = Long.MAX_VALUE / 20; // times 900,000 ppm overflows a long

        assertThat(NightRates.adjusted(huge, 900_000, Rounding.HALF_UP))
                .isEqualTo(new BigDecimal(huge).multiply(new BigDecimal("0.9")).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        assertThat(NightRates.adjusted(10_001, 875_000, Rounding.HALF_UP)).isEqualTo(8_751); // 8,750.875
    }

    private NightPrices[] search(RateGrid.SearchPricing pricing, int slot) {
        NightPrices[] nightly = new NightPrices[pricing.size()];
        pricing.price(slot, DOUBLE, FIRST, 2, Occupancy.adults(2), nightly);
        return nightly;
    }

    private void setTwoNights(String amount) {
        grid.put("BAR", List.of(
                new DailyRate("DBL", FIRST, eur(amount), eur("30.00"), eur("15.00"), null, null, false, false, false),
                new DailyRate("DBL", FIRST.plusDays(1), eur(amount), eur("30.00"), eur("15.00"), null, null, false, false, false)));
    }

    private static RatePlan plan(String code, DerivedRate derivation) {
        return new RatePlan(PROPERTY, code, code, MealPlan.ROOM_ONLY, CancellationPolicy.freeCancellation(), derivation, 1);
    }
}
