package io.hotelkit.availability;

import io.hotelkit.shared.Stay;
import java.util.List;

/** The answer to an {@link AvailabilityQuery}: every offer that takes the stay, by room type then rate plan. */
public record Availability(Stay stay, List<Offer> offers) {

    public Availability {
        offers = offers instanceof OfferList found ? found : List.copyOf(offers);
    }

    public int nights() {
        return stay.nights();
    }
}
