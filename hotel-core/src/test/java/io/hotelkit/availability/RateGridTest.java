package io.hotelkit.availability;

import static io.hotelkit.testing.TestHotels.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotelkit.inventory.RoomType;
import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.rates.DailyRate;
import io.hotelkit.rates.DerivedRate;
import io.hotelkit.rates.MealPlan;
import io.hotelkit.rates.RatePlan;
import io.hotelkit.rates.Restriction;
import io.hotelkit.shared.Money;
import io.hotelkit.shared.Occupancy;
import io.hotelkit.shared.PropertyId;
import io.hotelkit.shared.Rounding;
import io.hotelkit.shared.Stay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateGridTest {

    private static final PropertyId PROPERTY = PropertyId.of("P1");
    private static final RoomType DOUBLE = new RoomType(PROPERTY, "DBL", "Double", 3, 2, 4, 2, 0, 1);
    private static final LocalDate FIRST = LocalDate.parse("2026-12-01");
    private static final Currency EUR = Money.currency("EUR");

    private final RateGrid grid = new RateGrid(Money.currency("EUR"), Rounding.HALF_UP);

    @BeforeEach
    void tenNightsAtAHundred() {
        grid.define(new RatePlan(PROPERTY, "FLEX", "Flexible", MealPlan.ROOM_ONLY, CancellationPolicy.freeCancellation(), null, 1));
        for (int n = 0; n < 10; n++) {
            set(n, null, null, false, false, false);
        }
    }

    @Test
    void a_stay_is_priced_night_by_night_with_extra_adults_and_children() {
        StayPrice price = grid.price("FLEX", DOUBLE, stay(0, 2), Occupancy.of(3, 1));

        // 100.00 for two adults, + 30.00 for the third, + 15.00 for the child
        assertThat(price).isInstanceOfSatisfying(StayPrice.Priced.class,
                priced -> assertThat(priced.nightlyMinor()).containsExactly(14_500, 14_500));
    }

    @Test
    void min_and_max_stay_are_read_from_the_arrival_night_only() {
        set(3, 3, 4, false, false, false);

        assertThat(refusal(stay(3, 5))).isEqualTo(Restriction.MIN_STAY);
        assertThat(refusal(stay(3, 8))).isEqualTo(Restriction.MAX_STAY);
        assertThat(grid.price("FLEX", DOUBLE, stay(3, 6), Occupancy.adults(2))).isInstanceOf(StayPrice.Priced.class);
        // a stay that only passes through night 3 is not bound by its minimum
        assertThat(grid.price("FLEX", DOUBLE, stay(2, 4), Occupancy.adults(2))).isInstanceOf(StayPrice.Priced.class);
    }

    @Test
    void a_closed_night_anywhere_in_the_stay_refuses_it() {
        set(4, null, null, true, false, false);

        assertThat(refusal(stay(2, 6))).isEqualTo(Restriction.CLOSED);
        assertThat(grid.price("FLEX", DOUBLE, stay(2, 4), Occupancy.adults(2))).isInstanceOf(StayPrice.Priced.class);
    }

    @Test
    void closed_to_arrival_refuses_only_stays_arriving_that_night() {
        set(4, null, null, false, true, false);

        assertThat(refusal(stay(4, 6))).isEqualTo(Restriction.CLOSED_TO_ARRIVAL);
        assertThat(grid.price("FLEX", DOUBLE, stay(3, 6), Occupancy.adults(2))).isInstanceOf(StayPrice.Priced.class);
    }

    @Test
    void closed_to_departure_is_read_on_the_checkout_date() {
        set(6, null, null, false, false, true);

        assertThat(refusal(stay(4, 6))).isEqualTo(Restriction.CLOSED_TO_DEPARTURE);
        // staying through the night of the 6th is fine: it is not the departure
        assertThat(grid.price("FLEX", DOUBLE, stay(4, 8), Occupancy.adults(2))).isInstanceOf(StayPrice.Priced.class);
    }

    @Test
    void a_night_without_a_price_is_not_sellable() {
        assertThat(refusal(stay(8, 11))).isEqualTo(Restriction.NO_PRICE);
    }

    @Test
    void a_derived_plan_adjusts_each_amount_and_rounds_it() {
        grid.define(new RatePlan(PROPERTY, "NRF", "Non-refundable", MealPlan.ROOM_ONLY, CancellationPolicy.nonRefundable(),
                new DerivedRate("FLEX", new BigDecimal("-12.5")), 1));
        grid.put("FLEX", List.of(new DailyRate("DBL", FIRST, eur("99.99"), eur("10.01"), eur("0.00"), null, null, false, false, false)));

        StayPrice price = grid.price("NRF", DOUBLE, stay(0, 1), Occupancy.adults(3));

        // 99.99 * 0.875 = 87.49125 -> 87.49; 10.01 * 0.875 = 8.75875 -> 8.76
        assertThat(price).isInstanceOfSatisfying(StayPrice.Priced.class,
                priced -> assertThat(priced.nightlyMinor()).containsExactly(8_749 + 876));
        assertThat(grid.rows("NRF", "DBL", stay(0, 1).nightsAsRange()).getFirst().amount()).isEqualTo(eur("87.49"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void a_search_prices_every_plan_as_price_does(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        grid.define(new RatePlan(PROPERTY, "ADV", "Advance", MealPlan.ROOM_ONLY, CancellationPolicy.nonRefundable(), null, 1));
        grid.define(new RatePlan(PROPERTY, "NRF", "Non-refundable", MealPlan.ROOM_ONLY, CancellationPolicy.nonRefundable(),
                new DerivedRate("FLEX", new BigDecimal("-12.5")), 1));
        grid.define(new RatePlan(PROPERTY, "ZZZ", "Derived from ADV", MealPlan.ROOM_ONLY, CancellationPolicy.nonRefundable(),
                new DerivedRate("ADV", new BigDecimal("7.25")), 1));
        for (String base : List.of("FLEX", "ADV")) {
            for (int night = 0; night < 40; night++) {
                if (random.nextInt(10) == 0) {
                    continue; // no price
                }
                grid.put(base, List.of(new DailyRate("DBL", FIRST.plusDays(night), Money.ofMinor(5_000 + random.nextInt(20_000), EUR),
                        Money.ofMinor(random.nextInt(4_000), EUR), Money.ofMinor(random.nextInt(2_000), EUR),
                        random.nextInt(4) == 0 ? 1 + random.nextInt(4) : null, random.nextInt(4) == 0 ? 4 + random.nextInt(6) : null,
                        random.nextInt(15) == 0, random.nextInt(8) == 0, random.nextInt(8) == 0)));
            }
        }
        List<String> plans = grid.plans();
        RateGrid.SearchPricing pricing = grid.forSearch(plans);
        for (int query = 0; query < 300; query++) {
            int from = random.nextInt(38);
            Stay stay = stay(from, from + 1 + random.nextInt(9));
            Occupancy occupancy = Occupancy.of(1 + random.nextInt(3), random.nextInt(2));
            long[][] searched = pricing.price(DOUBLE, stay.checkin().toEpochDay(), stay.nights(), occupancy);
            for (int p = 0; p < plans.size(); p++) {
                StayPrice price = grid.price(plans.get(p), DOUBLE, stay, occupancy);
                String why = "seed " + seed + ", plan " + plans.get(p) + ", " + stay + ", " + occupancy;
                if (price instanceof StayPrice.Priced priced) {
                    assertThat(searched[p]).as(why).containsExactly(priced.nightlyMinor());
                } else {
                    assertThat(searched[p]).as(why).isNull();
                }
            }
        }
    }

    private Restriction refusal(Stay stay) {
        StayPrice price = grid.price("FLEX", DOUBLE, stay, Occupancy.adults(2));
        assertThat(price).isInstanceOf(StayPrice.Refused.class);
        return ((StayPrice.Refused) price).restriction();
    }

    private void set(int night, Integer minStay, Integer maxStay, boolean closed, boolean closedToArrival, boolean closedToDeparture) {
        grid.put("FLEX", List.of(new DailyRate("DBL", FIRST.plusDays(night), eur("100.00"), eur("30.00"), eur("15.00"),
                minStay, maxStay, closed, closedToArrival, closedToDeparture)));
    }

    private static Stay stay(int from, int to) {
        return Stay.of(FIRST.plusDays(from), FIRST.plusDays(to));
    }
}
