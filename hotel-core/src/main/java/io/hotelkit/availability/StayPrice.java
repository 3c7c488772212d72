package io.hotelkit.availability;

import io.hotelkit.rates.Restriction;
import java.time.LocalDate;

/** A rate plan's answer for a stay: its nightly prices, or the restriction that refuses it. */
sealed interface StayPrice {

    /** The price of each night of the stay, in minor units of the property's currency. */
    record Priced(long[] nightlyMinor) implements StayPrice {}

    /** Refused by {@code restriction}, found on {@code date}. */
    record Refused(Restriction restriction, LocalDate date) implements StayPrice {}
}
