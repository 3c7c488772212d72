package io.hotelkit.availability;

import io.hotelkit.rates.CancellationPolicy;
import io.hotelkit.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A room type in a rate plan that takes the stay: its nightly prices (frozen into a booking made from it),
 * the total with the taxes added on top of prices, and how many more such bookings would be accepted now.
 */
public record Offer(
        String roomType,
        String ratePlan,
        int available,
        Money total,
        List<NightPrice> nightly,
        CancellationPolicy cancellationPolicy) {

    public Offer {
        nightly = nightly instanceof NightPrices prices ? prices : List.copyOf(nightly);
    }

    /** The room prices alone, in night order. */
    public List<Money> nightlyAmounts() {
        if (nightly instanceof NightPrices prices) {
            return prices.amounts();
        }
        return nightly.stream().map(NightPrice::amount).toList();
    }

    /** The room price of one night. */
    public record NightPrice(LocalDate date, Money amount) {}
}
